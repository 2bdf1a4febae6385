import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { htmlLang } from '../../src/i18n/index.ts';
import { IMPACTS } from '../../src/lib/impact.ts';
import { verdictOf } from '../../src/lib/triage.ts';
import { fileForPath, scanTags } from '../../src/lib/links.ts';
import { LANGS, type Lang } from '../../src/schemas/fields.ts';
import { parseCsv } from '../support/csv.ts';
import {
  hasClass,
  hasFile,
  listFiles,
  pagesBelow,
  readPages,
  readProject,
  refreshTargetOf,
  retiredIds,
  retiredToRelease,
  tagWhere,
} from '../support/dist.ts';
import { builtSite, KUBERNETES } from '../support/sites.ts';

const project = readProject(KUBERNETES);
// Notes with their effective verdict: an untriaged note under an area verdict shows that verdict.
const notes = project.notes.map((note) => ({
  ...note.data,
  impact: verdictOf(
    note.data,
    project.releases.find((release) => release.id === note.data.release)?.remarks ?? [],
  ).impact,
}));
const noteIds = notes.map((note) => note.id).sort();
const retired = retiredIds(project);
const toRelease = retiredToRelease(project);
const other = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

let dist = '';
let pages = new Map<string, string>();
let files = new Set<string>();

beforeAll(() => {
  dist = builtSite('kubernetes');
  pages = readPages(dist);
  files = new Set(listFiles(dist));
});

/** The page at a site path (`zh/items/x/`); fails the test when there is none. */
function page(path: string): string {
  const html = pages.get(`${path}index.html`);
  if (html === undefined) throw new Error(`no page ${path}`);
  return html;
}

/** The pages of one language (under `zh/` or `en/`) that are not redirects. */
function contentPages(lang: Lang): [string, string][] {
  return [...pages].filter(
    ([file, html]) => file.startsWith(`${lang}/`) && refreshTargetOf(html) === undefined,
  );
}

/** What a file says, from the start of a tag to the start of the next `until` tag. */
function between(html: string, from: string, until: string): string {
  const start = html.indexOf(from);
  const end = html.indexOf(until, start);
  return start < 0 ? '' : html.slice(start, end < 0 ? undefined : end);
}

describe('item pages', () => {
  test.each(LANGS)('exist in %s for exactly the notes in notes/ and the retired ids', (lang) => {
    expect(noteIds.length).toBeGreaterThan(0);
    expect(pagesBelow(pages, `${lang}/items`)).toEqual(
      [...noteIds, ...retired.keys(), ...toRelease.keys()].sort(),
    );
  });

  test.each(LANGS)('in %s show the note, not a redirect', (lang) => {
    const redirecting = noteIds.filter(
      (id) => refreshTargetOf(page(`${lang}/items/${id}/`)) !== undefined,
    );
    const untitled = noteIds.filter((id) => !page(`${lang}/items/${id}/`).includes('<h1'));
    expect({ redirecting, untitled }).toEqual({ redirecting: [], untitled: [] });
  });

  test.each(LANGS)('in %s redirect each retired id to its successor', (lang) => {
    for (const [id, target] of retired) {
      expect(refreshTargetOf(page(`${lang}/items/${id}/`))).toBe(`/${lang}/items/${target}/`);
    }
  });
});

describe('short links /i/<id>/', () => {
  test('exist for exactly the notes and the retired ids', () => {
    expect(pagesBelow(pages, 'i')).toEqual(
      [...noteIds, ...retired.keys(), ...toRelease.keys()].sort(),
    );
  });

  test('send each note id to its Chinese page, and English readers to the English one', () => {
    const targets = new Map([...noteIds.map((id) => [id, id] as const), ...retired]);
    for (const [id, target] of targets) {
      const html = page(`i/${id}/`);
      const script = tagWhere(html, (tag) => tag.name === 'script');
      expect([refreshTargetOf(html), script?.attributes['data-en']]).toEqual([
        `/zh/items/${target}/`,
        `/en/items/${target}/`,
      ]);
    }
  });
});

