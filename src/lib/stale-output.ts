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
