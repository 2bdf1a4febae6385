import { describe, expect, test } from 'vitest';
import {
  isInFolders,
  routeOnlyFolders,
  routeOutputPaths,
  staleOutputFiles,
} from '../../src/incremental/stale-output.ts';

const STARTED = 1_000_000;
const kept = new Set(['zh/items/a/index.html', 'notes.json']);

describe('staleOutputFiles', () => {
  test.each([
    ['a page this build rendered or kept', 'zh/items/a/index.html', STARTED - 60_000, false],
    ['a page this build no longer produces', 'zh/items/gone/index.html', STARTED + 10, true],
    ['an asset written during this build', '_astro/Base.abc.css', STARTED + 10, false],
    ['an asset written within the timestamp slack', '_astro/Base.abc.css', STARTED - 1500, false],
    ['an asset of an earlier build', '_astro/Base.old.css', STARTED - 60_000, true],
    ['the search index, rebuilt on its own', 'pagefind/fragment/en_1.pf_fragment', 0, false],
  ])('%s (%s): stale is %s', (_, path, mtimeMs, stale) => {
    expect(staleOutputFiles([path], kept, STARTED, () => mtimeMs)).toEqual(stale ? [path] : []);
  });
});

describe('routeOnlyFolders', () => {
  test('returns the top folders of route outputs that nothing else writes into', () => {
    const routes = ['zh/items/a/index.html', 'en/index.html', 'index.html', '_astro/x/index.html'];
    expect(routeOnlyFolders(routes, new Set(['_astro', 'favicon.svg']))).toEqual(
      new Set(['zh', 'en']),
    );
  });
});

describe('isInFolders', () => {
  test.each([
    ['zh/items/a/index.html', true],
    ['zhx/index.html', false],
    ['notes.json', false],
  ])('%s in zh: %s', (path, inside) => {
    expect(isInFolders(path, new Set(['zh']))).toBe(inside);
  });
});

describe('routeOutputPaths', () => {
  test('returns every route output file relative to the output folder', () => {
    const assets = new Map([
      ['/[lang]/items/[id]', [new URL('file:///site/dist/zh/items/a/index.html')]],
      ['/notes.json', [new URL('file:///site/dist/notes.json')]],
    ]);
    expect(routeOutputPaths('/site/dist', assets)).toEqual(['zh/items/a/index.html', 'notes.json']);
  });
});
