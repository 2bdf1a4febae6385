import { describe, expect, test } from 'vitest';
import { robotsTxt, sitemapFiles, URLS_PER_SITEMAP } from '../../src/lib/sitemap.ts';

const ROOT = 'https://notes.example/pict-notes/';

describe('sitemapFiles', () => {
  test('lists pages under a language folder, each with its alternates in both languages', () => {
    const files = sitemapFiles(
      ['zh/', 'en/', 'zh/items/a/', 'en/items/a/', 'zh/only/', 'notes/'],
      ROOT,
    );
    expect([...files.keys()]).toEqual(['sitemap-1.xml', 'sitemap.xml']);
    expect(files.get('sitemap-1.xml')).toMatchInlineSnapshot(`
      "<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
      <url><loc>https://notes.example/pict-notes/en/</loc><xhtml:link rel="alternate" hreflang="zh-CN" href="https://notes.example/pict-notes/zh/"/><xhtml:link rel="alternate" hreflang="en" href="https://notes.example/pict-notes/en/"/></url>
      <url><loc>https://notes.example/pict-notes/en/items/a/</loc><xhtml:link rel="alternate" hreflang="zh-CN" href="https://notes.example/pict-notes/zh/items/a/"/><xhtml:link rel="alternate" hreflang="en" href="https://notes.example/pict-notes/en/items/a/"/></url>
      <url><loc>https://notes.example/pict-notes/zh/</loc><xhtml:link rel="alternate" hreflang="zh-CN" href="https://notes.example/pict-notes/zh/"/><xhtml:link rel="alternate" hreflang="en" href="https://notes.example/pict-notes/en/"/></url>
      <url><loc>https://notes.example/pict-notes/zh/items/a/</loc><xhtml:link rel="alternate" hreflang="zh-CN" href="https://notes.example/pict-notes/zh/items/a/"/><xhtml:link rel="alternate" hreflang="en" href="https://notes.example/pict-notes/en/items/a/"/></url>
      <url><loc>https://notes.example/pict-notes/zh/only/</loc></url>
      </urlset>
      "
    `);
    expect(files.get('sitemap.xml')).toContain(
      '<sitemap><loc>https://notes.example/pict-notes/sitemap-1.xml</loc></sitemap>',
    );
  });

  test(`splits into parts of at most ${URLS_PER_SITEMAP} URLs, all named in the index`, () => {
    const pages = Array.from({ length: URLS_PER_SITEMAP + 1 }, (_, index) => `zh/items/n${index}/`);
    const files = sitemapFiles(pages, ROOT);
    expect([...files.keys()]).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap.xml']);
    expect(files.get('sitemap-2.xml')?.match(/<url>/g)).toHaveLength(1);
    expect(files.get('sitemap.xml')?.match(/<sitemap>/g)).toHaveLength(2);
  });
});

describe('robotsTxt', () => {
  test('names the sitemap index by its absolute URL', () => {
    expect(robotsTxt(ROOT)).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://notes.example/pict-notes/sitemap.xml\n',
    );
  });
});
