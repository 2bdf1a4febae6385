import { describe, expect, test } from 'vitest';
import {
  collapseChains,
  compareVersions,
  inVersionOrder,
  releasesCrossed,
  summarisePath,
  upgradePairs,
} from '../../src/lib/upgrade.ts';
import type { Note } from '../../src/schemas/note.ts';

const release = (product: string, version: string) => ({
  product,
  version,
  id: `${product}-${version}`,
});
const k8s = ['1.10', '1.7', '1.9', '1.8'].map((version) => release('k8s', version));
const releases = [...k8s, release('etcd', '3.2')];

function note(id: string, impact: Note['impact'], links: Partial<Note> = {}): Note {
  return {
    id,
    impact,
    section: 'other-notable-changes',
    alsoIn: [],
    actionRequired: false,
    follows: [],
    supersedes: [],
    ...links,
  } as Note;
}

describe('compareVersions', () => {
  test.each([
    ['1.9', '1.10', -1],
    ['1.10', '1.9', 1],
    ['1.7', '1.7.0', 0],
    ['2.0', '1.99', 1],
  ])('orders %s against %s numerically', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});

describe('inVersionOrder', () => {
  test('returns releases by product, then oldest version first', () => {
    expect(inVersionOrder(releases).map((r) => r.id)).toEqual([
      'etcd-3.2',
      'k8s-1.7',
      'k8s-1.8',
      'k8s-1.9',
      'k8s-1.10',
    ]);
  });
});

describe('upgradePairs', () => {
  test('returns every upgrade to a later release of the same product', () => {
    expect(upgradePairs(releases).map(({ from, to }) => `${from.id}→${to.id}`)).toEqual([
      'k8s-1.7→k8s-1.8',
      'k8s-1.7→k8s-1.9',
      'k8s-1.7→k8s-1.10',
      'k8s-1.8→k8s-1.9',
      'k8s-1.8→k8s-1.10',
      'k8s-1.9→k8s-1.10',
    ]);
  });
});

describe('releasesCrossed', () => {
  test('returns the releases after the starting point, up to and including the target', () => {
    const from = k8s[1]!;
    const to = k8s[0]!;
    expect(releasesCrossed(releases, { from, to }).map((r) => r.version)).toEqual([
      '1.8',
      '1.9',
      '1.10',
    ]);
  });
});

describe('collapseChains', () => {
  test('lists a chain once, at its latest note, with the earlier notes under it', () => {
    const deprecated = note('1.8-deprecated', 'attention');
    const removed = note('1.9-removed', 'action-required', { follows: ['1.8-deprecated'] });
    const replaced = note('1.10-replaced', 'watch', { supersedes: ['1.9-removed'] });
    const other = note('1.9-other', 'investigate');
    const items = collapseChains([deprecated, removed, other, replaced]);
    expect(items.map((item) => [item.note.id, item.earlier.map((n) => n.id)])).toEqual([
      ['1.9-other', []],
      ['1.10-replaced', ['1.9-removed', '1.8-deprecated']],
    ]);
  });

  test('keeps a note whose successor is outside the list', () => {
    const items = collapseChains([note('a', 'watch', { follows: ['not-listed'] })]);
    expect(items.map((item) => item.note.id)).toEqual(['a']);
  });

  test('never drops the notes of a cycle', () => {
    const items = collapseChains([
      note('a', 'watch', { follows: ['b'] }),
      note('b', 'watch', { follows: ['a'] }),
    ]);
    expect(items.map((item) => item.note.id).sort()).toEqual(['a', 'b']);
  });
});

describe('summarisePath', () => {
  test('per release crossed, in order, lists action and attention items and counts the rest', () => {
    const items = [
      note('d', 'attention', { release: '1.9' }),
      note('a', 'action-required', { release: '1.8' }),
      note('b', 'watch', { release: '1.8' }),
      note('c', 'untriaged', { release: '1.9' }),
      note('e', 'action-required', { release: '1.9' }),
    ].map((n) => ({ note: n, earlier: [] }));
    const summary = summarisePath(items, ['1.8', '1.9', '1.10']);
    expect(
      summary.steps.map(({ release, listed, byImpact }) => [
        release,
        listed.map((item) => item.note.id),
        byImpact.watch,
        byImpact.untriaged,
      ]),
    ).toEqual([
      ['1.8', ['a'], 1, 0],
      ['1.9', ['e', 'd'], 0, 1],
      ['1.10', [], 0, 0],
    ]);
    expect(summary.listed.map((item) => item.note.id)).toEqual(['a', 'e', 'd']);
  });

  test('lists the untriaged items upstream marks action-required as blocking, oldest release first', () => {
    const items = [
      note('flagged', 'untriaged', { release: '1.9', actionRequired: true }),
      note('filed', 'untriaged', { release: '1.8', section: 'action-required' }),
      note('also-filed', 'untriaged', { release: '1.9', alsoIn: ['action-required'] }),
      note('plain', 'untriaged', { release: '1.8' }),
      note('assessed', 'watch', { release: '1.8', actionRequired: true }),
    ].map((n) => ({ note: n, earlier: [] }));
    const summary = summarisePath(items, ['1.8', '1.9']);
    expect(summary.steps.map((step) => step.blocking.map((n) => n.id))).toEqual([
      ['filed'],
      ['also-filed', 'flagged'],
    ]);
    expect(summary.blocking.map((n) => n.id)).toEqual(['filed', 'also-filed', 'flagged']);
    expect(summary.listed).toEqual([]);
  });
});
