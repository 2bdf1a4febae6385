import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Every route's output file (rendered or reused) from Astro's `assets`, relative to the output folder, `/`-separated. */
export function routeOutputPaths(outDir: string, assets: ReadonlyMap<string, URL[]>): string[] {
  return [...assets.values()]
    .flat()
    .map((url) => relative(outDir, fileURLToPath(url)).split(sep).join('/'));
}

/** Slack for file systems whose timestamps are coarser than the clock (some keep whole seconds). */
const MTIME_SLACK_MS = 2000;

/**
 * Files a previous build left that this one neither wrote nor kept: pages no longer built (a deleted or
 * renamed note) and replaced assets. `kept` holds every route's output file (rendered or reused); other
 * files count as written when they are newer than the build's start (`mtimeOf` is asked only for
 * those). The search index is rebuilt separately and never listed.
 */
export function staleOutputFiles(
  paths: readonly string[],
  kept: ReadonlySet<string>,
  startedMs: number,
  mtimeOf: (path: string) => number,
): string[] {
  return paths.filter((path) => {
    if (kept.has(path) || path.startsWith('pagefind/')) return false;
    if (path.endsWith('.html')) return true;
    return mtimeOf(path) < startedMs - MTIME_SLACK_MS;
  });
}

/** The top folder of an output path (`zh` for `zh/items/a/index.html`); undefined for a top-level file. */
function topFolderOf(path: string): string | undefined {
  const slash = path.indexOf('/');
  return slash === -1 ? undefined : path.slice(0, slash);
}

/**
 * Top-level output folders that hold route output files only (`zh`, `en`, …): those of `routeFiles`
 * that nothing else writes into (`others`: the public folder's entries, the assets folder). Their
 * files need not be listed: they are the previous and this build's route outputs.
 */
export function routeOnlyFolders(
  routeFiles: Iterable<string>,
  others: ReadonlySet<string>,
): Set<string> {
  const folders = new Set<string>();
  for (const path of routeFiles) {
    const folder = topFolderOf(path);
    if (folder !== undefined && !others.has(folder)) folders.add(folder);
  }
  return folders;
}

/** Whether an output path lies in one of `folders` (top-level folder names). */
export function isInFolders(path: string, folders: ReadonlySet<string>): boolean {
  const folder = topFolderOf(path);
  return folder !== undefined && folders.has(folder);
}
