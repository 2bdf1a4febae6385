import { describe, expect, test } from 'vitest';
import {
  bundleOfEachNote,
  groupPagesByBundle,
  bundleOfPage,
  primaryBundle,
  bundleSignature,
  bundlesToRebuild,
  SITE_BUNDLE,
} from '../../src/incremental/search-bundles.ts';

const releaseOf = (id: string) =>
  ({ 'k8s-1.7-a': 'releases/kubernetes-1.7/', 'k8s-1.8-b': 'releases/kubernetes-1.8/' })[id];

describe('bundleOfEachNote', () => {
  const release = (id: string, date: string) => ({ id, releaseDate: new Date(date) });
  const notesOf = (counts: Record<string, number>) =>
    Object.entries(counts).flatMap(([id, count]) =>
      Array.from({ length: count }, (_, index) => ({ id: `${id}-${index}`, release: id })),
    );
  const releases = [
    release('r3', '2017-12-01'),
    release('r1', '2017-01-01'),
    release('r2', '2017-06-01'),
  ];
  const bundlesOf = (counts: Record<string, number>, all = releases) => {
    const bundles = bundleOfEachNote(all, notesOf(counts), 10);
    return Object.fromEntries(Object.keys(counts).map((id) => [id, bundles.get(`${id}-0`)]));
  };

  test('packs releases, oldest first, into bundles of at most the given number of notes', () => {
    expect(bundlesOf({ r1: 4, r2: 5, r3: 3 })).toEqual({
      r1: 'releases/r1/',
      r2: 'releases/r1/',
      r3: 'releases/r3/',
    });
  });

  test('gives a release larger than a bundle a bundle of its own', () => {
    expect(bundlesOf({ r1: 2, r2: 25, r3: 2 })).toEqual({
      r1: 'releases/r1/',
      r2: 'releases/r2/',
      r3: 'releases/r3/',
    });
  });

  test('leaves the bundles of older releases as they are when a release is added', () => {
    const before = bundlesOf({ r1: 4, r2: 5 });
    const after = bundlesOf({ r1: 4, r2: 5, r3: 3 });
    expect({ r1: after['r1'], r2: after['r2'] }).toEqual(before);
  });
});

describe('bundleOfPage', () => {
  test.each([
    ['an item page', 'en/items/k8s-1.7-a/index.html', 'releases/kubernetes-1.7/'],
    ['an item page in Chinese', 'zh/items/k8s-1.8-b/index.html', 'releases/kubernetes-1.8/'],
    ['a release page', 'en/releases/kubernetes-1.7/index.html', SITE_BUNDLE],
    ['a team page', 'zh/teams/ops/index.html', SITE_BUNDLE],
    ['the home page', 'en/index.html', SITE_BUNDLE],
    ['a retired id, which only redirects', 'en/items/k8s-1.7-old/index.html', undefined],
    ['a short link', 'i/k8s-1.7-a/index.html', undefined],
    ['the root page', 'index.html', undefined],
  ])('puts %s in its bundle', (_, path, bundle) => {
    expect(bundleOfPage(path, releaseOf)).toBe(bundle);
  });

  test('puts list pages in the primary bundle, item pages in their own', () => {
    const primary = 'releases/kubernetes-1.7/';
    expect(bundleOfPage('en/teams/ops/index.html', releaseOf, primary)).toBe(primary);
    expect(bundleOfPage('zh/items/k8s-1.8-b/index.html', releaseOf, primary)).toBe(
      'releases/kubernetes-1.8/',
    );
  });
});

describe('primaryBundle', () => {
  test('is the oldest release, or the site bundle without releases', () => {
    const releases = [
      { id: 'kubernetes-1.8', releaseDate: new Date('2017-09-28') },
      { id: 'kubernetes-1.7', releaseDate: new Date('2017-06-29') },
    ];
    expect(primaryBundle(releases)).toBe('releases/kubernetes-1.7/');
    expect(primaryBundle([])).toBe(SITE_BUNDLE);
  });
});

describe('groupPagesByBundle', () => {
  test('groups pages by bundle, sorted by path, with the site bundle first', () => {
    const page = (path: string) => ({ path, mtimeMs: 1, size: 1 });
    const groups = groupPagesByBundle(
      [
        page('zh/items/k8s-1.7-a/index.html'),
        page('en/items/k8s-1.7-a/index.html'),
        page('en/index.html'),
        page('i/k8s-1.7-a/index.html'),
      ],
      releaseOf,
    );
    expect([...groups].map(([bundle, pages]) => [bundle, pages.map((p) => p.path)])).toEqual([
      [SITE_BUNDLE, ['en/index.html']],
      [
        'releases/kubernetes-1.7/',
        ['en/items/k8s-1.7-a/index.html', 'zh/items/k8s-1.7-a/index.html'],
      ],
    ]);
  });
});

describe('bundleSignature', () => {
  const pages = [{ path: 'en/index.html', mtimeMs: 1000, size: 200 }];
  test.each([
    ['a page is written again', [{ ...pages[0]!, mtimeMs: 2000 }], '{}'],
    ['a page changes size', [{ ...pages[0]!, size: 201 }], '{}'],
    ['a page is added', [...pages, { path: 'zh/index.html', mtimeMs: 1000, size: 200 }], '{}'],
    ['the indexer settings change', pages, '{"pagefind":"2"}'],
  ])('changes when %s', (_, changed, settings) => {
    expect(bundleSignature(changed, settings)).not.toBe(bundleSignature(pages, '{}'));
  });

  test('stays the same for the same pages and settings', () => {
    expect(bundleSignature([...pages], '{}')).toBe(bundleSignature(pages, '{}'));
  });
});

describe('bundlesToRebuild', () => {
  const signatures = new Map([
    ['site/', 'a'],
    ['releases/x/', 'b'],
    ['releases/y/', 'c'],
  ]);
  const previous = {
    bundles: [
      { path: 'site/', signature: 'a' },
      { path: 'releases/x/', signature: 'old' },
      { path: 'releases/y/', signature: 'c' },
    ],
  };

  test('returns the bundles whose pages changed', () => {
    expect(bundlesToRebuild(signatures, previous, () => true)).toEqual(['releases/x/']);
  });

  test('returns every bundle when there is no previous manifest', () => {
    expect(bundlesToRebuild(signatures, undefined, () => true)).toEqual([
      'site/',
      'releases/x/',
      'releases/y/',
    ]);
  });

  test('returns an unchanged bundle whose files are missing', () => {
    expect(bundlesToRebuild(signatures, previous, (bundle) => bundle !== 'releases/y/')).toEqual([
      'releases/x/',
      'releases/y/',
    ]);
  });
});
