import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SOURCE_PATHS, type SourceFile } from './project.ts';

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries
    .filter((name) => !name.startsWith('.'))
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

/** Reads every source file (data/ and notes/) under a project root, sorted by path. */
export function readProjectFiles(root: string): SourceFile[] {
  const dirs = ['data', SOURCE_PATHS.notes];
  return dirs
    .flatMap((dir) => listFiles(join(root, dir)))
    .map((path) => ({
      path: relative(root, path).split(sep).join('/'),
      text: readFileSync(path, 'utf8'),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
