// What a first search and a follow-up cost as deployed: the shared builds served by the real nginx with
// the configuration their build wrote (the build's .gz and .br copies), in Chromium, counted
// from nginx's own log of bytes sent (headers and bodies as sent). Sizes are deterministic for a build,
// so the budgets of docs/performance.md are asserted: the real-site budget on the search fixture, the
// 5,000-note budget on the benchmark corpus (2,000 notes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bytesLog, startNginx, type RunningNginx, type Transfer } from '../../scripts/serve.ts';
import { launchBrowser } from '../support/browser.ts';
import { freePort, rawGet } from '../support/http.ts';
import { listFiles } from '../support/dist.ts';
import { builtSite, type SharedBuild } from '../support/sites.ts';

const KB = 1024;

/** The kind of a Pagefind file from its URL (`/pagefind/releases/x/index/en_1.pf_index` → `pf_index`). */
function kindOf(url: string): string {
  const name = url.split('?')[0]?.split('/').pop() ?? '';
  if (name.startsWith('wasm.')) return 'wasm';
  return /\.(pf_\w+)$/.exec(name)?.[1] ?? name;
}

const total = (files: readonly Transfer[]) => files.reduce((sum, file) => sum + file.bytes, 0);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  // The real site's budget (120 KB), on the search fixture; words of one and of two index chunks.
  { build: 'search-ranking', lang: 'en', words: ['kube-proxy', 'storage'], budget: 120 * KB },
  { build: 'search-ranking', lang: 'zh', words: ['存储', '网络'], budget: 120 * KB },
  // A query of two Chinese words loads the index chunk of each (the real site's "本地存储").
  { build: 'search-ranking', lang: 'zh', words: ['存储更名', '网络策略'], budget: 120 * KB },
  // The benchmark's budget (150 KB in 20 requests, follow-up 60 KB), on its corpus.
  { build: 'bench-corpus', lang: 'en', words: ['kubelet', 'storage'], budget: 150 * KB },
  { build: 'bench-corpus', lang: 'zh', words: ['存储', '网络'], budget: 150 * KB },
  { build: 'bench-corpus', lang: 'zh', words: ['本地存储', '网络'], budget: 150 * KB },
] as const)('search of $build in $lang, served by nginx', ({ build, lang, words, budget }) => {
  let nginx: RunningNginx;
  beforeAll(async () => {
    nginx = await startNginx({
      dist: builtSite(build as SharedBuild),
      port: await freePort(),
      host: '127.0.0.1',
      bytesLog: true,
    });
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  test(`first search within ${budget / KB} KB and 20 requests, follow-up within 60 KB`, async () => {
    const context = await browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const page = await context.newPage();
    const log = bytesLog(nginx);
    await page.goto(`${nginx.origin}/${lang}/`);
    await page.waitForLoadState('networkidle');
    log.reset();

    const searchFor = async (word: string) => {
      await page.fill('#search-input', word);
      await page.waitForFunction(() => {
        const status = document.querySelector('#search-status')?.textContent ?? '';
        return status.length > 0 && !status.includes('…');
      });
      await page.waitForLoadState('networkidle');
      return log.take();
    };
    await page.locator('#search-open').click();
    const first = await searchFor(words[0]);
    await page.fill('#search-input', '');
    await page.waitForLoadState('networkidle');
    log.reset();
    const followUp = await searchFor(words[1]);
    await context.close();

    expect(first.filter((file) => file.status !== 200)).toEqual([]);
    // Only what a search needs: no worker script, one metadata file and one WebAssembly, the index
    // chunks of the words, the group filter (grouping needs it), a fragment per result shown.
    const kinds = first.map((file) => kindOf(file.url));
    expect(kinds).not.toContain('pagefind-worker.js');
    expect(
      kinds.filter((kind) => ['pagefind.js', 'wasm', 'pf_meta'].includes(kind)).sort(),
    ).toEqual(['pagefind.js', 'pf_meta', 'wasm']);
    expect(kinds.filter((kind) => kind === 'pf_filter')).toHaveLength(1);
    expect(first.length).toBeLessThanOrEqual(20);
    expect(total(first)).toBeLessThanOrEqual(budget);
    expect(total(followUp)).toBeLessThanOrEqual(60 * KB);
  });
});

describe('Pagefind files as built and as nginx sends them', () => {
  const bundle = join(builtSite('search-ranking'), 'pagefind', 'releases', 'kubernetes-1.7');
  const files = listFiles(bundle);
  /** Pagefind packs its index files and WebAssembly with gzip itself (its script unpacks them). */
  const packed = files.filter((file) => /^wasm\.[^/]+\.pagefind$|\.pf_\w+$/.test(file));
  /** Of those, what every first search fetches: the metadata, the WebAssembly, the filters. */
  const fetchedByEverySearch = packed.filter((file) => !/^(?:index|fragment)\//.test(file));

  test('scripts have the build’s .gz copies; index files and WebAssembly are gzip already', () => {
    const scripts = files.filter((file) => /\.js$/.test(file));
    expect(scripts).toContain('pagefind.js');
    for (const script of scripts) expect(files).toContain(`${script}.gz`);
    expect(packed.filter((file) => file.startsWith('wasm.'))).not.toEqual([]);
    for (const file of packed) {
      expect([file, readFileSync(join(bundle, file)).subarray(0, 2).toString('hex')]).toEqual([
        file,
        '1f8b',
      ]);
      expect(files).not.toContain(`${file}.gz`);
    }
  });

  test('the scripts, metadata, WebAssembly and filters have a .br copy: unpacked, Pagefind’s mark first', () => {
    expect(fetchedByEverySearch.map((file) => file.split(/[._]/)[0]).sort()).toEqual(
      expect.arrayContaining(['filter/en', 'pagefind', 'wasm']),
    );
    for (const file of fetchedByEverySearch) {
      const copy = brotliDecompressSync(readFileSync(join(bundle, `${file}.br`)));
      expect([file, copy.equals(gunzipSync(readFileSync(join(bundle, file))))]).toEqual([
        file,
        true,
      ]);
      expect(copy.subarray(0, 12).toString()).toBe('pagefind_dcd');
    }
    const script = readFileSync(join(bundle, 'pagefind.js'));
    expect(brotliDecompressSync(readFileSync(join(bundle, 'pagefind.js.br'))).equals(script)).toBe(
      true,
    );
    // The many per-query files stay as Pagefind wrote them.
    expect(files.filter((file) => /^(?:index|fragment)\/.*\.br$/.test(file))).toEqual([]);
  });

  let nginx: RunningNginx;
  beforeAll(async () => {
    nginx = await startNginx({
      dist: builtSite('search-ranking'),
      port: await freePort(),
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  /** Content type and encoding of every Pagefind file a first search fetches, by kind. */
  test('Brotli to Chromium where the build has a copy; the rest gzipped from the build’s copies or as Pagefind packed it', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const answers = new Map<string, string>();
    page.on('response', (response) => {
      const url = new URL(response.url()).pathname;
      if (!url.includes('/pagefind/')) return;
      const headers = response.headers();
      answers.set(
        kindOf(url),
        `${headers['content-type'] ?? '-'}; encoding ${headers['content-encoding'] ?? 'none'}`,
      );
    });
    await page.goto(`${nginx.origin}/en/`);
    await page.locator('#search-open').click();
    await page.fill('#search-input', 'kubelet');
    await page.locator('#search-results li').first().waitFor();
    await page.waitForLoadState('networkidle');
    await context.close();
    expect(Object.fromEntries(answers)).toEqual({
      'bundles.json': 'application/json; charset=utf-8; encoding none',
      'pagefind.js': 'text/javascript; charset=utf-8; encoding br',
      'pagefind-entry.json': 'application/json; charset=utf-8; encoding none',
      pf_meta: 'application/octet-stream; encoding br',
      wasm: 'application/octet-stream; encoding br',
      pf_index: 'application/octet-stream; encoding none',
      pf_filter: 'application/octet-stream; encoding br',
      pf_fragment: 'application/octet-stream; encoding none',
    });
  });

  test.each([
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip', undefined],
    ['gzip', undefined],
    ['', undefined],
  ])(
    'Accept-Encoding %j: the packed files as %s, varying with Accept-Encoding',
    async (accept, encoding) => {
      const sent = await Promise.all(
        fetchedByEverySearch.map(async (file) => {
          const { headers, body } = await rawGet(
            `${nginx.origin}/pagefind/releases/kubernetes-1.7/${file}`,
            { 'Accept-Encoding': accept },
          );
          const asBuilt = readFileSync(join(bundle, encoding ? `${file}.br` : file));
          return [
            file,
            headers['content-encoding'],
            headers['vary'],
            headers['content-type'],
            body.equals(asBuilt),
          ];
        }),
      );
      expect(sent).toEqual(
        fetchedByEverySearch.map((file) => [
          file,
          encoding,
          'Accept-Encoding',
          'application/octet-stream',
          true,
        ]),
      );
    },
  );
});
