import {
  cpSync,
  existsSync,
  globSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractLinks, scanTags, type Tag } from '../../src/lib/links.ts';
import { formatProblem } from '../../src/checker/problems.ts';
import { loadProject, resolveRedirect, type Project } from '../../src/checker/index.ts';
import { readProjectFiles } from '../../src/checker/files.ts';
import { ROOT, TMP } from './build-site.ts';

/** Every file under a folder, as `/`-separated paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return globSync('**/*', { cwd: dir, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** The HTML pages of a built site, by path relative to it (`zh/items/x/index.html`). */
export function readPages(dist: string): Map<string, string> {
  return new Map(
    listFiles(dist)
      .filter((file) => file.endsWith('.html'))
      .map((file) => [file, readFileSync(join(dist, file), 'utf8')]),
  );
}

/** A page as the search index holds it. */
export interface SearchFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** Every page in a built site's search index (all bundles listed in `pagefind/bundles.json`), read from their fragments. */
export function readSearchFragments(dist: string): SearchFragment[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'pagefind/bundles.json'), 'utf8')) as {
    bundles: { path: string }[];
  };
  return manifest.bundles
    .flatMap(({ path }) => {
      const folder = join(dist, 'pagefind', path, 'fragment');
      return readdirSync(folder).map((name) => join(folder, name));
    })
    .map((file) => gunzipSync(readFileSync(file)).toString('utf8'))
    .map((text) => JSON.parse(text.replace(/^pagefind_dcd/, '')) as SearchFragment);
}

/** The URLs of every page in a built site's search index, sorted. */
export function readSearchUrls(dist: string): string[] {
  return readSearchFragments(dist)
    .map((fragment) => fragment.url)
    .sort();
}

/** The first release in the project that has notes, and its notes' data: what page tests open. */
export function firstReleaseWithNotes(project: Project): {
  release: Project['releases'][number];
  notes: Project['notes'][number]['data'][];
} {
  const release = project.releases.find((candidate) =>
    project.notes.some((note) => note.data.release === candidate.id),
  );
  if (!release) throw new Error('no release has notes');
  const notes = project.notes
    .map((note) => note.data)
    .filter((note) => note.release === release.id);
  return { release, notes };
}

/** What the checker finds wrong with the content under a root, one line each (as `npm run check` prints them). */
export function problemsIn(root: string): string[] {
  return loadProject(readProjectFiles(root)).problems.map(formatProblem);
}

/**
 * The validated project under a content root (the repository's content when none is given); throws when
 * it has problems, since a site is built only from a valid one.
 */
export function readProject(root = ROOT): Project {
  const { project, problems } = loadProject(readProjectFiles(root));
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  return project;
}

/** Note ids retired in the id ledger, with the id of the note each leads to (following chains). */
export function retiredIds(project: Project): Map<string, string> {
  const { redirects } = project.ledger;
  return new Map(
    Object.keys(redirects).map((id) => [
      id,
      resolveRedirect(id, redirects) ?? `(no note for ${id})`,
    ]),
  );
}

/** An id ledger that records nothing: the `notes/ids.json` of content without notes. */
export const EMPTY_LEDGER = '{\n  "ids": [],\n  "redirects": {}\n}\n';

/** Retired ids whose item became part of a release page, and that release's id. */
export function retiredToRelease(project: Project): Map<string, string> {
  return new Map(Object.entries(project.ledger.releaseRedirects));
}

/**
 * A fresh copy of the `data/` and `notes/` of a content root (a fixture site, or the repository's
 * content) in `tmp/test-fixtures/<name>/`, to be changed by a test; with `notes: false`, its
 * `notes/` holds only an empty id ledger (content to import into).
 */
export function copyContent(name: string, from: string, { notes = true } = {}): string {
  const root = join(TMP, 'test-fixtures', name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'notes'), { recursive: true });
  cpSync(join(from, 'data'), join(root, 'data'), { recursive: true });
  if (notes) cpSync(join(from, 'notes'), join(root, 'notes'), { recursive: true });
  else writeFileSync(join(root, 'notes', 'ids.json'), EMPTY_LEDGER);
  return root;
}

/** Whether a built site has a file at a path relative to it. */
export function hasFile(dist: string, path: string): boolean {
  return existsSync(join(dist, path));
}

/** Names of the pages one level below a folder of a built site (`zh/items` → note ids), sorted. */
export function pagesBelow(pages: ReadonlyMap<string, string>, folder: string): string[] {
  const prefix = `${folder}/`;
  const suffix = '/index.html';
  return [...pages.keys()]
    .flatMap((file) => {
      if (!file.startsWith(prefix) || !file.endsWith(suffix)) return [];
      const name = file.slice(prefix.length, -suffix.length);
      return name === '' || name.includes('/') ? [] : [name];
    })
    .sort();
}

/** Where a page sends the reader with `<meta http-equiv="refresh">`, if it does. */
export function refreshTargetOf(html: string): string | undefined {
  return extractLinks(html).find((link) => link.tag === 'meta')?.value;
}

/** The first start tag matching a test, e.g. `tagWhere(html, (tag) => tag.name === 'html')`. */
export function tagWhere(html: string, test: (tag: Tag) => boolean): Tag | undefined {
  return scanTags(html).find(test);
}

/** Whether a tag's `class` attribute has a class. */
export function hasClass(tag: Tag, name: string): boolean {
  return (tag.attributes['class'] ?? '').split(/\s+/).includes(name);
}
