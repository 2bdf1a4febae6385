import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The largest page of one kind in a build: its path and its raw and gzipped bytes. */
export interface LargestPage {
  kind: string;
  path: string;
  pages: number;
  bytes: number;
  gzipped: number;
}

/** The kind of a built page from its path in `dist` (`en/teams/ops/2/index.html` → `team`). */
export function pageKind(path: string): string {
  const parts = path
    .replace(/(^|\/)index\.html$/, '')
    .split('/')
    .filter(Boolean);
  if (!['zh', 'en'].includes(parts[0] ?? '')) return parts[0] === 'i' ? 'redirect' : 'other';
  const [, section, id, sub] = parts;
  if (section === undefined) return 'home';
  if (section === 'releases') return id === undefined ? 'releases' : (sub ?? 'release');
  if (section === 'items') return id === undefined ? 'items index' : 'item';
  if (section === 'upgrade') return id === undefined ? 'upgrade index' : 'upgrade';
  const single = { teams: 'team', components: 'component', impact: 'impact' }[section];
  if (single) return id === undefined ? `${section} index` : single;
  return section;
}

/** The largest HTML page of each kind under `dist`, by raw bytes, kinds in alphabetical order. */
export function largestPages(dist: string): LargestPage[] {
  const largest = new Map<string, LargestPage>();
  for (const path of globSync('**/*.html', { cwd: dist })) {
    const kind = pageKind(path);
    const bytes = readFileSync(join(dist, path));
    const known = largest.get(kind);
    if (known) known.pages += 1;
    if (known && known.bytes >= bytes.length) continue;
    largest.set(kind, {
      kind,
      path,
      pages: known?.pages ?? 1,
      bytes: bytes.length,
      gzipped: gzipSync(bytes).length,
    });
  }
  return [...largest.values()].sort((a, b) => a.kind.localeCompare(b.kind));
}
