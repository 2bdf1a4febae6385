import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { htmlLang } from '../../src/i18n/index.ts';
import { IMPACTS } from '../../src/lib/impact.ts';
import { scanTags } from '../../src/lib/links.ts';
import type { Project } from '../../src/checker/index.ts';
import { LANGS, type Lang } from '../../src/schemas/fields.ts';
import { axeViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { ROOT } from './build-site.ts';
import { parseCsv } from './csv.ts';
import {
  hasClass,
  pagesBelow,
  readPages,
  readProject,
  readSearchUrls,
  refreshTargetOf,
  retiredIds,
  retiredToRelease,
  tagWhere,
} from './dist.ts';
import { serveStatic } from './static-server.ts';

/** A built site and the content it was built from: what an invariant looks at. */
export interface BuiltContent {
  dist: string;
  project: Project;
  /** HTML pages by path relative to `dist` (`zh/items/x/index.html`). */
  pages: Map<string, string>;
  /** The id of every note. */
  noteIds: string[];
  /** Retired id → the id of the note it leads to. */
  retired: Map<string, string>;
  /** Retired id → the id of the release whose page it leads to. */
  retiredToRelease: Map<string, string>;
}

/** A property every build of valid content has; returns one line per place it does not hold. */
type Invariant = (site: BuiltContent) => string[] | Promise<string[]>;

const other = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');

/** Paths (`zh/items/x/`) of the pages that are missing from a site. */
function missing(site: BuiltContent, paths: string[]): string[] {
  return paths
    .filter((path) => !site.pages.has(`${path}index.html`))
    .map((path) => `no page ${path}`);
}

/**
 * One page of each kind in one language, as site paths (`zh/releases/x/`): the first release, team and
 * component, every index, an impact level, the first note and the first upgrade path, if there is one.
 */
export function samplePages(site: BuiltContent, lang: Lang): string[] {
  const { project } = site;
  const release = project.releases.find((candidate) =>
    project.notes.some((note) => note.data.release === candidate.id),
  );
  const note = project.notes.find((candidate) => candidate.data.release === release?.id);
  const upgrade = [...site.pages.keys()].find((file) =>
    new RegExp(`^${lang}/upgrade/[^/]+/[^/]+/index\\.html$`).test(file),
  );
  return [
    `${lang}/`,
    ...(release
      ? [
          `${lang}/releases/${release.id}/`,
          `${lang}/releases/${release.id}/checklist/`,
          `${lang}/releases/${release.id}/untriaged/`,
        ]
      : []),
    ...(note ? [`${lang}/items/${note.data.id}/`] : []),
    `${lang}/teams/`,
    ...project.teams.slice(0, 1).map((team) => `${lang}/teams/${team.id}/`),
    `${lang}/components/`,
    ...project.components.slice(0, 1).map((component) => `${lang}/components/${component.id}/`),
    `${lang}/impact/`,
    `${lang}/impact/attention/`,
    `${lang}/upgrade/`,
    ...(upgrade ? [upgrade.replace(/index\.html$/, '')] : []),
  ];
}

/** Runs axe-core's WCAG 2.0–2.2 A and AA rules on each sample page, served on 127.0.0.1; one tab per language. */
async function axeOnSamplePages(site: BuiltContent): Promise<string[]> {
  const [browser, server] = await Promise.all([launchBrowser(), serveStatic(site.dist)]);
  try {
    const perLang = await Promise.all(
      LANGS.map(async (lang) => {
        const page = await browser.newPage();
        const violations: string[] = [];
        for (const path of samplePages(site, lang)) {
          await page.goto(server.url(path));
          violations.push(...(await axeViolations(page)).map((line) => `${path}: ${line}`));
        }
        return violations;
      }),
    );
    return perLang.flat();
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The invariants, by what they say; `runInvariants` runs them all, those working in other processes first. */
export const INVARIANTS: Record<string, Invariant> = {
  'a page of each kind passes axe-core (WCAG A and AA)': axeOnSamplePages,

  'every internal link resolves (scripts/check-links.ts)': async (site) => {
    try {
      await promisify(execFile)(
        process.execPath,
        ['scripts/check-links.ts', site.dist, '--base', '/'],
        {
          cwd: ROOT,
          maxBuffer: 64 * 1024 * 1024,
        },
      );
      return [];
    } catch (error) {
      return ((error as { stderr?: string }).stderr ?? String(error)).trim().split('\n');
    }
  },

  'every note has an item page in both languages, and every retired id a redirect page': (site) =>
    LANGS.flatMap((lang) => {
      const expected = [
        ...site.noteIds,
        ...site.retired.keys(),
        ...site.retiredToRelease.keys(),
      ].sort();
      const found = pagesBelow(site.pages, `${lang}/items`);
      const notShown = site.noteIds.filter((id) => {
        const html = site.pages.get(`${lang}/items/${id}/index.html`) ?? '';
        return refreshTargetOf(html) !== undefined || !html.includes('<h1');
      });
      return [
        ...expected.filter((id) => !found.includes(id)).map((id) => `no page ${lang}/items/${id}/`),
        ...found
          .filter((id) => !expected.includes(id))
          .map((id) => `stray page ${lang}/items/${id}/`),
        ...notShown.map((id) => `${lang}/items/${id}/ does not show the note`),
      ];
    }),

  'link texts show inline code as code, never as Markdown backticks': (site) =>
    [...site.pages].flatMap(([path, html]) =>
      [...html.matchAll(/<a\b[^>]*>(.*?)<\/a>/gs)]
        .map(([, inner]) =>
          (inner ?? '').replace(/<code>.*?<\/code>/gs, '').replace(/<[^>]+>/g, ''),
        )
        .filter((text) => text.includes('`'))
        .map((text) => `${path}: a link reads "${text.trim()}"`),
    ),

  'retired ids and short links lead to the note': (site) => {
    const targets = new Map([...site.noteIds.map((id) => [id, id] as const), ...site.retired]);
    return [...targets].flatMap(([id, target]) => {
      const short = site.pages.get(`i/${id}/index.html`) ?? '';
      const script = tagWhere(short, (tag) => tag.name === 'script');
      const wrong = [
        [`i/${id}/`, refreshTargetOf(short), `/zh/items/${target}/`],
        [`i/${id}/ (English)`, script?.attributes['data-en'], `/en/items/${target}/`],
        ...(site.retired.has(id)
          ? LANGS.map((lang) => [
              `${lang}/items/${id}/`,
              refreshTargetOf(site.pages.get(`${lang}/items/${id}/index.html`) ?? ''),
              `/${lang}/items/${target}/`,
            ])
          : []),
      ].filter(([, found, expected]) => found !== expected);
      return wrong.map(([page, found, expected]) => `${page} leads to ${found}, not ${expected}`);
    });
  },

  'ids retired into a release page lead to that release page': (site) =>
    [...site.retiredToRelease].flatMap(([id, release]) => {
      const short = site.pages.get(`i/${id}/index.html`) ?? '';
      const script = tagWhere(short, (tag) => tag.name === 'script');
      return [
        [`i/${id}/`, refreshTargetOf(short), `/zh/releases/${release}/`],
        [`i/${id}/ (English)`, script?.attributes['data-en'], `/en/releases/${release}/`],
        ...LANGS.map((lang) => [
          `${lang}/items/${id}/`,
          refreshTargetOf(site.pages.get(`${lang}/items/${id}/index.html`) ?? ''),
          `/${lang}/releases/${release}/`,
        ]),
      ]
        .filter(([, found, expected]) => found !== expected)
        .map(([page, found, expected]) => `${page} leads to ${found}, not ${expected}`);
    }),

  'notes.json holds every note once, linked to its pages': (site) => {
    const { notes } = JSON.parse(readFileSync(join(site.dist, 'notes.json'), 'utf8')) as {
      notes: { id: string; urls: Record<Lang, string> }[];
    };
    const ids = notes.map((note) => note.id).sort();
    return [
      ...(JSON.stringify(ids) === JSON.stringify(site.noteIds)
        ? []
        : [`ids ${ids.length}, notes ${site.noteIds.length}`]),
      ...notes.flatMap((note) =>
        LANGS.filter((lang) => note.urls[lang] !== `/${lang}/items/${note.id}/`).map(
          (lang) => `${note.id}: urls.${lang} is ${note.urls[lang]}`,
        ),
      ),
    ];
  },

  'notes.csv has one full row per note, with a byte order mark and CRLF': (site) => {
    const text = readFileSync(join(site.dist, 'notes.csv'), 'utf8');
    const [header = [], ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
    const ids = rows.map((row) => row[0] ?? '').sort();
    return [
      ...(text.startsWith('\uFEFFid,') ? [] : ['no byte order mark before the id column']),
      ...(text.split('\n')[0]?.endsWith('\r') && text.endsWith('\r\n')
        ? []
        : ['rows do not end with CRLF']),
      ...rows
        .filter((row) => row.length !== header.length)
        .map((row) => `${row[0]}: ${row.length} cells, header ${header.length}`),
      ...(JSON.stringify(ids) === JSON.stringify(site.noteIds)
        ? []
        : [`ids ${ids.length}, notes ${site.noteIds.length}`]),
    ];
  },

  'the search index holds every note in both languages, and nothing else as an item': (site) => {
    const items = readSearchUrls(site.dist).filter((url) => /^\/(zh|en)\/items\//.test(url));
    const expected = LANGS.flatMap((lang) => site.noteIds.map((id) => `/${lang}/items/${id}/`));
    return [
      ...expected.filter((url) => !items.includes(url)).map((url) => `not indexed: ${url}`),
      ...items.filter((url) => !expected.includes(url)).map((url) => `indexed: ${url}`),
    ];
  },

  'every release, team, component and impact level has its pages in both languages': (site) =>
    LANGS.flatMap((lang) =>
      missing(site, [
        `${lang}/`,
        `${lang}/teams/`,
        `${lang}/components/`,
        `${lang}/impact/`,
        `${lang}/upgrade/`,
        ...site.project.releases.flatMap((release) =>
          ['', 'checklist/', 'untriaged/'].map((page) => `${lang}/releases/${release.id}/${page}`),
        ),
        ...site.project.teams.map((team) => `${lang}/teams/${team.id}/`),
        ...site.project.components.map((component) => `${lang}/components/${component.id}/`),
        ...IMPACTS.map((impact) => `${lang}/impact/${impact}/`),
      ]),
    ),

  'every page declares its language and switches to an existing page in the other': (site) =>
    [...site.pages].flatMap(([file, html]) => {
      const lang = LANGS.find((candidate) => file.startsWith(`${candidate}/`));
      if (!lang) return [];
      const declared = tagWhere(html, (tag) => tag.name === 'html')?.attributes['lang'];
      if (declared !== htmlLang(lang)) return [`${file}: <html lang="${declared}">`];
      if (refreshTargetOf(html) !== undefined) return [];
      const href = scanTags(html).find((tag) => tag.name === 'a' && hasClass(tag, 'lang-switch'))
        ?.attributes['href'];
      const expected = `/${other(lang)}/${file.slice(lang.length + 1).replace(/index\.html$/, '')}`;
      return href === expected && site.pages.has(`${expected.slice(1)}index.html`)
        ? []
        : [`${file}: language switch ${href}`];
    }),

  'no page loads anything from another host': (site) => {
    const remote = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;
    return [...site.pages].flatMap(([file, html]) =>
      scanTags(html)
        .filter(
          (tag) =>
            remote.test(tag.attributes['src'] ?? '') ||
            (tag.name === 'link' &&
              /stylesheet|icon|preload|manifest/.test(tag.attributes['rel'] ?? '') &&
              remote.test(tag.attributes['href'] ?? '')),
        )
        .map((tag) => `${file}: <${tag.name} ${tag.attributes['src'] ?? tag.attributes['href']}>`),
    );
  },

  'a page of each kind is valid HTML (html-validate)': async (site) => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const problems: string[] = [];
    for (const path of LANGS.flatMap((lang) => samplePages(site, lang))) {
      const file = `${path}index.html`;
      const report = await validator.validateString(
        site.pages.get(file) ?? '',
        join(site.dist, file),
      );
      problems.push(
        ...report.results.flatMap((result) =>
          result.messages.map(
            (message) => `${file}:${message.line} ${message.ruleId} ${message.message}`,
          ),
        ),
      );
    }
    return problems;
  },
};

/** The name of each invariant, in order. */
export const INVARIANT_NAMES = Object.keys(INVARIANTS);

/** Reads a built site and the content root it was built from. */
export function readBuiltContent(distDir: string, contentRoot: string): BuiltContent {
  if (!existsSync(join(distDir, 'notes.json'))) throw new Error(`${distDir} is not a built site`);
  const project = readProject(contentRoot);
  return {
    dist: distDir,
    project,
    pages: readPages(distDir),
    noteIds: project.notes.map((note) => note.data.id).sort(),
    retired: retiredIds(project),
    retiredToRelease: retiredToRelease(project),
  };
}

/**
 * Checks the invariants (all unless `names` says which) on a site built from `contentRoot` into
 * `distDir`; returns, for each, the places it does not hold (all empty for a good build of valid
 * content, whatever the content).
 */
export async function runInvariants(
  distDir: string,
  contentRoot: string,
  names: readonly string[] = INVARIANT_NAMES,
): Promise<Record<string, string[]>> {
  const site = readBuiltContent(distDir, contentRoot);
  // Side by side: the link checker and axe-core (first in INVARIANTS) work in other processes
  // while the others run here.
  const results = await Promise.all(
    names.map(async (name) => [name, (await INVARIANTS[name]?.(site)) ?? [`no invariant ${name}`]]),
  );
  return Object.fromEntries(results) as Record<string, string[]>;
}
