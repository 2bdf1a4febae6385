// Imported upstream items are findable in both languages (tests/fixtures/sites/translated: copies of
// imported 1.7 items with their Chinese translation, and items that share some of the words).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { Lang } from '../../src/schemas/fields.ts';
import { useServedSite } from '../support/browser.ts';

const site = useServedSite('translated');

const ENCRYPT = 'k8s-1.7-notable-features-alpha-encrypt-secrets-stored-in-dc4f89';
const NODE_AUTHORIZER = 'k8s-1.7-notable-features-beta-a-new-node-authorization-06e3dd';
const CERT_ROTATION = 'k8s-1.7-notable-features-alpha-rotation-of-the-client-15dfbc';
const STATEFULSET = 'k8s-1.7-notable-features-beta-statefulset-supports-rollingupdate-and-bb33dd';

/** The ids of the results the site's own search dialog shows for `query`, in order. */
async function resultIds(lang: Lang, query: string): Promise<string[]> {
  const page: Page = await site.open(`${lang}/`);
  await page.locator('#search-open').waitFor({ state: 'visible' });
  await page.keyboard.press('/');
  await page.locator('#search-input').waitFor({ state: 'visible' });
  await page.fill('#search-input', query);
  await page.waitForFunction(() => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return status.length > 0 && !status.includes('…');
  });
  return page.$$eval('#search-results li', (items) =>
    items.map((item) => item.querySelector('.item-meta code')?.textContent ?? ''),
  );
}

describe('search finds imported items by their translated texts and concise titles', () => {
  test.each<[Lang, string, string]>([
    ['zh', '加密', ENCRYPT],
    ['zh', '节点授权', NODE_AUTHORIZER],
    ['zh', '证书轮换', CERT_ROTATION],
    ['zh', 'StatefulSet 滚动更新', STATEFULSET],
    ['en', 'Encryption at rest for Secrets', ENCRYPT],
    ['en', 'Node authorizer NodeRestriction', NODE_AUTHORIZER],
    ['en', 'kubelet client certificate rotation', CERT_ROTATION],
    ['en', 'StatefulSet RollingUpdate OnDelete', STATEFULSET],
  ])('%s "%s" has %s among the first three results', async (lang, query, id) => {
    const ids = await resultIds(lang, query);
    expect(ids.slice(0, 3)).toContain(id);
  });
});
