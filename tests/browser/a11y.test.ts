import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { useServedSite } from '../support/browser.ts';

const site = useServedSite('kubernetes');

const PAGE_KINDS = [
  ['home', ''],
  ['release', 'releases/kubernetes-1.7/'],
  ['filtered release', 'releases/kubernetes-1.7/?impact=attention&team=ops'],
  ['item', 'items/k8s-1.7-affinity-in-annotations/'],
  ['team', 'teams/ops/'],
  ['team index', 'teams/'],
  ['component', 'components/kube-proxy/'],
  ['component index', 'components/'],
  ['impact', 'impact/attention/'],
  ['impact index', 'impact/'],
  ['checklist', 'releases/kubernetes-1.7/checklist/'],
  ['untriaged queue', 'releases/kubernetes-1.8/untriaged/?team=platform'],
  ['upgrade index', 'upgrade/'],
  ['upgrade path', 'upgrade/kubernetes-1.7/kubernetes-1.8/'],
] as const;

describe.each([
  ['light', 'zh'],
  ['light', 'en'],
  ['dark', 'zh'],
  ['dark', 'en'],
] as const)('axe-core in %s mode, %s', (colorScheme, lang) => {
  let page: Page;

  beforeAll(async () => {
    page = await site.browser.newPage({ colorScheme });
  });

  afterAll(async () => {
    await page?.close();
  });

  test.each(PAGE_KINDS)('finds no violation on the %s page', async (_kind, path) => {
    await page.goto(site.server.url(`${lang}/${path}`));
    expect(await axeViolations(page)).toEqual([]);
  });

  test('finds no violation with the search dialog open and showing results', async () => {
    await page.goto(site.server.url(`${lang}/`));
    await page.locator('#search-open').click();
    await page.fill('#search-input', 'kube-proxy');
    await page.locator('#search-results li').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('axe-core itself', () => {
  test('reports a violation on a page that has one, so the gate can fail', async () => {
    const page = await site.browser.newPage();
    await page.setContent('<html><body><img src="x.png"><a href="#"></a></body></html>');
    const violations = await axeViolations(page);
    await page.close();
    expect(violations.some((line) => line.startsWith('image-alt'))).toBe(true);
  });
});

describe.each(['zh', 'en'])('on a phone screen (390 px), %s', (lang) => {
  test.each(PAGE_KINDS)('the %s page does not scroll sideways', async (_kind, path) => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(site.server.url(`${lang}/${path}`));
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    await page.close();
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
