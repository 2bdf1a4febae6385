import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { formatPath } from './problems.ts';

/** A YAML text parsed with enough position information to point at a field's line. */
export interface YamlSource {
  /** The plain data, or undefined when the text is empty. */
  data: unknown;
  /**
   * The first syntax error, if any (the parser's later complaints are mostly about the same
   * mistake), with the dotted path of the YAML key it is in (`-` outside any key) and its line.
   */
  syntaxErrors: { line: number; field: string; message: string }[];
  /** The line in the file of the deepest existing node along `path` (a mapping key's own line). */
  lineOf(path: readonly PropertyKey[]): number;
}

/** What YAML may use: alias expansions (more is an "alias bomb"); the `yaml` library checks the count. */
export const YAML_LIMITS = { aliases: 100 } as const;

/** Offsets of mapping keys named `__proto__`: JavaScript would drop them or change an object's prototype. */
function prototypeKeys(doc: ReturnType<typeof parseDocument>): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === '__proto__' && isNodeWithRange(pair.key)) {
        offsets.push(pair.key.range[0]);
      }
    },
  });
  return offsets;
}

/** Parses YAML whose first line is line `firstLine` of its file (2 for frontmatter after `---`). */
export function parseYaml(text: string, firstLine = 1): YamlSource {
  const counter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  } catch {
    return {
      data: undefined,
      syntaxErrors: [{ line: firstLine, field: '-', message: 'nesting too deep to read' }],
      lineOf: () => firstLine,
    };
  }
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const located = doc.errors.map((error) => ({
    line: toLine(error.pos[0]),
    // A duplicate key's error starts at the key itself; others where the parser gave up, after it.
    field: formatPath(
      keyPathAt(doc.contents, error.pos[0] + (error.code === 'DUPLICATE_KEY' ? 1 : 0), toLine),
    ),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  // One mistake often makes the parser complain several times, and what follows it cannot be
  // trusted: the first error is the one to fix.
  const syntaxErrors: YamlSource['syntaxErrors'] = located.slice(0, 1);
  let data: unknown;
  if (syntaxErrors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases });
      syntaxErrors.push(
        ...prototypeKeys(doc).map((offset) => ({
          line: toLine(offset),
          field: '-',
          message: 'a key named __proto__, which JavaScript objects cannot hold',
        })),
      );
    } catch (error) {
      // An alias bomb (ReferenceError) or nesting deeper than the stack (RangeError).
      syntaxErrors.push({
        line: firstLine,
        field: '-',
        message:
          error instanceof ReferenceError
            ? `more than ${YAML_LIMITS.aliases} alias expansions`
            : 'nesting too deep to read',
      });
    }
  }
  return {
    data: syntaxErrors.length > 0 ? undefined : data,
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

/**
 * The path of the mapping keys a syntax error at a text offset belongs to: at each level, the last
 * key that starts before it (a broken value belongs to the key before the point the parser gave up),
 * down through block mappings and the mappings of list items. A mapping on its key's own line
 * (`title: a: b`) is the mistake itself, so the path stops at that key.
 */
function keyPathAt(
  node: unknown,
  offset: number,
  lineAt: (offset: number) => number,
): (string | number)[] {
  const path: (string | number)[] = [];
  let current = node;
  while (isMap(current) || isSeq(current)) {
    let next: unknown;
    let keyStart: number;
    if (isMap(current)) {
      const pair = current.items.findLast(
        (item) => isNodeWithRange(item.key) && item.key.range[0] < offset,
      );
      if (!pair || !isScalar(pair.key) || !isNodeWithRange(pair.key)) break;
      path.push(String(pair.key.value));
      next = pair.value;
      keyStart = pair.key.range[0];
    } else {
      const index = current.items.findLastIndex(
        (item) => isNodeWithRange(item) && item.range[0] < offset,
      );
      const item = current.items[index];
      // Into a list item only when it is a mapping: a broken scalar item is named by its list's key.
      if (!isMap(item) || !isNodeWithRange(item)) break;
      path.push(index);
      current = item;
      continue;
    }
    if (!isNodeWithRange(next) || next.range[0] >= offset) break;
    if (isMap(next) && lineAt(next.range[0]) === lineAt(keyStart)) break;
    current = next;
  }
  return path;
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

/** What the checker parses YAML with: `parseYaml` itself, or a cache of its results (`src/incremental/yaml-cache.ts`). */
export interface YamlParser {
  parse(text: string, firstLine?: number): YamlSource;
}

/** Parses every text anew. */
export const plainYamlParser: YamlParser = { parse: parseYaml };
