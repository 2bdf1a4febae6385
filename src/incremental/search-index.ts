import type { AstroIntegration } from 'astro';
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { readJsonFile } from './json-file.ts';
import { routeOutputPaths } from './stale-output.ts';
import { sharedCheckedProject } from '../checker/shared.ts';
import {
  bundleOfEachNote,
  groupPagesByBundle,
  bundleSignature,
  bundlesToRebuild,
  isItemPage,
  primaryBundle,
  type BuiltPage,
  type BundleManifest,
} from './search-bundles.ts';

// `-` and `.` are kept inside words so ids, flags and versions are searchable as typed.
const INDEX_OPTIONS = { includeCharacters: '-._' };
// Pagefind cuts the word index into chunks of about this many word positions (its default is twice
// this) and a search loads the chunk of each word. Half-size chunks took the first search at 5,000
// notes from 153 to 143 KB (zh) and 138 to 135 KB (en): the chunk of a word shrinks more than the
// metadata, which lists every chunk, grows; a quarter (5,000) was heavier again (docs/performance.md).
// Pagefind reads it from its service's environment only (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`): a
// Pagefind upgrade rebuilds every bundle, and the search-transfer test checks the bytes it buys.
const INDEX_CHUNK_SIZE = '10000';
const MANIFEST = 'bundles.json';
// Raised when this file changes what a bundle holds, so existing bundles are rebuilt.
const BUNDLE_LAYOUT = 4;
// The search dialog uses Pagefind's API, not its UI; a merged bundle also uses the primary's scripts.
const INDEX_FILES = /^(pagefind-entry\.json|.*\.pf_meta|fragment|index|filter)$/;
const SCRIPT_FILES = /^(pagefind\.js|pagefind-worker\.js|wasm\..*\.pagefind)$/;

/** The pages this build produced (rendered or kept), from Astro's list of route outputs. */
function listPages(outDir: string, assets: ReadonlyMap<string, URL[]>): BuiltPage[] {
  return routeOutputPaths(outDir, assets).flatMap((path) => {
    if (!/^(zh|en)\/.*\.html$/.test(path)) return [];
    const { mtimeMs, size } = statSync(join(outDir, path));
    return [{ path, mtimeMs, size }];
  });
}

/** Whether a page's `<main>` carries `data-pagefind-body` (the layout's `searchable`); it comes early, so only the head of the file is read. */
function isSearchable(path: string): boolean {
  const head = Buffer.alloc(16 * 1024);
  const file = openSync(path, 'r');
  try {
    const text = head.subarray(0, readSync(file, head)).toString('utf8');
    const main = /<main\b[^>]*>/.exec(text);
    if (main) return main[0].includes('data-pagefind-body');
  } finally {
    closeSync(file);
  }
  return readFileSync(path, 'utf8').includes('data-pagefind-body');
}

/**
 * Links (or copies, across file systems) a bundle's searchable pages into an empty folder, so Pagefind
 * reads only them; pages without `data-pagefind-body` (redirects, upgrade paths, queues) are left out.
 */
function stagePages(
  outDir: string,
  staging: string,
  pages: readonly BuiltPage[],
  searchable: (path: string) => boolean,
): void {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const page of pages) {
    if (!searchable(page.path)) continue;
    const target = join(staging, page.path);
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(join(outDir, page.path), target);
    } catch {
      copyFileSync(join(outDir, page.path), target);
    }
  }
}

async function writeBundle(staging: string, bundleDir: string, primary: boolean): Promise<number> {
  // Read when Pagefind's service starts, which is on the first index of a build.
  process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = INDEX_CHUNK_SIZE;
  const { index, errors } = await pagefind.createIndex(INDEX_OPTIONS);
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: staging });
  if (added.errors.length > 0)
    throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
  rmSync(bundleDir, { recursive: true, force: true });
  const written = await index.writeFiles({ outputPath: bundleDir });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
  for (const name of readdirSync(bundleDir)) {
    if (!INDEX_FILES.test(name) && !(primary && SCRIPT_FILES.test(name)))
      rmSync(join(bundleDir, name), { recursive: true });
  }
  return added.page_count;
}

/**
 * Moves `folder` aside and removes it in a detached process, so the build does not wait for it:
 * unlinking the staged pages (10,000 links in 5,000 folders at the 5,000-note benchmark) was 46 s of
 * a 390 s build on the loaded shared machine (V8 profile), one synchronous call at the build's end.
 */
