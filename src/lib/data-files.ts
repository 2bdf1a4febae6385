import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Entries of a YAML file that maps id → entry, each with its id injected (what `data/teams.yaml` and friends hold). */
export function readKeyedYaml(path: string): { id: string; [key: string]: unknown }[] {
  const data: unknown = parse(readFileSync(path, 'utf8'));
  if (typeof data !== 'object' || data === null) return [];
  return Object.entries(data as Record<string, Record<string, unknown>>).map(([id, entry]) => ({
    ...entry,
    id,
  }));
}

/** One entry per `<id>.yaml` file in a folder, with the file name as its id (what `data/releases/` holds). */
export function readYamlFolder(dir: string): { id: string; [key: string]: unknown }[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => ({
      ...(parse(readFileSync(join(dir, name), 'utf8')) as Record<string, unknown>),
      id: name.replace(/\.ya?ml$/, ''),
    }));
}

/** The release a note belongs to: the name of the folder its file is in. */
export function releaseOfNoteFile(filePath: string): string {
  return filePath.split(/[\\/]/).at(-2) ?? '';
}

/** The text of every file in `dirs` (sorted), e.g. to notice that the schemas changed. */
export function readSourceTexts(dirs: readonly string[]): string {
  return dirs
    .flatMap((dir) =>
      readdirSync(dir)
        .filter((name) => name.endsWith('.ts'))
        .sort()
        .map((name) => readFileSync(join(dir, name), 'utf8')),
    )
    .join('\0');
}
