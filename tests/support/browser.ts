import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { builtSite, type SharedBuild } from './sites.ts';
import { serveStatic, type StaticServer } from './static-server.ts';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** `CHROMIUM_PATH`, else the system Chromium, else the one `@sparticuz/chromium` ships. */
async function chromiumPath(): Promise<string> {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return (await import('@sparticuz/chromium')).default.executablePath();
}

/** Starts a headless Chromium (one per test file; close it in `afterAll`). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: ARGS });
}

/** What the pages of a context asked for: every URL, and every request that failed or got an error status. */
export interface Traffic {
  urls: string[];
  failures: string[];
}

/** Records every request of a context's pages, to check later that none left the machine and none failed. */
export function recordTraffic(context: BrowserContext): Traffic {
  const traffic: Traffic = { urls: [], failures: [] };
  context.on('request', (request) => traffic.urls.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 400) traffic.failures.push(`${response.status()} ${response.url()}`);
  });
  context.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // A page that redirects itself (location.replace) aborts its own pending requests.
    if (!error.includes('ERR_ABORTED')) traffic.failures.push(`${error} ${request.url()}`);
  });
  return traffic;
}

/** The requests that went to a host other than 127.0.0.1 (data: and blob: URLs stay in the page). */
export function offHostRequests(traffic: Traffic): string[] {
  return traffic.urls.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return protocol !== 'data:' && protocol !== 'blob:' && hostname !== '127.0.0.1';
  });
}

/** A browser context with one page, and the traffic of its pages. */
export interface Session {
  context: BrowserContext;
  page: Page;
  traffic: Traffic;
}

/** Opens a context (locale zh-CN unless told otherwise) and a page, recording their traffic. */
export async function openSession(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<Session> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  const traffic = recordTraffic(context);
  const page = await context.newPage();
  return { context, page, traffic };
}

/** Closes a session; returns the requests that left 127.0.0.1 and those that failed, both expected to be none. */
export async function closeSession(
  session: Session,
): Promise<{ offHost: string[]; failures: string[] }> {
  await session.context.close();
  return { offHost: offHostRequests(session.traffic), failures: session.traffic.failures };
}

/** A built site served on 127.0.0.1, and a Chromium to visit it: what a browser test file works with. */
export interface ServedSite {
  browser: Browser;
  server: StaticServer;
  /**
   * Opens a path of the site in a fresh context (locale zh-CN unless told otherwise). After the test,
   * the context is closed and the test fails if any of its requests left 127.0.0.1 or failed.
   */
  open(path: string, options?: BrowserContextOptions): Promise<Page>;
}

/** Before a file's tests, serves a shared build under `prefix` and starts Chromium; closes both after. */
export function useServedSite(build: SharedBuild, prefix = '/'): ServedSite {
  let session: Session | undefined;
  const site = {
    async open(path: string, options: BrowserContextOptions = {}) {
      session = await openSession(site.browser, options);
      await session.page.goto(site.server.url(path));
      return session.page;
    },
  } as ServedSite;
  afterEach(async () => {
    if (!session) return;
    const leftovers = await closeSession(session);
    session = undefined;
    expect(leftovers).toEqual({ offHost: [], failures: [] });
  });
  beforeAll(async () => {
    const dist = builtSite(build);
    [site.browser, site.server] = await Promise.all([launchBrowser(), serveStatic(dist, prefix)]);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
