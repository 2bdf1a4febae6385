import type { AstroIntegration } from 'astro';
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleOutputFiles } from '../lib/stale-output.ts';

/** Every file under `dir` but the search index (rebuilt on its own), relative to `dir`. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((top) => {
    if (!top.isDirectory()) return top.isFile() ? [top.name] : [];
    if (top.name === 'pagefind') return [];
    return readdirSync(join(dir, top.name), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
  });
}

/** Removes a file, then its folders up to `root` while they are empty (a page's `…/index.html` folder). */
function removeWithEmptyFolders(root: string, path: string): void {
  rmSync(join(root, path));
  for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) {
    if (readdirSync(join(root, folder)).length > 0) return;
    rmdirSync(join(root, folder));
  }
}

/**
 * The output folder is not emptied before a build (`vite.build.emptyOutDir: false`), so reused pages
 * stay where they are instead of being copied back from Astro's cache; this removes what the build no
 * longer produces, before the search index reads the pages.
 */
export function pruneOutput(): AstroIntegration {
  let startedMs = 0;
  return {
    name: 'pict-prune-output',
    hooks: {
      'astro:build:start': () => {
        startedMs = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const outDir = fileURLToPath(dir);
        const kept = new Set(
          [...assets.values()].flat().map((url) => relative(outDir, fileURLToPath(url))),
        );
        const stale = staleOutputFiles(
          listFiles(outDir),
          kept,
          startedMs,
          (path) => statSync(join(outDir, path)).mtimeMs,
        );
        for (const path of stale) removeWithEmptyFolders(outDir, path);
        if (stale.length > 0) logger.info(`Removed ${stale.length} file(s) of earlier builds.`);
      },
    },
  };
}
