import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startNginx, type RunningNginx } from '../../scripts/serve.ts';
import { parseCsp, readPageHead } from '../../src/lib/csp.ts';
import { folderPrefixes } from '../../src/lib/links.ts';
import { LANGS } from '../../src/schemas/fields.ts';
import { builtSite, NGINX_SITE } from '../support/sites.ts';
import { listFiles, readPages, readProject, retiredIds } from '../support/dist.ts';
import { freePort, rawGet, type RawResponse } from '../support/http.ts';
import { LIVE } from '../support/nginx-site.ts';

// Global setup wrote the fixture before building it.
const project = readProject(NGINX_SITE);
const retired = retiredIds(project);
const noteIds = project.notes.map((note) => note.data.id);

interface Served {
  base: string;
  dist: string;
  nginx: RunningNginx;
  get: (path: string, headers?: Record<string, string>) => Promise<RawResponse>;
}

const served = new Map<string, Served>();

beforeAll(async () => {
  for (const base of ['/', '/pict-notes/']) {
    const name = base === '/' ? 'nginx' : 'nginx-base-path';
    const dist = builtSite(name);
    const nginx = await startNginx({ dist, port: await freePort(), host: '127.0.0.1' });
    const get = (path: string, headers: Record<string, string> = {}) =>
      rawGet(`${nginx.origin}${base}${path}`, headers);
    served.set(base, { base, dist, nginx, get });
  }
});

afterAll(async () => {
  await Promise.all([...served.values()].map((site) => site.nginx.stop()));
});

function site(base: string): Served {
  const found = served.get(base);
  if (!found) throw new Error(`no site served for ${base}`);
  return found;
}

