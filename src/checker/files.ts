import { globSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A file of the project as text, with its path relative to the project root (always `/`-separated). */
export interface SourceFile {
  path: string;
  text: string;
}

/** Where the source of truth lives, relative to the project root. */
export const SOURCE_PATHS = {
  releases: 'data/releases',
  teams: 'data/teams.yaml',
  components: 'data/components.yaml',
  areas: 'data/areas.yaml',
  notes: 'notes',
  ledger: 'notes/ids.json',
} as const;

/** Reads every source file (data/ and notes/, hidden files left out) under a project root, sorted by path. */
export function readProjectFiles(root: string): SourceFile[] {
  return globSync(`{data,${SOURCE_PATHS.notes}}/**/*`, { cwd: root })
    .map((path) => path.replaceAll('\\', '/'))
    .filter((path) => statSync(join(root, path)).isFile())
    .map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
