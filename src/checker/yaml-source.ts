import { LineCounter, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';

/** A YAML text parsed with enough position information to point at a field's line. */
export interface YamlSource {
  /** The plain data, or undefined when the text is empty. */
  data: unknown;
  /** Syntax errors, each with its line in the file. */
  syntaxErrors: { line: number; message: string }[];
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
      syntaxErrors: [{ line: firstLine, message: 'nesting too deep to read' }],
      lineOf: () => firstLine,
    };
  }
  const toLine = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const syntaxErrors = doc.errors.map((error) => ({
    line: toLine(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));
  let data: unknown;
  if (syntaxErrors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases });
      syntaxErrors.push(
        ...prototypeKeys(doc).map((offset) => ({
          line: toLine(offset),
          message: 'a key named __proto__, which JavaScript objects cannot hold',
        })),
      );
    } catch (error) {
      // An alias bomb (ReferenceError) or nesting deeper than the stack (RangeError).
      syntaxErrors.push({
        line: firstLine,
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
