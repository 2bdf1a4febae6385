import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseYaml, type YamlParser, type YamlSource } from '../checker/yaml-source.ts';
import { readJsonFile } from './json-file.ts';

/**
 * Parsed YAML data by a digest of the text, so a build parses only the files that changed since the
 * last one. Data that JSON cannot hold exactly (`.inf`, `.nan`) is never cached; lines are looked up
 * by parsing again, which happens only when a problem is reported.
 */
export class YamlCache implements YamlParser {
  /** Entries this run used or added: what is worth keeping for the next run. */
  readonly used = new Map<string, unknown>();
  readonly #previous: ReadonlyMap<string, unknown>;
  #missed = false;

  constructor(previous: ReadonlyMap<string, unknown> = new Map()) {
    this.#previous = previous;
  }

  /** Like `parseYaml`, from the cache when the same text was parsed before. */
  parse(text: string, firstLine = 1): YamlSource {
    const key = createHash('sha1').update(`${firstLine}\n${text}`).digest('base64url');
    if (this.#previous.has(key)) {
      const data = this.#previous.get(key);
      this.used.set(key, data);
      let parsed: YamlSource | undefined;
      return {
        data,
        syntaxErrors: [],
        lineOf: (path) => (parsed ??= parseYaml(text, firstLine)).lineOf(path),
      };
    }
    this.#missed = true;
    const source = parseYaml(text, firstLine);
    if (source.syntaxErrors.length === 0 && source.data !== undefined) {
      const copy: unknown = JSON.parse(JSON.stringify(source.data));
      if (isDeepStrictEqual(copy, source.data)) this.used.set(key, copy);
    }
    return source;
  }

  /** Whether `used` differs from what the cache started with, so it is worth writing again. */
  get changed(): boolean {
    return this.#missed || this.used.size !== this.#previous.size;
  }

  /** The cache a previous build stored in `file`; empty when there is none or it is unreadable. */
  static read(file: string): YamlCache {
    const cached = readJsonFile(file);
    return new YamlCache(new Map(Array.isArray(cached) ? (cached as [string, unknown][]) : []));
  }

  /** Stores the entries this run used in `file` for the next build, unless nothing changed. */
  writeIfChanged(file: string): void {
    if (!this.changed) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify([...this.used]));
  }
}
