import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { scanTags } from '../../src/lib/links.ts';
import { launchBrowser } from '../support/browser.ts';
import { readPages } from '../support/dist.ts';
import { builtSite } from '../support/sites.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

// Frontmatter is data: whatever markup a note's texts contain must reach readers as text. The fixture
// site has a note whose texts are markup and javascript: URLs, and an imported one whose texts are
// upstream Markdown (paragraphs, nested list, code) with hostile links mixed in.
const ID = 'k8s-1.7-markup-in-texts';
const MD_ID = 'k8s-1.7-upstream-markdown';

let dist: string;
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  dist = builtSite('kubernetes');
  [browser, server] = await Promise.all([launchBrowser(), serveStatic(dist)]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a note whose texts contain markup and javascript: URLs', () => {
  test('is escaped in every page that shows it', () => {
    const pages = readPages(dist);
    const showing = [...pages].filter(([, html]) => html.includes('window.pwned'));
    expect(showing.length).toBeGreaterThanOrEqual(6);
    for (const [page, html] of showing) {
      // Inside attribute values `<` is plain text; such markup must never appear as real tags.
      const injected = scanTags(html).filter(
        (tag) =>
          Object.keys(tag.attributes).some((name) => name.startsWith('on')) ||
          Object.values(tag.attributes).some((value) => /^\s*javascript:/i.test(value)) ||
          (tag.name === 'img' && tag.attributes['src'] === 'x') ||
          // The site has no inline scripts at all, so any script without src was injected.
          (tag.name === 'script' && !('src' in tag.attributes)),
      );
      expect(injected, page).toEqual([]);
    }
    const item = pages.get(`en/items/${ID}/index.html`) ?? '';
    expect(item).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(item).toContain('<code>&lt;b&gt;code&lt;/b&gt;</code>');
  });

  test.each(['notes.json', 'notes.csv'])('keeps the text verbatim as data in %s', async (file) => {
    const response = await fetch(server.url(file));
    const body = await response.text();
    expect(body).toContain('window.pwned = 1');
  });

  test('runs nothing in the browser on the item, release and search views', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const path of [
      `en/items/${ID}/`,
      `zh/items/${ID}/`,
      `en/items/${MD_ID}/`,
      'en/releases/kubernetes-1.7/',
      'en/teams/ops/',
    ]) {
      await page.goto(server.url(path));
      await page
        .locator('a[href^="javascript:"]')
        .count()
        .then((count) => expect(count).toBe(0));
      expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    }
    await page.goto(server.url('en/'));
    await page.locator('#search-open').click();
    await page.fill('#search-input', 'pwned');
    await page.locator('#search-results li').first().waitFor();
    expect(
      await page
        .locator('#search-results img, #search-results svg, #search-results script')
        .count(),
    ).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.close();
  });
});

describe('a note whose texts are upstream Markdown', () => {
  test('shows paragraphs, lists, code and http(s) links on its item page, in both languages', () => {
    const pages = readPages(dist);
    for (const lang of ['en', 'zh']) {
      const item = pages.get(`${lang}/items/${MD_ID}/index.html`) ?? '';
      expect(item).toContain('<pre><code>kind: Zorblaxwidget</code></pre>');
      expect(item).toContain(
        '<a href="https://github.com/kubernetes/kubernetes/pull/100">#100</a>',
      );
      expect(item).toContain(
        '<ul><li>Features<ul><li>Quuxfeature x javascript:window.pwned=7</li>',
      );
      expect(item).toContain('<ol><li>recreate the widgets</li>');
      expect(item).not.toContain('evil.example/pwned.png"');
    }
  });

  test('shows a Markdown assessment as blocks in the note cards', () => {
    const release = readPages(dist).get('en/releases/kubernetes-1.7/index.html') ?? '';
    expect(release).toMatch(
      /<div class="note-text"><p>Ops must:<\/p><ol><li>recreate the widgets<\/li><li>check <a href="https:\/\/kubernetes.io\/docs\/">the docs<\/a><\/li><\/ol><\/div>/,
    );
  });

  test('has valid HTML on its item pages', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    for (const lang of ['en', 'zh']) {
      const page = `${lang}/items/${MD_ID}/index.html`;
      const report = await validator.validateString(
        readPages(dist).get(page) ?? '',
        join(dist, page),
      );
      expect(report.results.flatMap((result) => result.messages)).toEqual([]);
    }
  });

  test.each(['zorblaxwidget', 'quuxfeature'])(
    'is found by searching a word of its code blocks and lists (%s)',
    async (word) => {
      const page = await browser.newPage();
      await page.goto(server.url('en/'));
      await page.locator('#search-open').click();
      await page.fill('#search-input', word);
      await page.locator('#search-results li').first().waitFor();
      const hrefs = await page.$$eval('#search-results li a', (links) =>
        links.map((link) => link.getAttribute('href')),
      );
      expect(hrefs).toContain(`/en/items/${MD_ID}/`);
      await page.close();
    },
  );
});
