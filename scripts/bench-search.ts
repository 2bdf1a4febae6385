/**
 * `npm run bench:search [-- <dist> --peer <dir> --en first,followUp --zh first,followUp --files]`:
 * serves a built site (`dist/` by default: run `npm run build` first) with the real nginx and the
 * configuration its build wrote (as deployed: `.gz` and Pagefind's `.br` copies), and measures in headless
 * Chromium the bytes transferred (compressed bodies plus headers), the requests and the time to first
 * results of a first search and a follow-up in each language. `--peer` measures another tool's build
 * of the same notes (the Starlight harness's `dist/`, see docs/performance.md) through the same nginx,
 * compressing the same kinds of files, and prints both side by side; `--files` lists every response.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { freePort } from '../tests/support/http.ts';
import { writePeerServerConfig } from './bench/peer-server.ts';
import { bytesLog, startNginx, type BytesLog, type RunningNginx, type Transfer } from './serve.ts';

/** A built site and how its search is opened and read. */
interface SiteUnderTest {
  name: string;
  dist: string;
  serverDir?: string;
  open: string;
  input: string;
  results: string;
}

/** What one search cost. */
interface Measured {
  ms: number;
  bytes: number;
  requests: number;
  results: number;
  files: Transfer[];
}

const LANGS = ['en', 'zh'] as const;
type Lang = (typeof LANGS)[number];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    en: { type: 'string', default: 'kube-proxy,storage' },
    zh: { type: 'string', default: '本地存储,网络策略' },
    peer: { type: 'string' },
    files: { type: 'boolean', default: false },
  },
});
const dist = positionals[0] ?? 'dist';
if (!existsSync(`${dist}/pagefind/bundles.json`)) {
  console.error(`No search index in ${dist}/: run npm run build first.`);
  process.exit(1);
}
if (values.peer && !existsSync(join(values.peer, 'pagefind'))) {
  console.error(`No Pagefind index in ${values.peer}/pagefind: build the peer site first.`);
  process.exit(1);
}

const PROJECT: SiteUnderTest = {
  name: 'project',
  dist,
  open: '#search-open',
  input: '#search-input',
  results: '#search-results li',
};
/** Starlight's search: its Pagefind UI in a modal dialog. */
const starlight = (peerDist: string, serverDir: string): SiteUnderTest => ({
  name: 'starlight',
  dist: peerDist,
  serverDir,
  open: 'button[data-open-modal]',
  input: '#starlight__search input.pagefind-ui__search-input',
  results: '#starlight__search .pagefind-ui__result',
});

/** Types a query into the open search, waits for results and for the network to settle. */
async function search(
  page: Page,
  site: SiteUnderTest,
  query: string,
  started: number,
  transfers: BytesLog,
): Promise<Measured> {
  await page.locator(site.input).fill(query);
  await page.locator(site.results).first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const results = await page.locator(site.results).count();
  const files = transfers.take();
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  return { ms, bytes, requests: files.length, results, files };
}

/** A first search on the language's home page in a fresh browser context, then a follow-up. */
async function measureLanguage(
  browser: Browser,
  nginx: RunningNginx,
  site: SiteUnderTest,
  lang: Lang,
  [first, followUp]: [string, string],
): Promise<[Measured, Measured]> {
  const context = await browser.newContext({ locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
  const page = await context.newPage();
  const transfers = bytesLog(nginx);
  await page.goto(`${nginx.origin}${nginx.base}${lang}/`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  transfers.reset();
  const started = Date.now();
  await page.locator(site.open).click();
  await page.locator(site.input).waitFor();
  const a = await search(page, site, first, started, transfers);
  await page.locator(site.input).fill('');
  await page
    .locator(site.results)
    .first()
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(500);
  transfers.reset();
  const b = await search(page, site, followUp, Date.now(), transfers);
  await context.close();
  return [a, b];
}

/** Serves a site with nginx and measures both languages. */
async function measureSite(browser: Browser, site: SiteUnderTest) {
  const nginx = await startNginx({
    dist: site.dist,
    port: await freePort(),
    host: '127.0.0.1',
    bytesLog: true,
    ...(site.serverDir ? { serverDir: site.serverDir } : {}),
  });
  try {
    const byLang = new Map<Lang, [Measured, Measured]>();
    for (const lang of LANGS) {
      const queries = values[lang].split(',') as [string, string];
      byLang.set(lang, await measureLanguage(browser, nginx, site, lang, queries));
    }
    return byLang;
  } finally {
    await nginx.stop();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const figure = (m: Measured) =>
  `${kb(m.bytes).padStart(9)} in ${String(m.requests).padStart(2)} requests, ${String(m.ms).padStart(5)} ms (${m.results} shown)`;

const browser = await launchBrowser();
const peerConfig = values.peer ? mkdtempSync(join(tmpdir(), 'pict-peer-server-')) : undefined;
try {
  const sites = [PROJECT];
  if (values.peer && peerConfig)
    sites.push(starlight(values.peer, writePeerServerConfig(peerConfig)));
  const measured = new Map<string, Map<Lang, [Measured, Measured]>>();
  for (const site of sites) measured.set(site.name, await measureSite(browser, site));
  console.log(
    'Search as served by nginx (gzip and Brotli copies as deployed): bytes transferred (bodies as sent plus headers), requests, time to first results.',
  );
  for (const lang of LANGS) {
    const queries = values[lang].split(',');
    for (const [index, label] of ['first search', 'follow-up'].entries()) {
      const row = sites.map((site) => measured.get(site.name)?.get(lang)?.[index]);
      const [own, peer] = row;
      const ratio = own && peer ? `  ratio ${(own.bytes / peer.bytes).toFixed(2)}` : '';
      console.log(
        `${lang} ${label.padEnd(12)} ${`"${queries[index]}"`.padEnd(12)} ${row
          .map((m, at) => (m ? `${sites[at]?.name}: ${figure(m)}` : ''))
          .join('   ')}${ratio}`,
      );
    }
  }
  if (values.files) {
    for (const site of sites) {
      for (const [lang, searches] of measured.get(site.name) ?? []) {
        for (const [index, m] of searches.entries()) {
          console.log(`\n${site.name} ${lang} ${index === 0 ? 'first search' : 'follow-up'}:`);
          for (const file of m.files)
            console.log(
              `  ${kb(file.bytes).padStart(9)}  ${(file.encoding || '-').padEnd(5)} ${file.type.padEnd(32)} ${file.url}`,
            );
        }
      }
    }
  }
} finally {
  await browser.close();
  if (peerConfig) rmSync(peerConfig, { recursive: true, force: true });
}