function removeInBackground(folder: string): void {
  if (!existsSync(folder)) return;
  const aside = `${folder.replace(/[\\/]+$/, '')}.old-${process.pid}-${Date.now()}`;
  try {
    renameSync(folder, aside);
  } catch {
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  spawn('rm', ['-rf', aside], { detached: true, stdio: 'ignore' })
    .on('error', () => rmSync(aside, { recursive: true, force: true }))
    .unref();
}

/** Removes bundles of releases no longer built and anything an earlier layout left in `pagefind/`. */
function removeStaleBundles(root: string, bundles: ReadonlySet<string>): void {
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) {
    if (name === MANIFEST || bundles.has(`${name}/`)) continue;
    if (name !== 'releases') rmSync(join(root, name), { recursive: true, force: true });
  }
  const releases = join(root, 'releases');
  if (!existsSync(releases)) return;
  for (const name of readdirSync(releases))
    if (!bundles.has(`releases/${name}/`)) rmSync(join(releases, name), { recursive: true });
}

/**
 * Builds the Pagefind search index into `<outDir>/pagefind/`: one bundle per group of releases, the
 * oldest (the primary) also holding the list pages and Pagefind's scripts, listed in `bundles.json`
 * for the browser to merge. A bundle whose pages were not written again since the last build is kept
 * as it is. By default every note fits in one bundle: one index per language (see README, Search).
 */
export function searchIndex(options: { notesPerBundle: number }): AstroIntegration {
  let settings = JSON.stringify({ ...INDEX_OPTIONS, chunkSize: INDEX_CHUNK_SIZE });
  let staging = '';
  return {
    name: 'pict-search-index',
    hooks: {
      'astro:config:setup': ({ logger }) => {
        const notes = options.notesPerBundle;
        if (Number.isInteger(notes) && notes > 0) return;
        const found = process.env['PICT_SEARCH_BUNDLE_NOTES'] ?? String(notes);
        logger.error(
          `searchBundleNotes (site.config.ts, PICT_SEARCH_BUNDLE_NOTES) — found "${found}", expected a whole number of notes above 0`,
        );
        process.exit(1);
      },
      'astro:config:done': ({ config }) => {
        staging = fileURLToPath(new URL('search-staging/', config.cacheDir));
        const manifest = join(fileURLToPath(config.root), 'node_modules/pagefind/package.json');
        // A new Pagefind writes another format: every bundle is rebuilt after an upgrade.
        const version =
          (readJsonFile(manifest) as { version?: string } | undefined)?.version ?? 'unknown';
        settings = JSON.stringify({
          ...INDEX_OPTIONS,
          chunkSize: INDEX_CHUNK_SIZE,
          pagefind: version,
          layout: BUNDLE_LAYOUT,
        });
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const root = join(outDir, 'pagefind');
        const project = sharedCheckedProject();
        if (!project) throw new Error('pict-check-source must run first: it reads the notes.');
        const { releases, notes } = project;
        const bundleOfNote = bundleOfEachNote(
          releases,
          notes.map((note) => note.data),
          options.notesPerBundle,
        );
        const primary = primaryBundle(releases);
        const groups = groupPagesByBundle(
          listPages(outDir, assets),
          (id) => bundleOfNote.get(id),
          primary,
        );
        const signatures = new Map(
          [...groups].map(([bundle, pages]) => [bundle, bundleSignature(pages, settings)]),
        );
        const rebuild = bundlesToRebuild(
          signatures,
          readJsonFile(join(root, MANIFEST)) as BundleManifest | undefined,
          (bundle) => existsSync(join(root, bundle, 'pagefind-entry.json')),
        );
        removeStaleBundles(root, new Set(groups.keys()));
        // Until every bundle is written, no manifest vouches for them: a failed build rebuilds all next time.
        rmSync(join(root, MANIFEST), { force: true });
        let indexed = 0;
        try {
          // Item pages are all searchable; reading them is skipped.
          const check = (path: string) => isItemPage(path) || isSearchable(join(outDir, path));
          for (const bundle of rebuild) {
            stagePages(outDir, staging, groups.get(bundle) ?? [], check);
            indexed += await writeBundle(staging, join(root, bundle), bundle === primary);
          }
        } finally {
          removeInBackground(staging);
          await pagefind.close();
        }
        const manifest: BundleManifest = {
          bundles: [...signatures].map(([path, signature]) => ({ path, signature })),
        };
        mkdirSync(root, { recursive: true });
        writeFileSync(join(root, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
        logger.info(
          `Search index: ${rebuild.length} of ${groups.size} bundle(s) rebuilt, ${indexed} page(s) indexed.`,
        );
      },
    },
  };
}
