import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { scanTags } from '../../src/lib/links.ts';
import { readPages } from '../support/dist.ts';
import { builtSite } from '../support/sites.ts';

/** Size budgets of a page as first loaded (the search bundle loads only when search opens). */
const BUDGET = { html: 7 * 1024, css: 10 * 1024, js: 5 * 1024 };

const gzipped = (text: string | Buffer) => gzipSync(text).length;

/** Gzipped bytes of the stylesheets and scripts a page loads, following static imports of modules. */
function assetBytes(dist: string, html: string): { css: number; js: number } {
  const tags = scanTags(html);
  const file = (url: string) => join(dist, url.replace(/^\//, ''));
  const css = tags
    .filter((tag) => tag.name === 'link' && tag.attributes['rel'] === 'stylesheet')
    .reduce((sum, tag) => sum + gzipped(readFileSync(file(tag.attributes['href'] ?? ''))), 0);
  const seen = new Set<string>();
  const visit = (url: string): number => {
    if (seen.has(url)) return 0;
    seen.add(url);
    const code = readFileSync(file(url), 'utf8');
    // Static imports are loaded with the page; dynamic `import()` (Pagefind) is not.
    const imports = [
      ...code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w{}\s,*$]+from\s*)?["']([^"']+)["']/g),
    ].map((match) => new URL(match[1] ?? '', `http://site${url}`).pathname);
    return gzipped(code) + imports.reduce((sum, next) => sum + visit(next), 0);
  };
  const js = tags
    .filter((tag) => tag.name === 'script' && tag.attributes['src'])
    .reduce((sum, tag) => sum + visit(tag.attributes['src'] ?? ''), 0);
  return { css, js };
}

describe('page weight budgets', () => {
  const dist = builtSite('kubernetes');
  const pages = [...readPages(dist)].filter(([path]) => /^(zh|en)\//.test(path));

  test('every item page stays within 7 KB gzipped HTML, 10 KB CSS and 5 KB JavaScript', () => {
    const items = pages.filter(([path]) => path.includes('/items/'));
    expect(items.length).toBeGreaterThan(100);
    const over = items.flatMap(([path, html]) => {
      const sizes = { html: gzipped(html), ...assetBytes(dist, html) };
      return (Object.keys(BUDGET) as (keyof typeof BUDGET)[])
        .filter((kind) => sizes[kind] > BUDGET[kind])
        .map((kind) => `${path}: ${kind} ${sizes[kind]} B > ${BUDGET[kind]} B`);
    });
    expect(over).toEqual([]);
  });

  test('no page loads more than 5 KB of JavaScript before search opens', () => {
    const over = pages
      .map(([path, html]) => [path, assetBytes(dist, html).js] as const)
      .filter(([, js]) => js > BUDGET.js);
    expect(over).toEqual([]);
  });

  test('counts the JavaScript a page loads (the measure is not vacuous)', () => {
    const [, release] = pages.find(
      ([path]) => path === 'en/releases/kubernetes-1.7/index.html',
    ) ?? ['', ''];
    expect(assetBytes(dist, release).js).toBeGreaterThan(1000);
  });
});
