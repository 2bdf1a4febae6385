import { describe, expect, test } from 'vitest';
import { filterOptionsOf } from '../../src/lib/filter-options.ts';
import { siteOf } from '../models/project.ts';

describe('filterOptionsOf', () => {
  const site = siteOf();
  const notes = site.notesByRelease.get('kubernetes-1.7') ?? [];
  const options = (
    ...args: Parameters<typeof filterOptionsOf> extends [unknown, unknown, unknown, ...infer R]
      ? R
      : never
  ) =>
    Object.fromEntries(
      filterOptionsOf(notes, site, 'en', ...args).map((filter) => [
        filter.param,
        filter.options.map((option) => `${option.value}=${option.label}`),
      ]),
    );

  test('offers only the values some note carries, in scale or data order, with labels', () => {
    expect(options()).toEqual({
      impact: ['attention=Needs attention', 'none=No impact', 'untriaged=Untriaged'],
      team: ['ops=Ops'],
      component: ['kubelet=kubelet'],
      maturity: ['beta=Beta'],
      section: [
        'known-issues=Known issues',
        'notable-features=Notable features',
        'other-notable-changes=Other notable changes',
      ],
    });
  });

  test('matches the values a page gives, and leaves out filters it drops', () => {
    const queue = options({ team: (note) => note.waitingFor, impact: null });
    expect(queue['team']).toEqual(['ops=Ops']);
    expect(queue['impact']).toEqual([]);
  });

  test('gives each filter its legend and the item attribute it reads', () => {
    expect(
      filterOptionsOf(notes, site, 'zh').map((filter) => [
        filter.param,
        filter.legend,
        filter.attribute,
      ]),
    ).toEqual([
      ['impact', '影响', 'data-impact'],
      ['team', '团队', 'data-teams'],
      ['component', '组件', 'data-components'],
      ['maturity', '成熟度', 'data-maturity'],
      ['section', '章节', 'data-section'],
    ]);
  });
});
