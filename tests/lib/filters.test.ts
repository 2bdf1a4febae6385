import { describe, expect, test } from 'vitest';
import {
  formatFilters,
  matchesFilters,
  parseFilters,
  type FilterState,
} from '../../src/lib/filters.ts';

const KINDS = ['impact', 'team', 'component', 'maturity', 'section'];
const none: FilterState = { impact: [], team: [], component: [], maturity: [], section: [] };

describe('parseFilters', () => {
  test('reads repeated keys as several values and ignores other parameters', () => {
    expect(
      parseFilters('?impact=attention&team=ops&team=platform&foo=bar&impact=attention', KINDS),
    ).toEqual({
      ...none,
      impact: ['attention'],
      team: ['ops', 'platform'],
    });
  });
});

describe('formatFilters', () => {
  test('writes the state back so that parsing it gives the same state', () => {
    const state = { ...none, impact: ['watch', 'none'], component: ['kubelet'] };
    expect(parseFilters(formatFilters(state), KINDS)).toEqual(state);
  });

  test('keeps unrelated parameters and returns an empty string when nothing remains', () => {
    expect(formatFilters({ ...none, team: ['ops'] }, '?lang=x&team=old')).toBe('?lang=x&team=ops');
    expect(formatFilters(none, '?impact=watch')).toBe('');
  });
});

describe.each([
  ['no filter', none, true],
  ['matching impact', { ...none, impact: ['attention'] }, true],
  ['other impact', { ...none, impact: ['watch'] }, false],
  ['either of two impacts (OR within a kind)', { ...none, impact: ['watch', 'attention'] }, true],
  ['impact AND team both matching', { ...none, impact: ['attention'], team: ['ops'] }, true],
  ['impact matching AND team not', { ...none, impact: ['attention'], team: ['platform'] }, false],
  ['a maturity the item lacks', { ...none, maturity: ['alpha'] }, false],
  ['a kind the item has no attribute for', { ...none, deadline: ['2027-01-31'] }, false],
])('matchesFilters with %s', (_name, state, expected) => {
  test(`returns ${expected}`, () => {
    const item = {
      impact: ['attention'],
      team: ['ops', 'network-plugin'],
      component: ['kubelet'],
      maturity: [],
      section: ['deprecations'],
    };
    expect(matchesFilters(item, state)).toBe(expected);
  });
});
