import { describe, expect, test } from 'vitest';
import {
  assessedPercent,
  conflictingRemarks,
  countCoveredByRemark,
  coverageOf,
  coveringRemark,
  isBlockingUntriaged,
  shownAssessmentStatus,
  triagingTeams,
  verdictOf,
  waitingFor,
} from '../../src/lib/triage.ts';
import type { Remark } from '../../src/schemas/release.ts';

const text = (en: string) => ({ zh: en, en });
const remarks: Remark[] = [
  { section: 'other-notable-changes', area: 'storage', text: text('no verdict stated') },
  { section: 'other-notable-changes', area: 'storage', impact: 'none', text: text('storage') },
  { section: 'other-notable-changes', impact: 'watch', text: text('whole section') },
  { section: 'deprecations', area: 'kubectl', impact: 'untriaged', text: text('not a verdict') },
];
const areas = [
  { id: 'storage', name: text('Storage'), teams: ['ops'] },
  { id: 'kubectl', name: text('kubectl'), teams: [] },
];

describe('coveringRemark', () => {
  test.each([
    ['the remark on its area that states an impact', 'storage', 'storage'],
    ['the section-wide remark when its area has none', 'networking', 'whole section'],
    ['the section-wide remark when it has no area', undefined, 'whole section'],
  ])('returns %s', (_, area, expected) => {
    const remark = coveringRemark({ section: 'other-notable-changes', area }, remarks);
    expect(remark?.text.en).toBe(expected);
  });

  test('returns nothing when no remark of its section states a verdict', () => {
    expect(coveringRemark({ section: 'deprecations', area: 'kubectl' }, remarks)).toBeUndefined();
  });
});

describe('verdictOf', () => {
  test('keeps the verdict of a note assessed on its own, even under an area verdict', () => {
    const note = {
      impact: 'attention',
      section: 'other-notable-changes',
      area: 'storage',
    } as const;
    expect(verdictOf(note, remarks)).toEqual({ impact: 'attention', assessedBy: 'note' });
  });

  test('inherits the area verdict of an untriaged note, naming the remark', () => {
    const note = {
      impact: 'untriaged',
      section: 'other-notable-changes',
      area: 'storage',
    } as const;
    expect(verdictOf(note, remarks)).toEqual({
      impact: 'none',
      assessedBy: 'area',
      remark: remarks[1],
    });
  });

  test('leaves a note untriaged when nothing covers it', () => {
    const note = { impact: 'untriaged', section: 'deprecations', area: 'kubectl' } as const;
    expect(verdictOf(note, remarks)).toEqual({ impact: 'untriaged', assessedBy: 'nobody' });
  });
});

describe('coverageOf', () => {
  test('counts notes by how they were assessed', () => {
    const coverage = coverageOf(
      (['note', 'area', 'area', 'nobody'] as const).map((assessedBy) => ({ assessedBy })),
    );
    expect(coverage).toEqual({ total: 4, note: 1, area: 2, nobody: 1 });
    expect(assessedPercent(coverage)).toBe(75);
  });

  test.each([
    [{ total: 0, note: 0, area: 0, nobody: 0 }, 100],
    [{ total: 300, note: 299, area: 0, nobody: 1 }, 99],
    [{ total: 161, note: 159, area: 1, nobody: 1 }, 99],
  ])('rounds the assessed share down, so only a complete release shows 100 (%o → %i)', (c, pct) => {
    expect(assessedPercent(c)).toBe(pct);
  });

  test.each([
    [{ total: 161, note: 1, area: 0, nobody: 160 }, 1],
    [{ total: 1000, note: 0, area: 1, nobody: 999 }, 1],
    [{ total: 161, note: 0, area: 0, nobody: 161 }, 0],
  ])('shows 0 only when nothing is assessed (%o → %i)', (c, pct) => {
    expect(assessedPercent(c)).toBe(pct);
  });
});

