import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useServedSite } from '../support/browser.ts';
import { readProject } from '../support/dist.ts';
import { KUBERNETES } from '../support/sites.ts';

const project = readProject(KUBERNETES);
const note = project.notes
  .map((entry) => entry.data)
  .find((candidate) => candidate.zh && candidate.en);
if (!note) throw new Error('no note has both languages');
const { id } = note;

const site = useServedSite('kubernetes');

const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

describe('copy buttons on an item page', () => {
  const permissions = ['clipboard-read', 'clipboard-write'];

  test('copy the absolute /i/<id>/ link', async () => {
    const page = await site.open(`zh/items/${id}/`, { permissions });
    const button = page.locator('button[data-copy="link"]');
    await button.click();
    const url = site.server.url(`i/${id}/`);
    await expect.poll(() => button.getAttribute('data-copied')).toBe(url);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  });

  test('copy a Markdown reference with the id and the title in the page language', async () => {
    const page = await site.open(`zh/items/${id}/`, { permissions });
    const button = page.locator('button[data-copy="markdown"]');
    await button.click();
    const markdown = `[${id} — ${note.zh?.title}](${site.server.url(`i/${id}/`)})`;
    await expect.poll(() => button.getAttribute('data-copied')).toBe(markdown);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
  });
});

describe.each([
  ['zh', 'en', 'en'],
  ['en', 'zh', 'zh-CN'],
])('the language switch on a %s item page', (from, to, lang) => {
  test(`leads to the same item in ${to}, with <html lang="${lang}">`, async () => {
    const page = await site.open(`${from}/items/${id}/`);
    await page.click('a.lang-switch');
    await page.waitForURL(site.server.url(`${to}/items/${id}/`));
    expect(await htmlLang(page)).toBe(lang);
    expect(await page.locator('code.item-id').textContent()).toBe(id);
  });
});

/** `dark` or `light`, from the computed background of the page (and `html`, which must not disagree). */
async function shade(page: Page): Promise<string> {
  const backgrounds = await page.evaluate(() =>
    [document.body, document.documentElement].map(
      (element) => getComputedStyle(element).backgroundColor,
    ),
  );
  const shades = backgrounds
    .map((color) => color.match(/[\d.]+/g)?.map(Number) ?? [])
    .filter(([, , , alpha]) => alpha !== 0)
    .map(([r = 0, g = 0, b = 0]) =>
      (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.35 ? 'dark' : 'light',
    );
  return [...new Set(shades)].join(' and ') || `transparent (${backgrounds.join(', ')})`;
}

describe.each([
  ['dark', 'light'],
  ['light', 'dark'],
] as const)('with a %s color scheme', (scheme, flipped) => {
  test(`the page is ${scheme}, the theme toggle makes it ${flipped}, and that sticks after a reload`, async () => {
    const page = await site.open('zh/', { colorScheme: scheme });
    expect(await shade(page)).toBe(scheme);
    await page.click('#theme-toggle');
    await expect.poll(() => shade(page)).toBe(flipped);
    expect(await page.locator('#theme-toggle').getAttribute('aria-pressed')).toBe(
      String(flipped === 'dark'),
    );
    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe(flipped);
    await expect.poll(() => shade(page)).toBe(flipped);
  });
});

describe.each([
  ['en-US', '', 'en/'],
  ['zh-CN', '', 'zh/'],
  ['en-US', `i/${id}/`, `en/items/${id}/`],
  ['zh-CN', `i/${id}/`, `zh/items/${id}/`],
])('with the browser in %s, /%s', (locale, path, target) => {
  test(`leads to /${target}`, async () => {
    const page = await site.open(path, { locale });
    await page.waitForURL(site.server.url(target));
    expect(await htmlLang(page)).toBe(target.startsWith('en') ? 'en' : 'zh-CN');
  });
});
