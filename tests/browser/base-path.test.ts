import { siteConfig } from '../../site.config.ts';
import { describe, expect, test } from 'vitest';
import { useServedSite } from '../support/browser.ts';
import { firstReleaseWithNotes, readProject } from '../support/dist.ts';
import { BASE, KUBERNETES } from '../support/sites.ts';

const project = readProject(KUBERNETES);
const { release, notes: releaseNotes } = firstReleaseWithNotes(project);
const attentionIds = releaseNotes
  .filter((note) => note.impact === 'attention')
  .map((note) => note.id)
  .sort();
const id = releaseNotes[0]?.id ?? '';

const site = useServedSite('kubernetes-base', BASE);

describe(`a site built for ${BASE}`, () => {
  test('serves the home page under the base, styled, after the language redirect', async () => {
    const page = await site.open('');
    await page.waitForURL(site.server.url('zh/'));
    expect(await page.title()).toContain(siteConfig.title.zh);
    expect(await page.locator('h1').count()).toBeGreaterThan(0);
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
  });

  test('links each item of a release page under the base, and those links work', async () => {
    const page = await site.open(`zh/releases/${release.id}/`);
    const hrefs = await page
      .locator('[data-filterable] a.item-title')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.sort()).toEqual(releaseNotes.map((note) => `${BASE}zh/items/${note.id}/`).sort());
    await page.locator(`[data-filterable] a.item-title[href="${BASE}zh/items/${id}/"]`).click();
    await page.waitForURL(site.server.url(`zh/items/${id}/`));
    expect(await page.locator('code.item-id').textContent()).toBe(id);
  });

  test('filters a release page, keeping the base in the URL', async () => {
    const page = await site.open(`zh/releases/${release.id}/`);
    await page.locator('.filters').waitFor({ state: 'visible' });
    await page.check('input[name=impact][value=attention]');
    const visible = await page
      .locator('[data-filterable] .item:visible')
      .evaluateAll((items) => items.map((item) => item.id));
    expect(visible.sort()).toEqual(attentionIds);
    const url = new URL(page.url());
    expect(`${url.pathname}${url.search}`).toBe(
      `${BASE}zh/releases/${release.id}/?impact=attention`,
    );
  });

  test.each([true, false])(
    'redirects /i/<id>/ to the Chinese item page under the base (JavaScript %s)',
    async (javaScriptEnabled) => {
      const page = await site.open(`i/${id}/`, { javaScriptEnabled });
      await page.waitForURL(site.server.url(`zh/items/${id}/`));
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    },
  );
});