const ACCEPT = {
  'zh-CN': { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' },
  'en-US': { 'Accept-Language': 'en-US,en;q=0.9' },
  none: {},
  'fr, then en': { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.5' },
  'de only': { 'Accept-Language': 'de-DE' },
} as const;
const EXPECTED_LANG = {
  'zh-CN': 'zh',
  'en-US': 'en',
  none: 'zh',
  'fr, then en': 'en',
  'de only': 'zh',
} as const;

/** The site-relative path a server redirect points at, checked to stay under the base. */
function locationOf(response: RawResponse, base: string): string {
  const location = String(response.headers['location'] ?? '');
  expect(location.startsWith(base), `${location} is under ${base}`).toBe(true);
  return location.slice(base.length);
}

describe.each(['/', '/pict-notes/'])('nginx serving the site built for %s', (base) => {
  test.each(Object.keys(ACCEPT) as (keyof typeof ACCEPT)[])(
    '/i/<id>/ answers 301 to the item in the reader’s language (Accept-Language: %s)',
    async (accept) => {
      const lang = EXPECTED_LANG[accept];
      for (const id of noteIds) {
        const response = await site(base).get(`i/${id}/`, ACCEPT[accept]);
        expect(response.status).toBe(301);
        expect(locationOf(response, base)).toBe(`${lang}/items/${id}/`);
        expect(response.headers['vary']).toContain('Accept-Language');
      }
    },
  );

  test('/i/<id>/ keeps the query string', async () => {
    const response = await site(base).get(`i/${LIVE}/?from=ticket`, ACCEPT['en-US']);
    expect(locationOf(response, base)).toBe(`en/items/${LIVE}/?from=ticket`);
  });

  test('every retired id answers 301 to its successor, as a short link and in both languages', async () => {
    expect([...retired.keys()].sort()).toEqual(['k8s-1.7-old-name', 'k8s-1.7-oldest-name']);
    for (const [id, target] of retired) {
      for (const lang of LANGS) {
        const item = await site(base).get(`${lang}/items/${id}/`);
        expect([item.status, locationOf(item, base)]).toEqual([301, `${lang}/items/${target}/`]);
        const accept = lang === 'en' ? ACCEPT['en-US'] : ACCEPT['zh-CN'];
        const short = await site(base).get(`i/${id}/`, accept);
        expect([short.status, locationOf(short, base)]).toEqual([301, `${lang}/items/${target}/`]);
      }
    }
  });

  test('folders without a list of their own lead to the release list', async () => {
    for (const lang of LANGS) {
      for (const folder of ['items', 'releases']) {
        const response = await site(base).get(`${lang}/${folder}/`);
        expect([response.status, locationOf(response, base)]).toEqual([302, `${lang}/`]);
      }
    }
    for (const path of ['', 'i/']) {
      const english = await site(base).get(path, ACCEPT['en-US']);
      const chinese = await site(base).get(path);
      expect([locationOf(english, base), locationOf(chinese, base)]).toEqual(['en/', 'zh/']);
    }
  });

  test.each([
    ['zh/items/no-such-item/', 'zh-CN', '页面不存在'],
    ['en/items/no-such-item/', 'en', 'Page not found'],
    ['en/releases/kubernetes-9.9/checklist/', 'en', 'Page not found'],
    ['no-such-folder/', 'zh-CN', '页面不存在'],
    ['i/no-such-id/', 'zh-CN', '页面不存在'],
  ])(
    'a missing page (%s) answers 404 with the site’s 404 page in %s',
    async (path, lang, title) => {
      const response = await site(base).get(path);
      const html = response.body.toString('utf8');
      expect(response.status).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).toContain(`<h1>${title}</h1>`);
      expect(html).toContain(`href="${base}${lang === 'en' ? 'en' : 'zh'}/"`);
      expect(html).toContain('id="search-open"');
    },
  );

  test('every page answers 200 with the Content-Security-Policy of its meta tag, plus frame-ancestors, and the security headers', async () => {
    const { dist } = site(base);
    const redirected = new Set([
      '',
      'i/',
      ...LANGS.flatMap((lang) => [`${lang}/items/`, `${lang}/releases/`]),
      ...[...noteIds, ...retired.keys()].map((id) => `i/${id}/`),
      ...LANGS.flatMap((lang) => [...retired.keys()].map((id) => `${lang}/items/${id}/`)),
    ]);
    const pages = [...readPages(dist)].filter(
      ([file]) => !redirected.has(file.replace(/index\.html$/, '')),
    );
    expect(pages.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const [file, html] of pages) {
      const meta = readPageHead(html).csp;
      const response = await site(base).get(file.replace(/index\.html$/, ''));
      const header = String(response.headers['content-security-policy'] ?? '');
      const expected = parseCsp(meta ?? '');
      expected.set('frame-ancestors', ["'none'"]);
      const ok =
        response.status === 200 &&
        meta !== undefined &&
        JSON.stringify([...parseCsp(header)]) === JSON.stringify([...expected]) &&
        response.headers['x-content-type-options'] === 'nosniff' &&
        response.headers['referrer-policy'] === 'same-origin' &&
        response.headers['cache-control'] === 'public, max-age=300';
      if (!ok) wrong.push(`${file}: ${response.status} ${header.slice(0, 60)}`);
    }
    expect(wrong).toEqual([]);
  });

  test('hashed assets carry the immutable cache header; a missing one does not', async () => {
    const assets = listFiles(join(site(base).dist, '_astro')).filter(
      (file) => !file.endsWith('.gz'),
    );
    expect(assets.length).toBeGreaterThan(2);
    for (const asset of assets) {
      const response = await site(base).get(`_astro/${asset}`);
      expect([asset, response.status, response.headers['cache-control']]).toEqual([
        asset,
        200,
        'public, max-age=31536000, immutable',
      ]);
    }
    const missing = await site(base).get('_astro/no-such-asset.js');
    expect([missing.status, missing.headers['cache-control']]).toEqual([
      404,
      'public, max-age=300',
    ]);
  });

  test.each([
    ['a page', `zh/items/${LIVE}/`, `zh/items/${LIVE}/index.html`],
    ['a stylesheet', null, null],
    ['the export', 'notes.json', 'notes.json'],
  ])('a gzip request for %s gets the precompressed file the build wrote', async (_, path, file) => {
    const { dist } = site(base);
    const css = listFiles(join(dist, '_astro')).find((name) => name.endsWith('.css')) ?? '';
    const url = path ?? `_astro/${css}`;
    const source = file ?? `_astro/${css}`;
    const gzipped = await site(base).get(url, { 'Accept-Encoding': 'gzip' });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.equals(readFileSync(join(dist, `${source}.gz`)))).toBe(true);
    expect(gunzipSync(gzipped.body).equals(readFileSync(join(dist, source)))).toBe(true);
    const plain = await site(base).get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(readFileSync(join(dist, source)))).toBe(true);
  });

  test('a Brotli request for Pagefind’s metadata or script gets the build’s .br copy; others get the file as built', async () => {
    const { dist } = site(base);
    const bundle = 'pagefind/releases/kubernetes-1.7';
    const meta = listFiles(join(dist, bundle)).find((name) => /^[^/]+\.pf_meta$/.test(name)) ?? '';
    for (const file of [`${bundle}/${meta}`, `${bundle}/pagefind.js`]) {
      const brotli = await site(base).get(file, { 'Accept-Encoding': 'gzip, br' });
      expect([file, brotli.status, brotli.headers['content-encoding']]).toEqual([file, 200, 'br']);
      expect(brotli.body.equals(readFileSync(join(dist, `${file}.br`)))).toBe(true);
      expect(brotli.headers['vary']).toBe('Accept-Encoding');
      const plain = await site(base).get(file);
      expect([file, plain.headers['content-encoding']]).toEqual([file, undefined]);
      expect(plain.body.equals(readFileSync(join(dist, file)))).toBe(true);
    }
    expect(
      brotliDecompressSync(readFileSync(join(dist, `${bundle}/${meta}.br`)))
        .subarray(0, 12)
        .toString(),
    ).toBe('pagefind_dcd');
    const missing = await site(base).get(`${bundle}/no-such.pf_meta`, { 'Accept-Encoding': 'br' });
    expect([missing.status, missing.headers['content-encoding']]).toEqual([404, undefined]);
  });

  test('every folder a reader can trim a page URL back to answers with a page or a redirect', async () => {
    const { dist } = site(base);
    const folders = new Set([...readPages(dist).keys()].flatMap((file) => folderPrefixes(file)));
    expect(folders).toContain(`zh/upgrade/kubernetes-1.7/`);
    const failing: string[] = [];
    for (const folder of folders) {
      const response = await site(base).get(folder);
      if (![200, 301, 302].includes(response.status)) failing.push(`${folder}: ${response.status}`);
    }
    expect(failing).toEqual([]);
  });

  test('the sitemap lists every indexable page with absolute alternates in both languages, and robots.txt names it', async () => {
    const origin = `https://pict-notes.internal${base}`;
    const robots = (await site(base).get('robots.txt')).body.toString('utf8');
    expect(robots).toContain(`Sitemap: ${origin}sitemap.xml`);
    const index = (await site(base).get('sitemap.xml')).body.toString('utf8');
    const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
    expect(parts).toEqual([`${origin}sitemap-1.xml`]);
    const part = (await site(base).get('sitemap-1.xml')).body.toString('utf8');
    const urls = [...part.matchAll(/<url><loc>([^<]+)<\/loc>(.*?)<\/url>/g)];
    const listed = urls.map((match) => match[1]);
    for (const lang of LANGS) {
      expect(listed).toContain(`${origin}${lang}/items/${LIVE}/`);
      expect(listed).toContain(`${origin}${lang}/upgrade/kubernetes-1.7/`);
    }
    expect(listed.filter((url) => /\/i\/|\/404\/|items\/k8s-1\.7-old/.test(url ?? ''))).toEqual([]);
    const item = urls.find((match) => match[1] === `${origin}en/items/${LIVE}/`)?.[2] ?? '';
    expect(item).toBe(
      `<xhtml:link rel="alternate" hreflang="zh-CN" href="${origin}zh/items/${LIVE}/"/>` +
        `<xhtml:link rel="alternate" hreflang="en" href="${origin}en/items/${LIVE}/"/>`,
    );
  });

  test('writes _redirects and _headers for static hosts from the same data', () => {
    const { dist } = site(base);
    const redirects = readFileSync(join(dist, '_redirects'), 'utf8');
    for (const [id, target] of retired) {
      for (const lang of LANGS) {
        expect(redirects).toContain(
          `${base}${lang}/items/${id}/ ${base}${lang}/items/${target}/ 301\n`,
        );
      }
      expect(redirects).toContain(`${base}i/${id}/ ${base}zh/items/${target}/ 301\n`);
    }
    expect(redirects).toContain(`${base}i/:id/ ${base}zh/items/:id/ 301\n`);
    const headers = readFileSync(join(dist, '_headers'), 'utf8');
    expect(headers).toMatch(
      /^  Content-Security-Policy: default-src 'self'; .*; frame-ancestors 'none'$/m,
    );
    expect(headers).toContain(
      `${base}_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n`,
    );
  });

  test('npm run serve leads the host root to the base path (then to the reader’s language)', async () => {
    const response = await rawGet(`${site(base).nginx.origin}/`);
    const expected = base === '/' ? '/zh/' : base;
    expect([response.status, response.headers['location']]).toEqual([302, expected]);
  });

  test('serves no server configuration file', async () => {
    for (const path of ['nginx/server.conf', '../nginx/server.conf', 'site.json']) {
      expect((await site(base).get(path)).status).toBe(404);
    }
  });
});
