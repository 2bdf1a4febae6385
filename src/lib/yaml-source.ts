import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';

/** A YAML text parsed with enough position information to point at a field's line. */
export interface YamlSource {
  /** The plain data, or undefined when the text is empty. */
  data: unknown;
  /** Syntax errors, each with its line in the file. */
  syntaxErrors: { line: number; message: string }[];
  /** The line in the file of the deepest existing node along `path` (a mapping key's own line). */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Parses YAML whose first line is line `firstLine` of its file (2 for frontmatter after `---`). */
export function parseYaml(text: string, firstLine = 1): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const syntaxErrors = doc.errors.map((error) => ({
    line: toLine(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  return {
    data: syntaxErrors.length > 0 ? undefined : doc.toJS(),
    syntaxErrors,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = isNodeWithRange(node) ? toLine(node.range[0]) : firstLine;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
          if (!pair) break;
          if (isNodeWithRange(pair.key)) line = toLine(pair.key.range[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item: unknown = node.items[segment];
          if (!isNodeWithRange(item)) break;
          line = toLine(item.range[0]);
          node = item;
        } else {
          break;
        }
      }
      return line;
    },
  };
}

function isNodeWithRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray(node.range);
}

/** A Markdown file split into YAML frontmatter (starting on line 2) and body. */
export interface Frontmatter {
  yaml: string;
  body: string;
}

/** Splits `---`-fenced frontmatter off a Markdown text; returns undefined when there is none. */
export function splitFrontmatter(text: string): Frontmatter | undefined {
  const match = /^---\r?\n([\s\S]*?)^---[ \t]*(?:\r?\n|$)/m.exec(text);
  if (!match || match.index !== 0) return undefined;
  return { yaml: match[1] ?? '', body: text.slice(match[0].length) };
}

/**
 * Parsed YAML data by a digest of the text, so a build parses only the files that changed since the
 * last one. Data that JSON cannot hold exactly (`.inf`, `.nan`) is never cached; lines are looked up
 * by parsing again, which happens only when a problem is reported.
 */
export class YamlCache {
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
}
