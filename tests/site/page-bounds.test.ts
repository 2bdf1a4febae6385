import { describe, expect, test } from 'vitest';
import { largestPages, pageKind } from '../../scripts/bench/page-sizes.ts';
import { BENCH_CORPUS } from '../support/bench-site.ts';
import { builtSite } from '../support/sites.ts';

/**
 * Page sizes of a site built from the benchmark's generator at a smaller size (2,000 notes over 10
 * releases). Sizes are deterministic: the corpus is seeded. `npm run bench` prints the same figures at
 * 5,000 notes over 20 releases.
 */
const CORPUS = BENCH_CORPUS;

/** No page may be over this much HTML (the bound at the 5,000-note benchmark). */
const PAGE_BOUND = 256 * 1024;

/**
 * Pages spanning releases count their notes per release rather than list them, so they hardly grow
 * with the number of notes: at this size well under a quarter of the bound (listing made the impact
 * page 650 KB here).
 */
const SPANNING_BOUND = 64 * 1024;
const SPANNING = ['home', 'impact', 'team', 'component'];

/** Every kind of page the site has, so that a kind cannot drop out of the measure unnoticed. */
const KINDS = [
  'checklist',
  'component',
  'components index',
  'home',
  'impact',
  'impact index',
  'item',
  'items index',
  'release',
  'team',
  'teams index',
  'untriaged',
  'upgrade',
  'upgrade index',
];

describe('page size bounds on the benchmark corpus', async () => {
  const dist = builtSite('bench-corpus');
  const largest = largestPages(dist);
  const byKind = new Map(largest.map((page) => [page.kind, page]));

  test('measures every kind of page', () => {
    expect(KINDS.filter((kind) => !byKind.has(kind))).toEqual([]);
    expect(byKind.get('item')?.pages).toBe(CORPUS.notes * 2);
  });

  test.each(KINDS)('no %s page is over 256 KB of HTML', (kind) => {
    const page = byKind.get(kind);
    expect(page?.bytes).toBeGreaterThan(0);
    expect(page?.bytes ?? 0, page?.path).toBeLessThanOrEqual(PAGE_BOUND);
  });

  test.each(SPANNING)('the largest %s page counts per release instead of listing', (kind) => {
    const page = byKind.get(kind);
    expect(page?.bytes ?? 0, page?.path).toBeLessThanOrEqual(SPANNING_BOUND);
  });

  test('classifies pages by kind', () => {
    expect(
      [
        'en/index.html',
        'zh/releases/kubernetes-1.7/index.html',
        'zh/releases/kubernetes-1.7/checklist/index.html',
        'en/teams/ops/index.html',
        'en/teams/index.html',
        'en/upgrade/kubernetes-1.7/kubernetes-1.8/index.html',
        'i/k8s-1.7-x/index.html',
      ].map(pageKind),
    ).toEqual(['home', 'release', 'checklist', 'team', 'teams index', 'upgrade', 'redirect']);
  });
});
