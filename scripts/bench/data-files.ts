import { readFileSync } from 'node:fs';
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
