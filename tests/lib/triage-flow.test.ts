import { describe, expect, test } from 'vitest';
import { loadProject } from '../../src/checker/index.ts';
import {
  featureGatesOf,
  followsCandidates,
  proposedTeams,
  pullRequestsOf,
  relatedNotes,
  triageQueue,
} from '../../src/lib/triage-flow.ts';
import { toViewNote } from '../../src/lib/views.ts';
import { noteSchema, type Note } from '../../src/schemas/note.ts';
import { minimalProject, withFile } from '../fixtures/minimal-project.ts';

const note = (fields: Record<string, unknown>): Note =>
  noteSchema.parse({
    section: 'other-notable-changes',
    impact: 'untriaged',
    pendingTranslation: ['zh'],
    en: { title: 'A change', summary: 'A change.' },
    ...fields,
  });

describe('triageQueue', () => {
  const areas = [
    { id: 'storage', name: { zh: '存储', en: 'Storage' }, teams: ['ops'] },
    { id: 'networking', name: { zh: '网络', en: 'Networking' }, teams: ['net'] },
  ];
  const release = { remarks: [] };
  const notes = [
    note({ id: 'r-c', release: 'r', area: 'networking' }),
    note({ id: 'r-b', release: 'r', area: 'storage' }),
    note({ id: 'r-a', release: 'r', area: 'storage' }),
    note({ id: 'r-d', release: 'r' }),
    note({
      id: 'r-e',
      release: 'r',
      area: 'storage',
      impact: 'watch',
      en: { title: 't', summary: 's', assessment: 'a' },
    }),
    note({ id: 'q-a', release: 'q', area: 'storage' }),
  ].map((each) => toViewNote(each, `notes/${each.release}/${each.id}.md`, release, areas));

  test.each([
    [{ release: 'r' }, ['r-d', 'r-a', 'r-b', 'r-c']],
    [{ release: 'r', area: 'storage' }, ['r-a', 'r-b']],
    [{ release: 'r', team: 'net' }, ['r-c']],
    [{ release: 'q' }, ['q-a']],
  ])('%o', (filter, ids) => {
    expect(triageQueue(notes, areas, filter).map((each) => each.id)).toEqual(ids);
  });

  test('an area verdict takes notes out of the queue', () => {
    const covered = notes.map((each) =>
      toViewNote(
        each,
        each.file,
        {
          remarks: [
            {
              section: 'other-notable-changes',
              area: 'storage',
              impact: 'none',
              text: { zh: '无', en: 'None' },
            },
          ],
        },
        areas,
      ),
    );
    expect(triageQueue(covered, areas, { release: 'r' }).map((each) => each.id)).toEqual([
      'r-d',
      'r-c',
    ]);
  });
});

describe('related notes', () => {
  const releases = [
    { id: 'k-1', releaseDate: new Date('2017-06-29') },
    { id: 'k-2', releaseDate: new Date('2017-09-28') },
  ];
  const pr = (n: number) => [`https://github.com/kubernetes/kubernetes/pull/${n}`];
  const current = note({
    id: 'k-2-x',
    release: 'k-2',
    upstream: pr(100),
    en: {
      title: 'Gate',
      summary:
        'The `PodPriority` feature gate is now beta; see --feature-gates=TaintBasedEvictions=true.',
    },
  });
  const samePr = note({ id: 'k-1-pr', release: 'k-1', upstream: pr(100) });
  const sameGate = note({
    id: 'k-1-gate',
    release: 'k-1',
    en: { title: 'PodPriority feature gate added', summary: 'alpha' },
  });
  const unrelated = note({
    id: 'k-1-other',
    release: 'k-1',
    upstream: pr(101),
    en: { title: 'Other', summary: 'A feature of PodPriority-free things.' },
  });
  const sameRelease = note({ id: 'k-2-twin', release: 'k-2', upstream: pr(100) });

  test('pull requests and feature gates a note names', () => {
    expect(pullRequestsOf(current)).toEqual(['kubernetes/kubernetes#100']);
    expect(featureGatesOf(current)).toEqual(['PodPriority', 'TaintBasedEvictions']);
  });

  test('notes of other releases sharing a pull request or a feature gate, and which to offer for follows', () => {
    const related = relatedNotes(current, [current, samePr, sameGate, unrelated, sameRelease]);
    expect(related.map(({ note: other, via }) => [other.id, via])).toEqual([
      ['k-1-pr', ['pr kubernetes/kubernetes#100']],
      ['k-1-gate', ['feature gate PodPriority']],
    ]);
    expect(followsCandidates(current, related, releases).map((other) => other.id)).toEqual([
      'k-1-pr',
      'k-1-gate',
    ]);
    const following = { ...current, follows: ['k-1-pr'] };
    expect(followsCandidates(following, related, releases).map((other) => other.id)).toEqual([
      'k-1-gate',
    ]);
  });
});

describe('proposedTeams', () => {
  test('the note’s own teams, else the teams of its area', () => {
    const { project } = loadProject(
      withFile(
        minimalProject(),
        'data/areas.yaml',
        'storage:\n  name: { zh: 存储, en: Storage }\n  teams: [ops]\n',
      ),
    );
    expect(proposedTeams({ teams: [], area: 'storage' }, project.areas)).toEqual(['ops']);
    expect(proposedTeams({ teams: ['x'], area: 'storage' }, project.areas)).toEqual(['x']);
    expect(proposedTeams({ teams: [], area: undefined }, project.areas)).toEqual([]);
  });
});
