// The search dialog on a small fixture site (tests/fixtures/search-site, see its README): grouping by
// how notes were assessed, partial matches, references, "show more", excerpts and shareable URLs.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import type { Lang } from '../../src/schemas/fields.ts';
import { useServedSite } from '../support/browser.ts';

const site = useServedSite('search-ranking');

interface Shown {
  id: string;
  group: string;
  text: string;
  excerpt: string;
  marks: string[];
}

async function openSearch(lang: Lang, query = ''): Promise<Page> {
  const page = await site.open(`${lang}/${query}`);
  await page.locator('#search-open').waitFor({ state: 'visible' });
  if (!query) await page.keyboard.press('/');
  await page.locator('#search-input').waitFor({ state: 'visible' });
  return page;
}

/** Types a query; returns the status line and the results shown, once settled. */
async function search(page: Page, query: string): Promise<{ status: string; results: Shown[] }> {
  await page.fill('#search-input', query);
  return settled(page);
}

async function settled(page: Page): Promise<{ status: string; results: Shown[] }> {
  await page.waitForFunction(() => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return status.length > 0 && !status.includes('…');
  });
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const results = await page.$$eval('#search-results li', (items) =>
    items.map((item) => ({
      id: item.querySelector('.item-meta code')?.textContent ?? '',
      group: (item as HTMLElement).dataset['group'] ?? '',
      text: item.textContent ?? '',
      excerpt: item.querySelector('p')?.textContent ?? '',
      marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
    })),
  );
  return { status, results };
}

/** Unfolds the filters (their values load then) and waits until `filter` offers values. */
async function unfoldFilters(page: Page, filter: string): Promise<void> {
  await page.locator('#search-filters summary').click();
  await page.waitForFunction(
    (name) => !document.querySelector<HTMLSelectElement>(`select[data-filter="${name}"]`)?.disabled,
    filter,
  );
}

const GROUP_ORDER = ['note', 'area', 'nobody', 'pages'];

describe.each([
  ['en', 'kubelet', 'k8s-1.7-kubelet-assessed'],
  ['en', 'kube-proxy', 'k8s-1.7-kube-proxy-assessed'],
  ['en', 'NetworkPolicy', 'k8s-1.7-networkpolicy-assessed'],
  ['en', 'storage', 'k8s-1.7-storage-assessed'],
  ['zh', 'kubelet', 'k8s-1.7-kubelet-assessed'],
  ['zh', 'kube-proxy', 'k8s-1.7-kube-proxy-assessed'],
  ['zh', 'NetworkPolicy', 'k8s-1.7-networkpolicy-assessed'],
  ['zh', '存储', 'k8s-1.7-storage-assessed'],
  ['zh', '网络', 'k8s-1.7-networking-assessed'],
] as const)('%s: "%s"', (lang, query, first) => {
  test('an individually assessed note comes first, groups in order, list pages last', async () => {
    const page = await openSearch(lang);
    const { status, results } = await search(page, query);
    expect(results[0]?.id).toBe(first);
    expect(results[0]?.group).toBe('note');
    const groups = results.map((result) => GROUP_ORDER.indexOf(result.group));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    // The fixture's untriaged and area-covered notes repeat the word: they are found, after it.
    expect(results.map((result) => result.group)).toEqual(
      expect.arrayContaining(['note', 'area', 'nobody']),
    );
    expect(results[0]?.text).toContain(t(lang, 'search.group.note'));
    // The status counts every result; the first ten notes are shown, and up to two list pages.
    const count = Number(/\d+/.exec(status)?.[0]);
    expect(status).toBe(t(lang, count === 1 ? 'search.resultsOne' : 'search.results', { count }));
    expect(results.length).toBeGreaterThanOrEqual(Math.min(count, 10));
    expect(results.filter((result) => result.group !== 'pages').length).toBeLessThanOrEqual(10);
    expect(results.length).toBeLessThanOrEqual(12);
  });
});

test.each(['en', 'zh'] as const)(
  '%s: a note is found by a component it only lists',
  async (lang) => {
    // The hostPath note lists the kubelet among its components; its texts never name it.
    const page = await openSearch(lang);
    const { results } = await search(page, 'kubelet');
    expect(results.map((result) => result.id)).toContain(
      'k8s-1.7-hostpath-parent-directory-references',
    );
  },
);

test('list pages stay in sight when more notes match than are shown', async () => {
  // In the fixture, "网络" is in more than ten notes' texts or areas, and in list pages.
  const page = await openSearch('zh');
  const { results } = await search(page, '网络');
  expect(results.filter((result) => result.group !== 'pages')).toHaveLength(10);
  expect(results.some((result) => result.group === 'pages')).toBe(true);
});

describe('no dead end', () => {
  test.each(['en', 'zh'] as const)(
    '%s: "relative hostPath" shows the hostPath note as a partial match',
    async (lang) => {
      const page = await openSearch(lang);
      const { status, results } = await search(page, 'relative hostPath');
      expect(results[0]?.id).toBe('k8s-1.7-hostpath-parent-directory-references');
      const [before = ''] = t(lang, 'search.partial').split('{words}');
      expect(status.startsWith(before)).toBe(true);
      expect(status).toContain('hostPath');
      expect(results[0]?.text).toContain(t(lang, 'search.matched', { words: 'hostPath' }));
    },
  );

  test('a query matching nothing says so', async () => {
    const page = await openSearch('en');
    const { status, results } = await search(page, 'zzqxv');
    expect(results).toEqual([]);
    expect(status).toBe(t('en', 'search.noResults'));
  });
});

