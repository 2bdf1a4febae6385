import { describe, expect, test } from 'vitest';
import { filterOptionsOf } from '../../src/lib/filter-options.ts';
import type { Note } from '../../src/schemas/note.ts';

const name = (en: string) => ({ zh: `${en}（中）`, en });
const data = {
  lang: 'en' as const,
  teams: [
    { id: 'ops', name: name('Ops'), description: name('') },
    { id: 'platform', name: name('Platform'), description: name('') },
  ],
  components: [{ id: 'kubelet', name: name('kubelet'), kind: 'node' as const }],
};
const note = (overrides: Partial<Note>) =>
  ({
    impact: 'none',
    teams: [],
    components: [],
    alsoIn: [],
    section: 'deprecations',
    ...overrides,
  }) as Note;

describe('filterOptionsOf', () => {
  const notes = [
    note({ impact: 'watch', teams: ['platform'], maturity: 'beta', alsoIn: ['known-issues'] }),
    note({ impact: 'action-required', components: ['kubelet'] }),
  ];

  test('returns only the values the notes carry, in scale or data order, with labels', () => {
    expect(filterOptionsOf(notes, data)).toEqual({
      impact: [
        { value: 'action-required', label: 'Action required' },
        { value: 'watch', label: 'Watch' },
      ],
      team: [{ value: 'platform', label: 'Platform' }],
      component: [{ value: 'kubelet', label: 'kubelet' }],
      maturity: [{ value: 'beta', label: 'Beta' }],
      section: [
        { value: 'known-issues', label: 'Known issues' },
        { value: 'deprecations', label: 'Deprecations' },
      ],
    });
  });

  test('returns the teams a page says items match when given', () => {
    expect(filterOptionsOf(notes, data, () => ['ops']).team).toEqual([
      { value: 'ops', label: 'Ops' },
    ]);
  });
});
