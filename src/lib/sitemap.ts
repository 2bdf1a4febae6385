import { htmlLang } from '../i18n/index.ts';
import { LANGS, type Lang } from '../schemas/fields.ts';
import { switchLangPath } from './urls.ts';

/** Most URLs in one sitemap file (the protocol allows 50,000; smaller parts stay well under 50 MB). */
export const URLS_PER_SITEMAP = 10_000;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The language of a site-relative page path (`zh/items/x/` → `zh`), if it is under a language folder. */
export function langOfPath(path: string): Lang | undefined {
  return LANGS.find((lang) => path.startsWith(`${lang}/`));
}

/**
 * The sitemap files of a site: `sitemap.xml` is an index of parts (`sitemap-1.xml`, …) listing every
 * indexable page under a language folder with its alternates in every language that has it
 * (absolute `hreflang` links, the page itself included, as search engines ask). `pages` are
 * site-relative URL paths (`zh/items/x/`); `root` is the absolute URL of the site (origin and base).
 */
export function sitemapFiles(pages: readonly string[], root: string): Map<string, string> {
  const url = (path: string) => escapeXml(new URL(path, root).href);
  const known = new Set(pages);
  const listed = pages.filter((path) => langOfPath(path) !== undefined).sort();
  const entries = listed.map((path) => {
    const alternates = LANGS.map((lang) => [lang, switchLangPath(path, lang)] as const).filter(
      ([, alternate]) => known.has(alternate),
    );
    const links =
      alternates.length > 1
        ? alternates.map(
            ([lang, alternate]) =>
              `<xhtml:link rel="alternate" hreflang="${htmlLang(lang)}" href="${url(alternate)}"/>`,
          )
        : [];
    return `<url><loc>${url(path)}</loc>${links.join('')}</url>`;
  });
  const parts: string[][] = [];
  for (let start = 0; start < entries.length || parts.length === 0; start += URLS_PER_SITEMAP) {
    parts.push(entries.slice(start, start + URLS_PER_SITEMAP));
  }
  const files = new Map<string, string>();
  parts.forEach((part, index) => {
    files.set(
      `sitemap-${index + 1}.xml`,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        ...part,
        '</urlset>',
        '',
      ].join('\n'),
    );
  });
  files.set(
    'sitemap.xml',
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
      ...[...files.keys()].map((name) => `<sitemap><loc>${url(name)}</loc></sitemap>`),
      '</sitemapindex>',
      '',
    ].join('\n'),
  );
  return files;
}

/** `robots.txt`: everything may be crawled; the sitemap index is named by its absolute URL. */
export function robotsTxt(root: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL('sitemap.xml', root).href}\n`;
}
