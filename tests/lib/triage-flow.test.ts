import { describe, expect, test } from 'vitest';
import { loadProject } from '../../src/checker/index.ts';
import {
  assessmentOf,
  BACK,
  featureGatesOf,
  followsCandidates,
  proposedTeams,
  pullRequestsOf,
  relatedNotes,
  triageQueue,
  walkSteps,
  type Step,
  type TriageAnswers,
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

describe('walkSteps', () => {
  type Answers = { impact: string; reason: string; when: string; text: string };
  const steps: Step<Answers>[] = [
    { key: 'impact' },
    { key: 'reason', asked: (answers) => answers.impact === 'none' },
    { key: 'when' },
    { key: 'text', asked: (answers) => answers.when !== '' },
  ];
  /** Walks the steps answering from a script; records each question asked with the answer it offered again. */
  async function walk(script: unknown[]) {
    const asked: string[] = [];
    const answers = await walkSteps<Answers, Step<Answers>>(steps, (step, given) => {
      asked.push(given[step.key] === undefined ? step.key : `${step.key}=${given[step.key]}`);
      if (script.length === 0) throw new Error(`no answer for ${step.key}`);
      return Promise.resolve(script.shift());
    });
    return { asked, answers };
  }

  test.each([
    [
      'forward, skipping what is not asked',
      ['watch', 'before', 'Do it.'],
      ['impact', 'when', 'text'],
      { impact: 'watch', when: 'before', text: 'Do it.' },
    ],
    [
      'back over a skipped question to the one before, offering the answers again',
      ['watch', 'before', BACK, BACK, 'none', 'not-used', 'before', 'Do it.'],
      ['impact', 'when', 'text', 'when=before', 'impact=watch', 'reason', 'when=before', 'text'],
      { impact: 'none', reason: 'not-used', when: 'before', text: 'Do it.' },
    ],
    [
      'an answer whose question is no longer asked is dropped',
      ['none', 'not-used', 'after', BACK, BACK, BACK, 'watch', 'after', 'Later.'],
      [
        'impact',
        'reason',
        'when',
        'text',
        'when=after',
        'reason=not-used',
        'impact=none',
        'when=after',
        'text',
      ],
      { impact: 'watch', when: 'after', text: 'Later.' },
    ],
    ['back from the first question gives nothing', [BACK], ['impact'], undefined],
  ])('%s', async (_, script, asked, answers) => {
    expect(await walk([...script])).toEqual({ asked, answers });
  });
});

describe('assessmentOf', () => {
  const base: Pick<TriageAnswers, 'impact' | 'teams' | 'components' | 'maturity' | 'status'> = {
    impact: 'action-required',
    teams: ['ops'],
    components: [],
    maturity: '',
    status: '',
  };
  const action = { when: 'before-upgrade', zh: '先做。', en: 'Do it first.' } as const;

  test('the action from its time and texts; texts per language; follows added to the note’s own', () => {
    expect(
      assessmentOf(
        { follows: ['k-1-a'], action: undefined },
        {
          ...base,
          follows: ['k-1-b'],
          'zh.assessment': '需要处理。',
          'en.assessment': 'Act.',
          'action.when': 'before-upgrade',
          'action.zh': '先做。',
          'action.en': 'Do it first.',
        },
      ),
    ).toEqual({
      impact: 'action-required',
      teams: ['ops'],
      components: [],
      follows: ['k-1-a', 'k-1-b'],
      action,
      texts: { zh: { assessment: '需要处理。' }, en: { assessment: 'Act.' } },
    });
  });

  test.each([
    ['no action for a note without one: left out', undefined, undefined],
    ['no action for a note with one: removed', action, null],
  ])('%s', (_, existing, expected) => {
    const made = assessmentOf(
      { follows: [], action: existing },
      { ...base, impact: 'watch', 'action.when': '', 'en.assessment': 'Watch.' },
    );
    expect(made.action).toBe(expected);
    expect('action' in made).toBe(expected !== undefined);
  });

  test('an empty title keeps a pending translation pending; a reason only with impact none', () => {
    const made = assessmentOf(
      { follows: [], action: undefined },
      {
        ...base,
        impact: 'watch',
        reason: 'not-used',
        'zh.title': ' ',
        'zh.assessment': '关注。',
        'en.assessment': 'Watch.',
      },
    );
    expect(made.texts).toEqual({ en: { assessment: 'Watch.' } });
    expect(made).not.toHaveProperty('reason');
  });
});
