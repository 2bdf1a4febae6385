import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startNginx, type RunningNginx } from '../../scripts/serve.ts';
import { builtSite } from '../support/sites.ts';
import { closeSession, launchBrowser, openSession, type Session } from '../support/browser.ts';
import { freePort } from '../support/http.ts';
import { LIVE } from '../support/nginx-site.ts';
import type { Browser } from 'playwright-core';

const BASE = '/pict-notes/';
let browser: Browser;
let nginx: RunningNginx;
let session: Session | undefined;

beforeAll(async () => {
  const dist = builtSite('nginx-base-path');
  [browser, nginx] = await Promise.all([
    launchBrowser(),
    freePort().then((port) => startNginx({ dist, port, host: '127.0.0.1' })),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

/**
 * Opens a path under the base in a fresh context, recording every Content-Security-Policy violation
 * the page reports (the header's policy and the meta policy both apply).
 */
async function open(path: string, options: Parameters<typeof openSession>[1] = {}): Promise<Page> {
  session = await openSession(browser, options);
  await session.context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) =>
      violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await session.page.goto(`${nginx.origin}${BASE}${path}`);
  return session.page;
}

async function close(): Promise<{ offHost: string[]; failures: string[]; csp: string[] }> {
  if (!session) throw new Error('no session');
  const csp = await session.page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  const leftovers = await closeSession(session);
  session = undefined;
  return { ...leftovers, csp };
}

/** axe-core's WCAG 2.0–2.2 A/AA rules on the page; one line per violation and node. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'],
      },
    }),
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  );
}

describe('the site behind nginx, in Chromium', () => {
  test.each([
    ['en-US', 'en'],
    ['zh-CN', 'zh'],
  ])('a short link opened with locale %s lands on the item page in %s', async (locale, lang) => {
    const page = await open(`i/${LIVE}/`, { locale, javaScriptEnabled: false });
    expect(new URL(page.url()).pathname).toBe(`${BASE}${lang}/items/${LIVE}/`);
    expect(await page.locator('code.item-id').first().textContent()).toBe(LIVE);
    const { csp, offHost } = await close();
    expect({ csp, offHost }).toEqual({ csp: [], offHost: [] });
  });

  test.each([
    ['zh', 'light'],
    ['en', 'light'],
    ['zh', 'dark'],
    ['en', 'dark'],
  ] as const)(
    'the %s 404 page (%s) passes axe, with search working under the header policy',
    async (lang, colorScheme) => {
      const page = await open(`${lang}/items/no-such-item/`, { colorScheme });
      expect(await axeViolations(page)).toEqual([]);
      await page.locator('#search-open').click();
      await page.fill('#search-input', 'kubelet');
      await page.locator('#search-results li').first().waitFor();
      const result = await close();
      // The 404 answer itself is the only failed request.
      expect(result).toEqual({
        offHost: [],
        failures: [`404 ${nginx.origin}${BASE}${lang}/items/no-such-item/`],
        csp: [],
      });
    },
  );

  test.each(['zh', 'en'])(
    'the %s index of upgrade paths from a release passes axe',
    async (lang) => {
      const page = await open(`${lang}/upgrade/kubernetes-1.7/`);
      expect(await axeViolations(page)).toEqual([]);
      await page.locator(`a[href="${BASE}${lang}/upgrade/kubernetes-1.7/kubernetes-1.8/"]`).click();
      await page.waitForURL(`**${BASE}${lang}/upgrade/kubernetes-1.7/kubernetes-1.8/`);
      expect(await close()).toEqual({ offHost: [], failures: [], csp: [] });
    },
  );

  test('blocks and reports an inline script injected into a page (the policy is enforced and watched)', async () => {
    const page = await open('en/');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.body.append(script);
      await new Promise((done) => setTimeout(done, 100));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    const { csp } = await close();
    expect([ran, csp.some((line) => line.startsWith('script-src'))]).toEqual([false, true]);
  });
});