describe.each(['en', 'zh'] as const)('%s: references find their note first', (lang) => {
  test.each([
    ['49976', 'k8s-1.7-apiserver-audit-webhook'],
    ['#49976', 'k8s-1.7-apiserver-audit-webhook'],
    [
      'k8s-1.7-hostpath-parent-directory-references',
      'k8s-1.7-hostpath-parent-directory-references',
    ],
    ['AffinityInAnnotations', 'k8s-1.7-affinity-in-annotations'],
    ['--feature-gates', 'k8s-1.7-affinity-in-annotations'],
  ])('"%s"', async (query, first) => {
    const page = await openSearch(lang);
    const { results } = await search(page, query);
    expect(results[0]?.id).toBe(first);
  });
});

describe('what the dialog shows', () => {
  test('excerpts show the note text, not page metadata or notices, and no one-letter marks', async () => {
    const page = await openSearch('en');
    const { results } = await search(page, 'kubelet');
    const assessed = results[0];
    expect(assessed?.excerpt).toMatch(/kubelet/);
    for (const result of results) {
      expect(result.excerpt).not.toMatch(/k8s-1\.7-/);
      expect(result.excerpt).not.toContain(t('en', 'impact.untriaged.help'));
      expect(result.marks.every((mark) => mark.length > 1)).toBe(true);
    }
  });

  test('an excerpt never shows the "not yet translated" notice', async () => {
    const page = await openSearch('en');
    const { results } = await search(page, 'Ingress');
    expect(results[0]?.id).toBe('k8s-1.7-ingress-pending-english');
    expect(results[0]?.excerpt).toContain('Ingress');
    expect(results[0]?.excerpt).not.toContain(t('en', 'item.notTranslated'));
  });

  test('a hyphenated word in Chinese highlights words, never a lone dash', async () => {
    const page = await openSearch('zh');
    const { results } = await search(page, 'kube-proxy');
    expect(results[0]?.id).toBe('k8s-1.7-kube-proxy-assessed');
    const marks = results.flatMap((result) => result.marks);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((mark) => /\p{L}/u.test(mark) && mark.trim().length > 1)).toBe(true);
  });

  test('"show more" shows the results beyond the first ten, up to the count', async () => {
    // No words, one filter: every note of the release (34 in the fixture).
    const page = await openSearch('en');
    await unfoldFilters(page, 'release');
    await page.selectOption('select[data-filter="release"]', { index: 1 });
    const { status, results } = await settled(page);
    expect(results).toHaveLength(10);
    expect(status).toBe(t('en', 'search.results', { count: 34 }));
    for (const shown of [20, 30, 34]) {
      await page.locator('#search-more').click();
      await page.waitForFunction(
        (count) => document.querySelector('#search-results')?.childElementCount === count,
        shown,
      );
    }
    expect(await page.locator('#search-more').isHidden()).toBe(true);
    // Focus moves to the first of the results just shown.
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.closest('li') ===
          document.querySelectorAll('#search-results li')[30],
      ),
    ).toBe(true);
  });

  test('the area filter finds notes of that area across releases, and the URL keeps the search', async () => {
    const page = await openSearch('zh');
    await page.fill('#search-input', 'PICT');
    await settled(page);
    await unfoldFilters(page, 'area');
    await page.selectOption('select[data-filter="area"]', '存储');
    const { results } = await settled(page);
    expect(results.map((result) => result.id)).toContain('k8s-1.7-storage-assessed');
    expect(results.map((result) => result.id)).not.toContain('k8s-1.7-kubelet-assessed');
    const url = new URL(page.url());
    expect(url.searchParams.get('search')).toBe('PICT');
    expect(url.searchParams.get('search-area')).toBe('存储');

    // The address opens the same search.
    const shared = await openSearch('zh', url.search);
    const again = await settled(shared);
    expect(again.results.map((result) => result.id)).toEqual(results.map((result) => result.id));
    expect(await shared.inputValue('#search-input')).toBe('PICT');
  });

  test('the team filter also finds untriaged notes waiting for that team', async () => {
    const page = await openSearch('en');
    await page.fill('#search-input', 'NetworkPolicy');
    await settled(page);
    await unfoldFilters(page, 'team');
    await page.selectOption('select[data-filter="team"]', 'Network');
    const { results } = await settled(page);
    expect(results.map((result) => result.group)).toContain('nobody');
    expect(results.map((result) => result.id)).toContain('k8s-1.7-networkpolicy-untriaged-0');
  });

  test('on a phone the filters fold behind one button', async () => {
    const page = await site.open('en/', { viewport: { width: 375, height: 700 } });
    await page.locator('#search-open').click();
    expect(await page.locator('select[data-filter="area"]').isVisible()).toBe(false);
    await page.locator('#search-filters summary').click();
    expect(await page.locator('select[data-filter="area"]').isVisible()).toBe(true);
  });
});
