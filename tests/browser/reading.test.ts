import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useServedSite } from '../support/browser.ts';

// The benchmark corpus (2,000 notes over 10 releases), built once with tests/site/page-bounds.test.ts.
const site = useServedSite('bench-corpus');
const RELEASE = 'kubernetes-1.10';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/**
 * Cumulative layout shift, as Lighthouse counts it: the search button, theme toggle, copy buttons and
 * filters that scripts used to reveal moved pages by 0.09–0.2. A shift of a few thousandths can come
 * from a system fallback font resolving late on a busy machine (the CJK language switch), so the bound
 * is just above that.
 */
const CLS_BOUND = 0.005;

/** Layout shifts of a page from its first paint until `settle` ms after load, as the CLS metric counts them. */
async function layoutShifts(page: Page, settle = 800): Promise<string[]> {
  await page.waitForLoadState('load');
  return page.evaluate(
    (wait) =>
      new Promise<string[]>((done) => {
        const shifts: string[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
            sources?: { node?: Node | null }[];
          })[]) {
            if (entry.hadRecentInput) continue;
            const nodes = (entry.sources ?? []).map((source) =>
              source.node instanceof Element
                ? `${source.node.tagName.toLowerCase()}#${source.node.id}.${source.node.className}`
                : String(source.node?.nodeName),
            );
            shifts.push(`${entry.value.toFixed(4)} ${nodes.join(' ')}`);
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => done(shifts), wait);
      }),
    settle,
  );
}

/** The sum of shifts listed by `layoutShifts`, shown with them when it is over the bound. */
function clsOf(shifts: string[]): number {
  const total = shifts.reduce((sum, shift) => sum + Number(shift.split(' ')[0]), 0);
  if (total > CLS_BOUND) console.error(shifts.join('\n'));
  return total;
}

describe('no layout shift (search button, filters, theme, copy buttons)', () => {
  const pages = ['zh/', 'en/', `zh/releases/${RELEASE}/`, `en/releases/${RELEASE}/`];
  const more = ['en/items/k8s-1.10-item-0/', 'zh/items/k8s-1.10-item-0/', 'en/teams/ops/'];
  test.each([...pages, ...more])('%s on a desktop', async (path) => {
    const page = await site.open(path, { locale: path.startsWith('zh') ? 'zh-CN' : 'en-US' });
    expect(clsOf(await layoutShifts(page))).toBeLessThanOrEqual(CLS_BOUND);
  });

  test.each([`zh/releases/${RELEASE}/`, 'en/items/k8s-1.10-item-0/', 'zh/'])(
    '%s on a phone',
    async (path) => {
      const page = await site.open(path, PHONE);
      expect(clsOf(await layoutShifts(page))).toBeLessThanOrEqual(CLS_BOUND);
    },
  );

  test('with a saved dark theme', async () => {
    const page = await site.open('en/', { colorScheme: 'light' });
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(clsOf(await layoutShifts(page))).toBeLessThanOrEqual(CLS_BOUND);
  });
});

