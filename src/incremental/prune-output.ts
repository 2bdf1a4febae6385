import type { AstroIntegration } from 'astro';
import {
  existsSync,
  globSync,
  mkdirSync,
  readdirSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonFile } from './json-file.ts';
import {
  isInFolders,
  routeOnlyFolders,
  routeOutputPaths,
  staleOutputFiles,
} from './stale-output.ts';

/** Every file under `dir` but hidden ones, the search index (rebuilt on its own) and `skipped` top-level folders. */
function listFiles(dir: string, skipped: ReadonlySet<string>): string[] {
  return globSync('**/*', { cwd: dir, withFileTypes: true, exclude: ['pagefind', ...skipped] })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** Removes a file, then its folders up to `root` while they are empty (a page's `…/index.html` folder). */
function removeWithEmptyFolders(root: string, path: string): void {
  rmSync(join(root, path));
  for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) {
    if (readdirSync(join(root, folder)).length > 0) return;
    rmdirSync(join(root, folder));
  }
}

/** What the last complete build wrote: its output folder and the route output files in it. */
interface RouteFilesRecord {
  outDir: string;
  files: string[];
}

/** The last build's route output files, if it completed and wrote into the same folder. */
function previousRouteFiles(recordFile: string, outDir: string): string[] | undefined {
  const record = readJsonFile(recordFile) as RouteFilesRecord | undefined;
  return record?.outDir === outDir ? record.files : undefined;
}

/**
 * The output folder is not emptied before a build (`vite.build.emptyOutDir: false`), so reused pages
 * stay where they are instead of being copied back from Astro's cache; this removes what the build no
 * longer produces, before the search index reads the pages. The route output files of the last build
 * are kept in the cache, so the folders holding only pages are not listed again (tens of thousands
 * of folders); a build that stops halfway leaves no such list, and the next one lists everything.
 */
export function pruneOutput(): AstroIntegration {
  let startedMs = 0;
  let recordFile = '';
  let outDir = '';
  let previous: string[] | undefined;
  let emptyAtStart = false;
  const others = new Set<string>();
  return {
    name: 'pict-prune-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        recordFile = fileURLToPath(new URL('pict-route-files.json', config.cacheDir));
        outDir = fileURLToPath(config.outDir);
        const publicDir = fileURLToPath(config.publicDir);
        for (const name of existsSync(publicDir) ? readdirSync(publicDir) : []) others.add(name);
        others.add(config.build.assets);
      },
      'astro:build:start': () => {
        startedMs = Date.now();
        previous = previousRouteFiles(recordFile, outDir);
        // A build into an empty folder (every CI build) has nothing of earlier builds to remove, and
        // listing its 30,000 files cost about 3 s of a 5,000-note build.
        emptyAtStart = !existsSync(outDir) || readdirSync(outDir).length === 0;
        rmSync(recordFile, { force: true });
      },
      'astro:build:done': ({ assets, logger }) => {
        const kept = new Set(routeOutputPaths(outDir, assets));
        const known = previous ? routeOnlyFolders(kept, others) : new Set<string>();
        const earlier = (previous ?? []).filter(
          (path) => isInFolders(path, known) && !kept.has(path) && existsSync(join(outDir, path)),
        );
        const stale = staleOutputFiles(
          emptyAtStart ? [] : [...listFiles(outDir, known), ...earlier],
          kept,
          startedMs,
          (path) => statSync(join(outDir, path)).mtimeMs,
        );
        for (const path of stale) removeWithEmptyFolders(outDir, path);
        if (stale.length > 0) logger.info(`Removed ${stale.length} file(s) of earlier builds.`);
        mkdirSync(dirname(recordFile), { recursive: true });
        const written: RouteFilesRecord = { outDir, files: [...kept] };
        writeFileSync(recordFile, JSON.stringify(written));
      },
    },
  };
}
