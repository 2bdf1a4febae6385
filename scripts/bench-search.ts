/**
 * `npm run bench:search [-- <dist> --en first,followUp --zh first,followUp]`: serves a built site
 * (`dist/` by default: run `npm run build` first) and measures, in headless Chromium, the bytes
 * transferred and the time to first results of a first search and a follow-up in each language.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    en: { type: 'string', default: 'kube-proxy,storage' },
    zh: { type: 'string', default: '本地存储,网络策略' },
  },
});
const dist = positionals[0] ?? 'dist';
if (!existsSync(`${dist}/pagefind/bundles.json`)) {
  console.error(`No search index in ${dist}/: run npm run build first.`);
  process.exit(1);
}

const server = await serveStatic(dist);
const browser = await launchBrowser();
const page = await browser.newPage();
let bytes = 0;
let requests = 0;
page.on('requestfinished', (request) => {
  requests += 1;
  void request
    .sizes()
    .then((sizes) => (bytes += sizes.responseBodySize + sizes.responseHeadersSize));
});

/** Types a query into the open dialog; counts bytes since `since` (the first search includes loading Pagefind). */
async function measure(
  query: string,
  started: number,
): Promise<{ ms: number; kb: number; requests: number; results: number }> {
  await page.fill('#search-input', query);
  await page.waitForFunction(
    () => (document.querySelector('#search-results')?.childElementCount ?? 0) > 0,
  );
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const results = await page.locator('#search-results li').count();
  return { ms, kb: bytes / 1024, requests, results };
}

async function clear(): Promise<void> {
  await page.fill('#search-input', '');
  await page.waitForFunction(
    () => document.querySelector('#search-results')?.childElementCount === 0,
  );
  await page.waitForTimeout(300);
  bytes = 0;
  requests = 0;
}

async function openOn(target: Page, lang: string): Promise<number> {
  await target.goto(server.url(`${lang}/`));
  await target.waitForLoadState('networkidle');
  bytes = 0;
  requests = 0;
  const started = Date.now();
  await target.locator('#search-open').click();
  return started;
}

for (const lang of ['en', 'zh'] as const) {
  const [first = '', followUp = ''] = values[lang].split(',');
  const a = await measure(first, await openOn(page, lang));
  await clear();
  const b = await measure(followUp, Date.now());
  console.log(
    `${lang} first search   "${first}": ${a.ms} ms to first results, ${a.kb.toFixed(1)} KB in ${a.requests} requests (${a.results} results shown)`,
  );
  console.log(
    `${lang} follow-up      "${followUp}": ${b.ms} ms to first results, ${b.kb.toFixed(1)} KB in ${b.requests} requests (${b.results} results shown)`,
  );
}
await browser.close();
await server.close();
