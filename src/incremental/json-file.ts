import { readFileSync } from 'node:fs';

/** A JSON file's value; undefined when the file is missing or not JSON (a cache an interrupted build left). */
export function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
