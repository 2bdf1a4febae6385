import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import type { Note } from '../../src/schemas/note.ts';
import { useServedSite } from '../support/browser.ts';
import { firstReleaseWithNotes, readProject } from '../support/dist.ts';
import { KUBERNETES } from '../support/sites.ts';

const project = readProject(KUBERNETES);
const { release, notes: releaseNotes } = firstReleaseWithNotes(project);
const idsWhere = (test: (note: Note) => boolean) =>
  releaseNotes
    .filter(test)
    .map((note) => note.id)
    .sort();
const allIds = idsWhere(() => true);
const attentionIds = idsWhere((note) => note.impact === 'attention');

/** A team that narrows the attention notes to some, not all, and is not the same as the team alone. */
const team = project.teams.find((candidate) => {
  const both = idsWhere((note) => note.impact === 'attention' && note.teams.includes(candidate.id));
  const teamOnly = idsWhere((note) => note.teams.includes(candidate.id));
  return both.length > 0 && both.length < attentionIds.length && teamOnly.length > both.length;
});

const site = useServedSite('kubernetes');

/** Opens the Chinese release page (with a query) once its filter script has shown the filters. */
async function openRelease(query = '', options: { javaScript?: boolean } = {}): Promise<Page> {
  const page = await site.open(`zh/releases/${release?.id}/${query}`, {
    javaScriptEnabled: options.javaScript ?? true,
  });
  if (options.javaScript !== false) {
    await page.locator('.filters').waitFor({ state: 'visible' });
  }
  return page;
}

/** Ids of the release page items a reader can see, sorted. */
async function visibleItems(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-filterable] .item:visible')
    .evaluateAll((items) => items.map((item) => item.id));
  return ids.sort();
}

async function checkedBoxes(page: Page): Promise<string[]> {
  return page
    .locator('.filters input:checked')
    .evaluateAll((inputs) =>
      inputs.map((input) => `${input.getAttribute('name')}=${input.getAttribute('value')}`),
    );
}

const queryOf = (page: Page) => [...new URL(page.url()).searchParams].map(([k, v]) => `${k}=${v}`);

describe('release page filters', () => {
  test('the release has attention notes, and a team that narrows them', () => {
    expect(attentionIds.length).toBeGreaterThan(0);
    expect(attentionIds.length).toBeLessThan(allIds.length);
    expect(team).toBeDefined();
  });

  test('show exactly the attention notes when impact attention is checked, and say so in the URL', async () => {
    const page = await openRelease();
    expect(await visibleItems(page)).toEqual(allIds);
    await page.check('input[name=impact][value=attention]');
    expect(await visibleItems(page)).toEqual(attentionIds);
    expect(queryOf(page)).toEqual(['impact=attention']);
  });

  test('AND a team filter with the impact, show a chip for each, and clear all back to every item', async () => {
    const page = await openRelease();
    const teamId = team?.id ?? '';
    await page.check('input[name=impact][value=attention]');
    await page.check(`input[name=team][value="${teamId}"]`);
    expect(await visibleItems(page)).toEqual(
      idsWhere((note) => note.impact === 'attention' && note.teams.includes(teamId)),
    );
    expect(queryOf(page)).toEqual(['impact=attention', `team=${teamId}`]);
    const chips = page.locator('#active-filters li button');
    await expect.poll(() => page.locator('#active-filters').isVisible()).toBe(true);
    expect(await chips.allTextContents()).toEqual([
      `${t('zh', 'impact.attention')} ×`,
      `${team?.name.zh} ×`,
    ]);

    await page.click('#filter-clear');
    expect(await visibleItems(page)).toEqual(allIds);
    expect(queryOf(page)).toEqual([]);
    expect(await checkedBoxes(page)).toEqual([]);
    expect(await page.locator('#active-filters').isVisible()).toBe(false);
  });

  test('removing a chip unchecks its box and widens the view again', async () => {
    const page = await openRelease('?impact=attention');
    await page.locator('#active-filters li button').click();
    expect(await checkedBoxes(page)).toEqual([]);
    expect(await visibleItems(page)).toEqual(allIds);
  });

  test('restore the boxes and the view from a pasted URL', async () => {
    const page = await openRelease('?impact=none&team=network-plugin');
    const expected = idsWhere(
      (note) => note.impact === 'none' && note.teams.includes('network-plugin'),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await checkedBoxes(page)).toEqual(['impact=none', 'team=network-plugin']);
    expect(await visibleItems(page)).toEqual(expected);
    expect(await page.locator('#active-filters li').count()).toBe(2);
  });

  test('leave every item visible without JavaScript, even for a filtered URL', async () => {
    const page = await openRelease('?impact=attention', { javaScript: false });
    expect(await visibleItems(page)).toEqual(allIds);
    // The filters do nothing without JavaScript, so they are not offered.
    expect(await page.locator('.filters').isVisible()).toBe(false);
  });
});

describe('upgrade path filters', () => {
  const path = 'en/upgrade/kubernetes-1.7/kubernetes-1.9/';
  const shown = (page: Page, selector: string) =>
    page.locator(`${selector}:visible`).evaluateAll((found) => found.map((el) => el.id));

  test('one team’s path hides the action groups without its items and keeps every release crossed, its blocking items and its counts', async () => {
    const all = await site.open(path);
    await all.locator('.filters').waitFor({ state: 'visible' });
    expect(await shown(all, 'h2[id^="to-"]')).toEqual(['to-kubernetes-1.8', 'to-kubernetes-1.9']);
    expect(await shown(all, '[data-filter-group] h3')).toEqual([
      'when-kubernetes-1.9-before-upgrade',
    ]);

    // The fixture's only listed item on this path is the platform team's; ops has none.
    const ops = await site.open(`${path}?team=ops`);
    await ops.locator('.filters').waitFor({ state: 'visible' });
    expect(await shown(ops, '[data-filterable] .item')).toEqual([]);
    expect(await shown(ops, '[data-filter-group] h3')).toEqual([]);
    expect(await shown(ops, 'h2[id^="to-"]')).toEqual(['to-kubernetes-1.8', 'to-kubernetes-1.9']);
    expect(await ops.locator('.blocking-items li:visible').count()).toBe(1);
    expect(await ops.locator('p.counted:visible').count()).toBe(2);
  });
});