describe('release filters on a phone', () => {
  test('fold away (the items come first) and open on request', async () => {
    const page = await site.open(`en/releases/${RELEASE}/`, PHONE);
    const fold = page.locator('details.filters-fold');
    expect(await fold.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
    expect(await page.locator('.filters fieldset').first().isVisible()).toBe(false);
    await page.locator('.filters-fold > summary').click();
    expect(await page.locator('.filters fieldset').first().isVisible()).toBe(true);
  });

  test('stay open on a desktop', async () => {
    const page = await site.open(`en/releases/${RELEASE}/`);
    expect(await page.locator('.filters fieldset').first().isVisible()).toBe(true);
  });
});

describe('reading a release in order', () => {
  test('previous/next on item pages follow the release page’s order', async () => {
    const release = await site.open(`en/releases/${RELEASE}/`);
    const order = await release
      .locator('[data-filterable] .item a.item-title')
      .evaluateAll((links) =>
        links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
      );
    expect(order.length).toBeGreaterThan(100);
    const page = await site.open(order[0] ?? '');
    expect(await page.locator('a[rel="prev"]').count()).toBe(0);
    for (const expected of order.slice(1, 5)) {
      await page.locator('a[rel="next"]').click();
      await page.waitForURL((url) => url.pathname === expected);
    }
    await page.locator('a[rel="prev"]').click();
    await page.waitForURL((url) => url.pathname === order[3]);
  });

  test('the release page lists its sections "on this page", each link leading to its heading', async () => {
    const page = await site.open(`zh/releases/${RELEASE}/`);
    const targets = await page
      .locator('nav.toc a')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(targets.length).toBeGreaterThan(4);
    for (const target of targets) {
      expect(await page.locator(target).count(), target).toBe(1);
    }
  });

  test('the item page shows PICT’s assessment and its owners before the upstream text', async () => {
    const page = await site.open('zh/items/k8s-1.10-item-0/', PHONE);
    const headings = await page.locator('article h2').allTextContents();
    expect(headings.slice(0, 2)).toEqual(['PICT 评估', '上游变更']);
    expect(await page.locator('.owners').isVisible()).toBe(true);
  });
});

describe('views scoped by release', () => {
  test('an impact page links per release to the release page already filtered', async () => {
    const page = await site.open('en/impact/none/');
    const link = page.locator('table.release-counts tbody a').first();
    const count = Number((await link.textContent())?.match(/\d+/)?.[0]);
    await link.click();
    await page.waitForURL(/\?impact=none$/);
    await page.locator('.filters').waitFor({ state: 'visible' });
    const shown = page.locator('[data-filterable] .item:visible');
    await expect.poll(() => shown.count()).toBe(count);
    const impacts = await shown.evaluateAll((items) =>
      items.map((item) => item.getAttribute('data-impact')),
    );
    expect(new Set(impacts)).toEqual(new Set(['none']));
  });

  test('a team page lists each open item once, and links its counts to the filtered release page', async () => {
    const page = await site.open('en/teams/ops/');
    const ids = await page.locator('.item code').allTextContents();
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const link = page.locator('table.release-counts tbody td a[href*="impact="]').first();
    const count = Number(await link.textContent());
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/\?team=ops&impact=[\w-]+$/);
    await link.click();
    await page.locator('.filters').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('[data-filterable] .item:visible').count()).toBe(count);
  });

  test('a filtered group heading shows how many of its items are shown', async () => {
    const page = await site.open(`en/releases/${RELEASE}/untriaged/?team=ops`);
    await page.locator('.filters').waitFor({ state: 'visible' });
    const groups = page.locator('[data-filter-group]:visible');
    await expect.poll(() => groups.count()).toBeGreaterThan(0);
    for (const group of await groups.all()) {
      const heading = Number(await group.locator('[data-group-count]').textContent());
      expect(heading).toBe(await group.locator('.item:visible').count());
    }
  });
});

describe('copy buttons', () => {
  test('offer a Jira-style link', async () => {
    const page = await site.open('en/items/k8s-1.10-item-0/', {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const button = page.locator('button[data-copy="jira"]');
    await button.click();
    const title = (await page.locator('h1').textContent())?.trim();
    await expect
      .poll(() => button.getAttribute('data-copied'))
      .toBe(`[k8s-1.10-item-0 — ${title}|${site.server.url('i/k8s-1.10-item-0/')}]`);
  });
});

describe('separators and spaces stay in the text', () => {
  test.each([
    [
      'en/',
      'team. Exports: notes.json · notes.csv',
      'By impact: Action required · Needs attention',
    ],
    ['zh/', '导出：notes.json · notes.csv', '按影响：需要处理 · 需要关注'],
  ])('%s footer and inline lists', async (path, footer, impacts) => {
    const page = await site.open(path);
    expect(await page.locator('footer').textContent()).toContain(footer);
    expect((await page.locator('main').textContent())?.replace(/\s+/g, ' ')).toContain(impacts);
  });
});

describe('the item page on a phone', () => {
  test.each(['en', 'zh'])(
    'shows PICT’s assessment and its owners above the fold (%s)',
    async (lang) => {
      const page = await site.open(`${lang}/items/k8s-1.10-item-0/`, PHONE);
      const box = await page.locator('.owners').boundingBox();
      expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThan(PHONE.viewport.height);
    },
  );
});
