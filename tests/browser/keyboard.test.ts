import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { useServedSite } from '../support/browser.ts';
import { readProject } from '../support/dist.ts';
import { KUBERNETES } from '../support/sites.ts';

let page: Page;

const attentionIn17 = readProject(KUBERNETES).notes.filter(
  (note) => note.data.release === 'kubernetes-1.7' && note.data.impact === 'attention',
).length;

const site = useServedSite('kubernetes');

beforeAll(async () => {
  page = await site.browser.newPage();
});

/** Presses Tab until the focused element matches, failing after `limit` presses. */
async function tabTo(
  matches: (element: { tag: string; text: string; name: string; value: string }) => boolean,
  limit = 80,
): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return {
        tag: element?.tagName.toLowerCase() ?? '',
        text: element?.textContent?.trim() ?? '',
        name: element?.getAttribute('name') ?? '',
        value: element?.value ?? '',
      };
    });
    if (matches(focused)) return;
  }
  throw new Error('never reached the element with Tab');
}

describe('keyboard only', () => {
  test('walks from the home page to a filtered release, an item, the other language and a search result', async () => {
    await page.goto(site.server.url('en/'));

    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Skip to content',
    );
    await page.keyboard.press('Enter');
    // The fragment navigation reaches Playwright asynchronously: wait for it rather than read the URL at once.
    await page.waitForURL(/#main$/);

    await tabTo((element) => element.tag === 'a' && element.text === 'Kubernetes 1.7');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/en/releases/kubernetes-1.7/');

    await tabTo(
      (element) =>
        element.tag === 'input' && element.name === 'impact' && element.value === 'attention',
    );
    await page.keyboard.press('Space');
    await page.waitForURL('**/en/releases/kubernetes-1.7/?impact=attention');
    await expect(page.locator('[data-filterable] .item:not([hidden])').count()).resolves.toBe(
      attentionIn17,
    );

    await tabTo((element) => element.tag === 'a' && element.text.startsWith('hostPath'), 200);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/en/items/k8s-1.7-hostpath-parent-directory-references/');

    await tabTo((element) => element.tag === 'a' && element.text === '中文');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/zh/items/k8s-1.7-hostpath-parent-directory-references/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');

    await page.keyboard.press('/');
    await page.keyboard.type('kube-proxy');
    await page.locator('#search-results li').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/zh/items/k8s-1.7-kube-proxy-config-file/');
  });

  test('reaches the theme toggle and switches the theme with Enter', async () => {
    await page.goto(site.server.url('en/teams/'));
    const before = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    await tabTo((element) => element.tag === 'button' && element.text === 'Toggle dark mode');
    await page.keyboard.press('Enter');
    const after = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(after).not.toBe(before);
  });

  test('shows where the focus is', async () => {
    await page.goto(site.server.url('en/'));
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).toBe('solid');
  });
});
