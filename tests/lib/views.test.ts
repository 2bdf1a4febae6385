import { describe, expect, test } from 'vitest';
import type { Note } from '../../src/schemas/note.ts';
import {
  checklistOf,
  compareOpenFirst,
  countByImpact,
  groupBySectionAndArea,
  indexLinkedNotes,
  neighboursOf,
  textsFor,
} from '../../src/lib/views.ts';
import { impactByAreaRows } from '../../src/lib/chart.ts';

function note(overrides: Partial<Note> & Pick<Note, 'id'>): Note {
  return {
    release: 'kubernetes-1.7',
    section: 'other-notable-changes',
    alsoIn: [],
    impact: 'none',
    teams: [],
    components: [],
    upstream: [],
    tickets: [],
    follows: [],
    supersedes: [],
    pendingTranslation: [],
    status: undefined,
    zh: { title: `标题 ${overrides.id}`, summary: '摘要', assessment: '评估' },
    en: { title: `Title ${overrides.id}`, summary: 'Summary', assessment: 'Assessment' },
    ...overrides,
  } as Note;
}

const areas = [
  { id: 'storage', name: { zh: '存储', en: 'Storage' }, teams: [] },
  { id: 'networking', name: { zh: '网络', en: 'Networking' }, teams: [] },
];

describe('textsFor', () => {
  test('returns the texts of the asked language when they exist', () => {
    expect(textsFor(note({ id: 'a' }), 'en')).toMatchObject({
      lang: 'en',
      fallback: false,
      texts: { title: 'Title a' },
    });
  });

  test('falls back to the other language when a translation is pending', () => {
    const pending = note({ id: 'a', en: undefined, pendingTranslation: ['en'] });
    expect(textsFor(pending, 'en')).toMatchObject({
      lang: 'zh',
      fallback: true,
      texts: { title: '标题 a' },
    });
  });
});

describe('countByImpact', () => {
  test('counts every level, zero where there is none', () => {
    const counts = countByImpact([
      note({ id: 'a', impact: 'watch' }),
      note({ id: 'b', impact: 'watch' }),
      note({ id: 'c' }),
    ]);
    expect(counts).toEqual({
      'action-required': 0,
      attention: 0,
      investigate: 0,
      watch: 2,
      none: 1,
      untriaged: 0,
    });
  });
});

describe('groupBySectionAndArea', () => {
  test('orders sections as upstream does, areas as the area list does, urgent items first', () => {
    const groups = groupBySectionAndArea(
      [
        note({ id: 'n1', section: 'deprecations', area: 'networking' }),
        note({ id: 'n2', section: 'action-required', area: 'networking', impact: 'attention' }),
        note({ id: 'n3', section: 'action-required', area: 'storage', impact: 'none' }),
        note({ id: 'n4', section: 'action-required', area: 'storage', impact: 'attention' }),
      ],
      areas,
    );
    expect(
      groups.map((group) => [
        group.section,
        group.areas.map((area) => [area.area, area.notes.map((n) => n.id)]),
      ]),
    ).toEqual([
      [
        'action-required',
        [
          ['storage', ['n4', 'n3']],
          ['networking', ['n2']],
        ],
      ],
      ['deprecations', [['networking', ['n1']]]],
    ]);
  });

  test('lists a note also under its alsoIn sections as a cross-reference', () => {
    const groups = groupBySectionAndArea(
      [note({ id: 'dup', section: 'action-required', alsoIn: ['deprecations'], area: 'storage' })],
      areas,
    );
    expect(groups.map((group) => group.section)).toEqual(['action-required', 'deprecations']);
    expect(groups[1]?.areas[0]?.notes).toEqual([]);
    expect(groups[1]?.areas[0]?.crossRefs.map((n) => n.id)).toEqual(['dup']);
  });
});

describe('compareOpenFirst', () => {
  test('puts open follow-ups before done ones, then the more urgent impact', () => {
    const sorted = [
      note({ id: 'done', impact: 'attention', status: 'done' }),
      note({ id: 'watch', impact: 'watch' }),
      note({ id: 'open', impact: 'investigate', status: 'open' }),
    ].sort(compareOpenFirst);
    expect(sorted.map((n) => n.id)).toEqual(['open', 'done', 'watch']);
  });
});

describe('neighboursOf', () => {
  test('returns other notes of the same release and area only', () => {
    const self = note({ id: 'a', area: 'storage' });
    const all = [
      self,
      note({ id: 'b', area: 'storage' }),
      note({ id: 'c', area: 'networking' }),
      note({ id: 'd', area: 'storage', release: 'kubernetes-1.8' }),
    ];
    expect(neighboursOf(self, all).map((n) => n.id)).toEqual(['b']);
  });
});

describe('checklistOf', () => {
  test('keeps everything above no impact, most urgent first', () => {
    const list = checklistOf([
      note({ id: 'none' }),
      note({ id: 'untriaged', impact: 'untriaged' }),
      note({ id: 'watch', impact: 'watch' }),
      note({ id: 'action', impact: 'action-required' }),
    ]);
    expect(list.map((n) => n.id)).toEqual(['action', 'watch']);
  });
});

describe('impactByAreaRows', () => {
  test('makes one row per area with notes, segments stacked in impact order and scaled to the largest row', () => {
    const rows = impactByAreaRows(
      [
        note({ id: 'a', area: 'storage', impact: 'watch' }),
        note({ id: 'b', area: 'storage' }),
        note({ id: 'c', area: 'networking' }),
      ],
      [undefined, 'storage', 'networking', 'kubectl'],
    );
    expect(rows).toEqual([
      {
        area: 'storage',
        total: 2,
        segments: [
          { impact: 'watch', count: 1, start: 0, width: 0.5 },
          { impact: 'none', count: 1, start: 0.5, width: 0.5 },
        ],
      },
      {
        area: 'networking',
        total: 1,
        segments: [{ impact: 'none', count: 1, start: 0, width: 0.5 }],
      },
    ]);
  });
});

describe('indexLinkedNotes', () => {
  test('returns the notes a note follows or supersedes, and the notes that follow or supersede it', () => {
    const deprecated = note({ id: 'k8s-1.7-a' });
    const removed = note({ id: 'k8s-1.8-a', release: 'kubernetes-1.8', follows: ['k8s-1.7-a'] });
    const reassessed = note({ id: 'k8s-1.7-b', supersedes: ['k8s-1.7-a'] });
    const all = [deprecated, removed, reassessed, note({ id: 'other' })];
    const index = indexLinkedNotes(all);
    const linksOf = (id: string) =>
      (index.get(id) ?? []).map(({ link, note: other }) => [link, other.id]);
    expect(linksOf('k8s-1.7-a')).toEqual([
      ['followed-by', 'k8s-1.8-a'],
      ['superseded-by', 'k8s-1.7-b'],
    ]);
    expect(linksOf('k8s-1.8-a')).toEqual([['follows', 'k8s-1.7-a']]);
  });
});
