import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, offHostRequests, recordTraffic, type Traffic } from '../support/browser.ts';
import { readProject } from '../support/dist.ts';
import { BASE, builtSite, KUBERNETES } from '../support/sites.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

let browser: Browser;
let server: StaticServer;
let baseServer: StaticServer;

const project = readProject(KUBERNETES);

beforeAll(async () => {
  [browser, server, baseServer] = await Promise.all([
    launchBrowser(),
    serveStatic(builtSite('kubernetes')),
    serveStatic(builtSite('kubernetes-base'), BASE),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await baseServer?.close();
});

async function openSearch(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('#search-open').waitFor({ state: 'visible' });
  await page.keyboard.press('/');
  await page.locator('#search-input').waitFor({ state: 'visible' });
}

/** Types a query and returns the item ids of the results, in order, once they have settled. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.fill('#search-input', query);
  await page.waitForFunction(
    () =>
      /\d/.test(document.querySelector('#search-status')?.textContent ?? '') ||
      (document.querySelector('#search-results')?.childElementCount === 0 &&
        (document.querySelector('#search-status')?.textContent ?? '').length > 0 &&
        !/…/.test(document.querySelector('#search-status')?.textContent ?? '')),
  );
  return page.$$eval('#search-results li', (items) =>
    items.map(
      (item) =>
        item.querySelector('code')?.textContent ??
        item.querySelector('a')?.getAttribute('href') ??
        '',
    ),
  );
}

describe('search', () => {
  let context: BrowserContext;
  let page: Page;
  let traffic: Traffic;

  beforeAll(async () => {
    context = await browser.newContext();
    traffic = recordTraffic(context);
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
  });

  describe.each([
    ['en', 'k8s-1.7-affinity-in-annotations', 'k8s-1.7-affinity-in-annotations'],
    ['en', 'k8s-1.7-namespace-deletecollection', 'k8s-1.7-namespace-deletecollection'],
    [
      'en',
      '--insecure-experimental-approve-all-kubelet-csrs-for-group',
      'k8s-1.7-csr-auto-approve-flag-removed',
    ],
    [
      'zh',
      '--insecure-experimental-approve-all-kubelet-csrs-for-group',
      'k8s-1.7-csr-auto-approve-flag-removed',
    ],
    ['en', 'AffinityInAnnotations', 'k8s-1.7-affinity-in-annotations'],
    ['zh', 'AffinityInAnnotations', 'k8s-1.7-affinity-in-annotations'],
    ['en', 'templateGeneration', 'k8s-1.7-daemonset-template-generation-deprecated'],
    ['en', 'kube-proxy', 'k8s-1.7-kube-proxy-config-file'],
    ['zh', 'kube-proxy', 'k8s-1.7-kube-proxy-config-file'],
    ['en', 'hostPath', 'k8s-1.7-hostpath-parent-directory-references'],
    ['en', 'emptyDir', 'k8s-1.7-emptydir-storage-limit'],
    ['en', 'ThirdPartyResource', 'k8s-1.7-custom-resource-definitions'],
    ['en', 'NetworkPolicy', 'k8s-1.7-network-policy-v1'],
    ['en', 'local storage', 'k8s-1.7-local-storage-capacity-isolation'],
    ['en', 'cluster autoscaler', 'k8s-1.7-cluster-autoscaler'],
    ['en', 'deletecollection', 'k8s-1.7-namespace-deletecollection'],
    ['zh', '网络策略', 'k8s-1.7-network-policy-ga'],
    ['zh', '本地存储', 'k8s-1.7-local-storage-capacity-isolation'],
    ['zh', '弹缩', 'k8s-1.7-hpa-forbidden-window-flags'],
    ['zh', '驱逐', 'k8s-1.7-daemonset-noschedule-eviction'],
    ['zh', '亲和性', 'k8s-1.7-affinity-in-annotations'],
    ['zh', '源IP', 'k8s-1.7-source-ip-preservation'],
    ['zh', '存储限额', 'k8s-1.7-emptydir-storage-limit'],
    ['zh', 'CNI插件', 'k8s-1.7-cni-configlists'],
  ])('in %s, the query %j', (lang, query, expected) => {
    test(`finds ${expected} in the top 3`, async () => {
      await openSearch(page, server.url(`${lang}/`));
      const results = await search(page, query);
      expect(results.slice(0, 3)).toContain(expected);
    });
  });

  test('finds team, component and release pages by their names, after items', async () => {
    await openSearch(page, server.url('en/'));
    expect(await search(page, 'Network plugin team')).toContain('/en/teams/network-plugin/');
    expect(await search(page, 'Kubernetes 1.7')).toContain('/en/releases/kubernetes-1.7/');
    const kubeProxy = await search(page, 'kube-proxy');
    expect(kubeProxy).toContain('/en/components/kube-proxy/');
    expect(kubeProxy.indexOf('k8s-1.7-kube-proxy-config-file')).toBeLessThan(
      kubeProxy.indexOf('/en/components/kube-proxy/'),
    );
  });

  test('shows the impact badge, release and id of each item result', async () => {
    await openSearch(page, server.url('zh/'));
    await search(page, 'AffinityInAnnotations');
    const first = page.locator('#search-results li').first();
    await expect(first.locator('.badge').getAttribute('data-impact')).resolves.toBe('attention');
    await expect(first.locator('.badge').textContent()).resolves.toBe('需要关注');
    await expect(first.locator('.item-meta').textContent()).resolves.toContain('Kubernetes 1.7');
    await expect(first.locator('code').textContent()).resolves.toBe(
      'k8s-1.7-affinity-in-annotations',
    );
  });

  test('narrows results with filters, and filters alone list every matching item', async () => {
    await openSearch(page, server.url('en/'));
    await search(page, 'storage');
    const allCount = Number(/\d+/.exec((await page.locator('#search-status').textContent()) ?? ''));
    // The filters fold behind one button; their values load when it is unfolded.
    await page.locator('#search-filters summary').click();
    await page.waitForFunction(
      () => !document.querySelector<HTMLSelectElement>('select[data-filter="impact"]')?.disabled,
    );
    await page.selectOption('select[data-filter="impact"]', 'Needs attention');
    const attention = await search(page, 'storage');
    const attentionCount = Number(
      /\d+/.exec((await page.locator('#search-status').textContent()) ?? ''),
    );
    expect(attention.length).toBeGreaterThan(0);
    expect(attentionCount).toBeLessThan(allCount);
    expect(attention).not.toContain('k8s-1.7-storageos-volume-plugin');
    await page.selectOption('select[data-filter="team"]', 'Ops team');
    const opsAttention = await search(page, '');
    expect(opsAttention.sort()).toEqual(
      project.notes
        .map((note) => note.data)
        .filter((note) => note.impact === 'attention' && note.teams.includes('ops'))
        .map((note) => note.id)
        .sort(),
    );
    expect(opsAttention).toContain('k8s-1.7-local-persistent-volumes');
  });

  test('opens with Ctrl+K, moves through results with the arrow keys and follows one with Enter', async () => {
    await page.goto(server.url('zh/'));
    await page.locator('#search-open').waitFor({ state: 'visible' });
    await page.keyboard.press('Control+K');
    await expect(
      page.locator('#search-input').evaluate((input) => input === document.activeElement),
    ).resolves.toBe(true);
    await search(page, 'hostPath');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(focused).toBe('/zh/items/k8s-1.7-hostpath-parent-directory-references/');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/zh/items/k8s-1.7-hostpath-parent-directory-references/');
  });

  test('closes with Escape and gives focus back to the search button', async () => {
    await openSearch(page, server.url('en/'));
    await page.keyboard.press('Escape');
    await expect(
      page.locator('#search-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open),
    ).resolves.toBe(false);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-open');
  });

  test('has a labelled search field and announces the result count', async () => {
    await openSearch(page, server.url('en/'));
    await expect(page.getByLabel('Search by feature, component, flag or id').count()).resolves.toBe(
      1,
    );
    await search(page, 'kubelet');
    await expect(page.locator('#search-status').getAttribute('role')).resolves.toBe('status');
    await expect(page.locator('#search-status').textContent()).resolves.toMatch(/^\d+ results$/);
  });

  test('made no request to another host', () => {
    expect(offHostRequests(traffic)).toEqual([]);
    expect(traffic.failures).toEqual([]);
  });
});

describe('search under a base path', () => {
  test('finds items and links them under the base path', async () => {
    const context = await browser.newContext();
    const traffic = recordTraffic(context);
    const page = await context.newPage();
    await openSearch(page, baseServer.url('en/'));
    const results = await search(page, 'AffinityInAnnotations');
    expect(results[0]).toBe('k8s-1.7-affinity-in-annotations');
    await expect(page.locator('#search-results li a').first().getAttribute('href')).resolves.toBe(
      '/pict-notes/en/items/k8s-1.7-affinity-in-annotations/',
    );
    expect(offHostRequests(traffic)).toEqual([]);
    expect(traffic.failures).toEqual([]);
    await context.close();
  });
});

describe('the search index', () => {
  test.each(['zh', 'en'])(
    'holds every note of the repository in %s across its bundles, and nothing else as an item',
    async (lang) => {
      const ids = project.notes.map((note) => note.data.id).sort();
      const page = await browser.newPage();
      await page.goto(server.url(`${lang}/`));
      // A string, so that Vitest leaves the dynamic import alone; it runs in the page.
      const indexed = (await page.evaluate(`(async () => {
      const { bundles } = await (await fetch('/pagefind/bundles.json')).json();
      const pagefind = await import('/pagefind/' + bundles[0].path + 'pagefind.js');
      for (const bundle of bundles.slice(1)) await pagefind.mergeIndex('/pagefind/' + bundle.path);
      const search = await pagefind.search(null, { filters: {} });
      const data = await Promise.all(search.results.map((result) => result.data()));
      return data.flatMap((result) => (result.meta.id ? [result.meta.id] : []));
    })()`)) as string[];
      await page.close();
      expect(indexed.sort()).toEqual(ids);
    },
  );
});
