import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { LANGS } from '../../src/schemas/fields.ts';
import { ROOT } from '../support/build-site.ts';
import { pagesBelow, readPages, readProject, refreshTargetOf, tagWhere } from '../support/dist.ts';
import { builtSite, KUBERNETES } from '../support/sites.ts';

// The fixture site renamed k8s-1.7-portworx-off-master: its old id is retired in notes/ids.json with
// a redirect to the new one, as `npm run ids` records a rename; two older ids were retired before.
const site = {
  oldId: 'k8s-1.7-portworx-off-master',
  newId: 'k8s-1.7-portworx-volumes-off-master',
};
const project = readProject(KUBERNETES);
const redirectsBefore = Object.fromEntries(
  Object.entries(project.ledger.redirects).filter(([from]) => from !== site.oldId),
);
let dist = '';
let pages = new Map<string, string>();

beforeAll(() => {
  dist = builtSite('kubernetes');
  pages = readPages(dist);
});

function page(path: string): string {
  const html = pages.get(`${path}index.html`);
  if (html === undefined) throw new Error(`no page ${path}`);
  return html;
}

describe('a site with a retired id', () => {
  test('is a valid project with the redirect recorded, and older ones', () => {
    expect(project.ledger.redirects[site.oldId]).toBe(site.newId);
    expect(Object.keys(redirectsBefore).length).toBeGreaterThan(0);
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
      [
        ...ids,
        site.oldId,
        ...Object.keys(redirectsBefore),
        ...Object.keys(project.ledger.releaseRedirects),
      ].sort(),
    );
    expect(refreshTargetOf(page(`${lang}/items/${site.newId}/`))).toBeUndefined();
    for (const [from, to] of Object.entries(redirectsBefore)) {
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

// The fixture's 1.7 "Major Themes" item became the release's themes: its id leads to the release page.
describe('a site with an id retired into its release page', () => {
  const themes = {
    id: 'k8s-1.7-major-themes-kubernetes-1-7-is-a-4e1131',
    release: 'kubernetes-1.7',
  };

  test('is recorded in releaseRedirects, and no note has the id', () => {
    expect(project.ledger.releaseRedirects).toEqual({ [themes.id]: themes.release });
    expect(project.notes.map((note) => note.data.id)).not.toContain(themes.id);
  });

  test.each(LANGS)('sends /%s/items/<id>/ to the release page in that language', (lang) => {
    const html = page(`${lang}/items/${themes.id}/`);
    expect(refreshTargetOf(html)).toBe(`/${lang}/releases/${themes.release}/`);
    expect(html).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`);
  });

  test('sends /i/<id>/ to the release page in the reader’s language', () => {
    const html = page(`i/${themes.id}/`);
    expect(refreshTargetOf(html)).toBe(`/zh/releases/${themes.release}/`);
    expect(tagWhere(html, (tag) => tag.name === 'script')?.attributes['data-en']).toBe(
      `/en/releases/${themes.release}/`,
    );
  });

  test('leads to a release page that shows the release themes where search indexes them', () => {
    const html = page(`en/releases/${themes.release}/`);
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    const [first] = project.releases.find((release) => release.id === themes.release)?.themes ?? [];
    expect(main).toMatch(/^<main[^>]*data-pagefind-body/);
    expect(main).toContain('<h2 id="themes">');
    expect(first?.en?.length).toBeGreaterThan(40);
    expect(main).toContain(first?.en?.slice(0, 40));
  });

  test('writes the same redirects for static hosts', () => {
    const redirects = readFileSync(join(dist, '_redirects'), 'utf8');
    for (const lang of LANGS) {
      expect(redirects).toContain(
        `/${lang}/items/${themes.id}/ /${lang}/releases/${themes.release}/ 301\n`,
      );
    }
    expect(redirects).toContain(`/i/${themes.id}/ /zh/releases/${themes.release}/ 301\n`);
  });
});