describe('shownAssessmentStatus', () => {
  const coverage = (note: number, nobody: number) => ({
    total: note + nobody,
    note,
    area: 0,
    nobody,
  });
  test.each([
    ['complete', coverage(160, 1), 'in-progress'],
    ['complete', coverage(161, 0), 'complete'],
    ['not-started', coverage(1, 160), 'in-progress'],
    ['not-started', coverage(0, 161), 'not-started'],
    ['in-progress', coverage(161, 0), 'in-progress'],
  ] as const)('shows %s with %o as %s', (recorded, c, shown) => {
    expect(shownAssessmentStatus(recorded, c)).toBe(shown);
  });
});

describe('isBlockingUntriaged', () => {
  const note = {
    impact: 'untriaged' as const,
    section: 'other-notable-changes' as const,
    alsoIn: [] as ('action-required' | 'deprecations')[],
    actionRequired: false,
  };
  test.each([
    ['flagged actionRequired', { actionRequired: true }, true],
    ['filed under action-required', { section: 'action-required' as const }, true],
    ['also listed under action-required', { alsoIn: ['action-required' as const] }, true],
    ['not marked by upstream', {}, false],
    ['marked but assessed', { actionRequired: true, impact: 'watch' as const }, false],
  ])('an untriaged item %s: %s', (_name, change, blocking) => {
    expect(isBlockingUntriaged({ ...note, ...change })).toBe(blocking);
  });
});

describe('triagingTeams', () => {
  const areas = [
    { id: 'general', name: text('General'), teams: ['platform'] },
    { id: 'storage', name: text('Storage'), teams: ['ops'] },
  ];
  test('gives an area its teams, and an item without an area the general area’s', () => {
    expect(triagingTeams('storage', areas)).toEqual(['ops']);
    expect(triagingTeams(undefined, areas)).toEqual(['platform']);
  });
});

describe('waitingFor', () => {
  const base = { teams: [] as string[], area: 'storage', status: undefined };
  test.each([
    ['the teams of its area while untriaged', { ...base, assessedBy: 'nobody' }, ['ops']],
    [
      'its own teams while untriaged when it names some',
      { ...base, teams: ['platform'], assessedBy: 'nobody' },
      ['platform'],
    ],
    [
      'its own teams while its follow-up is open',
      { ...base, teams: ['platform'], status: 'in-progress', assessedBy: 'note' },
      ['platform'],
    ],
    [
      'nobody once its follow-up is done',
      { ...base, teams: ['platform'], status: 'done', assessedBy: 'note' },
      [],
    ],
    ['nobody when an area verdict covers it', { ...base, assessedBy: 'area' }, []],
  ] as const)('returns %s', (_, note, expected) => {
    expect(waitingFor({ ...note, teams: [...note.teams] }, areas)).toEqual(expected);
  });
});

describe('conflictingRemarks', () => {
  test('returns pairs of remarks on the same scope that state different verdicts', () => {
    const conflicting: Remark[] = [
      ...remarks,
      { section: 'other-notable-changes', area: 'storage', impact: 'attention', text: text('x') },
      { section: 'other-notable-changes', area: 'storage', impact: 'none', text: text('again') },
    ];
    expect(conflictingRemarks({ remarks: conflicting })).toEqual([
      [1, 4],
      [4, 5],
    ]);
  });
});

describe('countCoveredByRemark', () => {
  test('counts, per remark, the notes that inherit its verdict', () => {
    const notes = [
      { section: 'other-notable-changes', area: 'storage', assessedBy: 'area' },
      { section: 'other-notable-changes', area: 'storage', assessedBy: 'note' },
      { section: 'other-notable-changes', area: 'networking', assessedBy: 'area' },
      { section: 'other-notable-changes', area: 'networking', assessedBy: 'area' },
    ] as const;
    expect(countCoveredByRemark(notes, remarks)).toEqual([0, 1, 2, 0]);
  });
});
