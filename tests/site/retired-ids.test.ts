import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { LANGS } from '../../src/schemas/fields.ts';
import { buildSite, ROOT } from '../support/build-site.ts';
import {
  copyContent,
  pagesBelow,
  readPages,
  readProject,
  refreshTargetOf,
  tagWhere,
} from '../support/dist.ts';

/**
 * A copy of the repository's content where the first note has been renamed: its old id is retired in
 * notes/ids.json with a redirect to the new one, as `npm run ids` records a rename.
 */
function renamedSite(): {
  root: string;
  oldId: string;
  newId: string;
  redirectsBefore: Record<string, string>;
} {
  const root = copyContent('retired-ids');
  const note = readProject(root).notes[0];
  if (!note) throw new Error('the repository has no notes');
  const oldId = note.data.id;
  const newId = `${oldId}-renamed`;
  const path = join(root, note.file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(`id: ${oldId}\n`, `id: ${newId}\n`));
  const ledgerPath = join(root, 'notes/ids.json');
  const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8')) as {
    ids: string[];
    redirects: Record<string, string>;
  };
  const redirectsBefore = { ...ledger.redirects };
  ledger.ids.push(newId);
  ledger.redirects[oldId] = newId;
  writeFileSync(ledgerPath, `${JSON.stringify(ledger, null, 2)}\n`);
  return { root, oldId, newId, redirectsBefore };
}

const site = renamedSite();
const project = readProject(site.root);
let dist = '';
let pages = new Map<string, string>();

beforeAll(async () => {
  dist = await buildSite({ name: 'retired-ids', contentRoot: site.root });
  pages = readPages(dist);
});

function page(path: string): string {
  const html = pages.get(`${path}index.html`);
  if (html === undefined) throw new Error(`no page ${path}`);
  return html;
}

describe('a site with a retired id', () => {
  test('is a valid project with the redirect recorded', () => {
    expect(project.ledger.redirects).toEqual({ ...site.redirectsBefore, [site.oldId]: site.newId });
  });

  test('keeps /i/<old id>/, sending Chinese and English readers to the new item', () => {
    const html = page(`i/${site.oldId}/`);
    expect(refreshTargetOf(html)).toBe(`/zh/items/${site.newId}/`);
    expect(tagWhere(html, (tag) => tag.name === 'script')?.attributes['data-en']).toBe(
      `/en/items/${site.newId}/`,
    );
  });

  test.each(LANGS)('keeps /%s/items/<old id>/ as a redirect to the new item', (lang) => {
    expect(refreshTargetOf(page(`${lang}/items/${site.oldId}/`))).toBe(
      `/${lang}/items/${site.newId}/`,
    );
  });

  test.each(LANGS)('has a full item page in %s for the new id, and for no other id', (lang) => {
    const ids = project.notes.map((note) => note.data.id);
    // Besides the notes' pages, a redirect page for every retired id: the renamed one and those the
    // repository had already retired.
    expect(pagesBelow(pages, `${lang}/items`)).toEqual(
      [...ids, site.oldId, ...Object.keys(site.redirectsBefore)].sort(),
    );
    expect(refreshTargetOf(page(`${lang}/items/${site.newId}/`))).toBeUndefined();
    for (const [from, to] of Object.entries(site.redirectsBefore)) {
      expect(refreshTargetOf(page(`${lang}/items/${from}/`))).toBe(`/${lang}/items/${to}/`);
    }
  });

  test('exports the new id, not the old one', () => {
    const { notes } = JSON.parse(readFileSync(join(dist, 'notes.json'), 'utf8')) as {
      notes: { id: string }[];
    };
    const ids = notes.map((note) => note.id);
    expect([ids.includes(site.newId), ids.includes(site.oldId)]).toEqual([true, false]);
  });

  test('passes the link checker, redirects included', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['scripts/check-links.ts', dist, '--base', '/'],
      { cwd: ROOT },
    );
    expect(stdout).toMatch(/^All \d+ internal links/);
  });
});