describe('/notes.json', () => {
  interface Exported {
    id: string;
    release: string;
    impact: string;
    urls: { zh: string; en: string };
  }
  const read = () =>
    (JSON.parse(readFileSync(join(dist, 'notes.json'), 'utf8')) as { notes: Exported[] }).notes;

  test('lists exactly the notes in notes/', () => {
    expect(read().map((record) => record.id)).toEqual(noteIds);
  });

  test('gives each note its release and effective impact', () => {
    const exported = read().map(({ id, release, impact }) => ({ id, release, impact }));
    const expected = notes
      .map(({ id, release, impact }) => ({ id, release, impact }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(exported).toEqual(expected);
  });

  test('links each note to its existing pages in both languages', () => {
    for (const record of read()) {
      for (const lang of LANGS) {
        expect(record.urls[lang]).toBe(`/${lang}/items/${record.id}/`);
        expect(fileForPath(record.urls[lang].slice(1), files)).toBeDefined();
      }
    }
  });
});

describe('/notes.csv', () => {
  const read = () => readFileSync(join(dist, 'notes.csv'), 'utf8');

  test('starts with a byte order mark and ends its rows with CRLF', () => {
    const text = read();
    expect(text.startsWith('\uFEFFid,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\n')[0]?.endsWith('\r')).toBe(true);
  });

  test('has one row per note, each as wide as the header, with the ids of notes/', () => {
    const [header, ...rows] = parseCsv(read().slice(1));
    expect(header?.[0]).toBe('id');
    expect(rows.filter((row) => row.length !== header?.length)).toEqual([]);
    expect(rows.map((row) => row[0]).sort()).toEqual(noteIds);
  });
});

describe('impact badges', () => {
  test('carry a valid data-impact wherever it appears', () => {
    const invalid = [...pages].flatMap(([file, html]) =>
      scanTags(html)
        .filter((tag) => 'data-impact' in tag.attributes)
        .filter(
          (tag) => !(IMPACTS as readonly string[]).includes(tag.attributes['data-impact'] ?? ''),
        )
        .map((tag) => `${file}: ${tag.name} data-impact="${tag.attributes['data-impact']}"`),
    );
    expect(invalid).toEqual([]);
  });

  test('are all marked with data-impact (other badges say maturity or status)', () => {
    const unmarked = [...pages].flatMap(([file, html]) =>
      scanTags(html)
        .filter(
          (tag) => hasClass(tag, 'badge') && !hasClass(tag, 'maturity') && !hasClass(tag, 'status'),
        )
        .filter((tag) => !('data-impact' in tag.attributes))
        .map((tag) => `${file}: <${tag.name} class="${tag.attributes['class']}">`),
    );
    expect(unmarked).toEqual([]);
  });

  test.each(LANGS)('on each item page in %s show the note impact, and only it', (lang) => {
    const wrong = notes.flatMap((note) => {
      const article = between(page(`${lang}/items/${note.id}/`), '<article', '</article>');
      const impacts = scanTags(article)
        .filter((tag) => hasClass(tag, 'badge') && 'data-impact' in tag.attributes)
        .map((tag) => tag.attributes['data-impact']);
      return impacts.length > 0 && impacts.every((impact) => impact === note.impact)
        ? []
        : [`${note.id} (${note.impact}): ${impacts.join(', ') || 'no badge'}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe.each(LANGS)('listing pages in %s', (lang) => {
  const expectPages = (paths: string[]) =>
    expect(paths.filter((path) => !hasFile(dist, `${path}index.html`))).toEqual([]);

  test('exist for the home page and each team, component and impact level, with their indexes', () => {
    expectPages([
      `${lang}/`,
      `${lang}/teams/`,
      `${lang}/components/`,
      `${lang}/impact/`,
      ...project.teams.map((team) => `${lang}/teams/${team.id}/`),
      ...project.components.map((component) => `${lang}/components/${component.id}/`),
      ...IMPACTS.map((impact) => `${lang}/impact/${impact}/`),
    ]);
  });

  test('exist for each release, its checklist and untriaged queue, and for nothing else under releases/', () => {
    const releases = project.releases.map((release) => release.id).sort();
    expect(pagesBelow(pages, `${lang}/releases`)).toEqual(releases);
    for (const release of releases) {
      expect(pagesBelow(pages, `${lang}/releases/${release}`)).toEqual(['checklist', 'untriaged']);
    }
  });

  test('exist for every upgrade between two releases of a product, its index and the index of the paths from each release', () => {
    expect([...pages.keys()].filter((file) => file.startsWith(`${lang}/upgrade/`)).sort()).toEqual([
      `${lang}/upgrade/index.html`,
      `${lang}/upgrade/kubernetes-1.7/index.html`,
      `${lang}/upgrade/kubernetes-1.7/kubernetes-1.8/index.html`,
      `${lang}/upgrade/kubernetes-1.7/kubernetes-1.9/index.html`,
      `${lang}/upgrade/kubernetes-1.8/index.html`,
      `${lang}/upgrade/kubernetes-1.8/kubernetes-1.9/index.html`,
    ]);
  });

  // The data files' order is editorial (the platform team first, components by layer).
  test.each([
    ['teams', project.teams.map((team) => team.id)],
    ['components', project.components.map((component) => component.id)],
  ])('index %s in the order of their data file', (kind, ids) => {
    const html = pages.get(`${lang}/${kind}/index.html`) ?? '';
    const linked = scanTags(html)
      .map(
        (tag) => new RegExp(`^/${lang}/${kind}/([^/]+)/$`).exec(tag.attributes['href'] ?? '')?.[1],
      )
      .filter((id): id is string => id !== undefined);
    expect([...new Set(linked)]).toEqual(ids);
  });

  test('list only the teams, components and impact levels of the data', () => {
    expect([
      pagesBelow(pages, `${lang}/teams`),
      pagesBelow(pages, `${lang}/components`),
      pagesBelow(pages, `${lang}/impact`),
    ]).toEqual([
      project.teams.map((team) => team.id).sort(),
      project.components.map((component) => component.id).sort(),
      [...IMPACTS].sort(),
    ]);
  });
});

describe.each(LANGS)('pages under /%s/', (lang) => {
  test(`declare <html lang="${htmlLang(lang)}">`, () => {
    const wrong = [...pages]
      .filter(([file]) => file.startsWith(`${lang}/`))
      .map(([file, html]) => [
        file,
        tagWhere(html, (tag) => tag.name === 'html')?.attributes['lang'],
      ])
      .filter(([, value]) => value !== htmlLang(lang));
    expect(wrong).toEqual([]);
  });

  test('switch language to the same page in the other language, which exists', () => {
    const checked = contentPages(lang);
    expect(checked.length).toBeGreaterThan(notes.length);
    const wrong = checked.flatMap(([file, html]) => {
      const switches = scanTags(html).filter(
        (tag) => tag.name === 'a' && hasClass(tag, 'lang-switch'),
      );
      const href = switches[0]?.attributes['href'] ?? '';
      const expected = `/${other(lang)}/${file.slice(lang.length + 1).replace(/index\.html$/, '')}`;
      return switches.length === 1 && href === expected && fileForPath(href.slice(1), files)
        ? []
        : [`${file}: ${switches.length} switch(es), ${href}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe('the site, air-gapped', () => {
  const REMOTE = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
  const LOADED_LINKS = ['stylesheet', 'icon', 'preload', 'modulepreload', 'prefetch', 'manifest'];

  test('loads no script, image or frame from another host', () => {
    const remote = [...pages].flatMap(([file, html]) =>
      scanTags(html)
        .filter((tag) => REMOTE.test(tag.attributes['src'] ?? ''))
        .map((tag) => `${file}: <${tag.name} src="${tag.attributes['src']}">`),
    );
    expect(remote).toEqual([]);
  });

  test('loads no stylesheet, icon or preload from another host', () => {
    const remote = [...pages].flatMap(([file, html]) =>
      scanTags(html)
        .filter((tag) => tag.name === 'link' && REMOTE.test(tag.attributes['href'] ?? ''))
        .filter((tag) =>
          (tag.attributes['rel'] ?? '').split(/\s+/).some((rel) => LOADED_LINKS.includes(rel)),
        )
        .map(
          (tag) =>
            `${file}: <link rel="${tag.attributes['rel']}" href="${tag.attributes['href']}">`,
        ),
    );
    expect(remote).toEqual([]);
  });

  test('has stylesheets that import no font or image from another host', () => {
    const stylesheets = [...files].filter((file) => file.endsWith('.css'));
    expect(stylesheets.length).toBeGreaterThan(0);
    const remote = stylesheets.filter((file) =>
      /url\(\s*["']?(?:[a-z]+:)?\/\/|@import\s+["'](?:[a-z]+:)?\/\//i.test(
        readFileSync(join(dist, file), 'utf8'),
      ),
    );
    expect(remote).toEqual([]);
  });
});
