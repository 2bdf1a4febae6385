/**
 * Limits that protect the build, checked here so that `npm run check` and the build agree: a text
 * the checker passes never overflows the Markdown renderer's stack or stalls it.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** Deepest Markdown nesting (block quotes, lists, emphasis, links) and longest frontmatter text. */
export const TEXT_LIMITS = { nesting: 32, characters: 20_000 } as const;

/**
 * An upper bound of a Markdown text's nesting, cheap to compute: a block container takes at least one
 * character of a line's leading `>`/list-marker/indent prefix, an inline one at least one `*`, `_`
 * or `~` at each end, or a `[`. Most texts stay far below the limit and are never parsed here.
 */
function nestingBound(text: string): number {
  let bound = 0;
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    let delimiters = 0;
    let brackets = 0;
    let depth = 0;
    let block = 0;
    for (const line of paragraph.split('\n')) {
      block = Math.max(block, /^[ \t>*+\-0-9.)]*/.exec(line)?.[0].length ?? 0);
    }
    for (const char of paragraph) {
      if (char === '*' || char === '_' || char === '~') delimiters += 1;
      else if (char === '[') brackets = Math.max(brackets, (depth += 1));
      else if (char === ']') depth = Math.max(0, depth - 1);
    }
    bound = Math.max(bound, block + Math.ceil(delimiters / 2) + brackets);
  }
  return bound;
}

/** How many block quote and list markers open a line (each opens at least one level); none for indented code. */
function leadingContainerMarkers(line: string): number {
  if (/^(?: {4}|\t)/.test(line)) return 0;
  const prefix = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/.exec(line)?.[0] ?? '';
  return (prefix.match(/>|[-*+]|\d{1,9}[.)]/g) ?? []).length;
}

const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$/;

/** The longest run of one emphasis delimiter (`*`, `_`, `~`) in a line. */
function longestDelimiterRun(line: string): number {
  return Math.max(0, ...(line.match(/\*+|_+|~+/g) ?? []).map((run) => run.length));
}

/** The nesting depth of a Markdown tree, walked without recursion. */
function treeDepth(root: { children?: unknown[] }): number {
  let deepest = 0;
  const stack: [{ children?: unknown[] }, number][] = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    deepest = Math.max(deepest, depth);
    for (const child of node.children ?? [])
      stack.push([child as { children?: unknown[] }, depth + 1]);
  }
  return deepest;
}

/** What is found when `text` is nested deeper than the limit (a problem's "found"), else undefined. */
export function excessNesting(text: string): string | undefined {
  if (nestingBound(text) <= TEXT_LIMITS.nesting) return undefined;
  // Parsing thousands of nested containers or delimiters takes the parser quadratic time (5,000
  // list markers: 40 s, 9,000 nested emphasis: over 30 s) before it overflows; far over the limit,
  // a line's leading markers, a run of emphasis delimiters or nested brackets are refused unparsed.
  const lines = text.split('\n');
  const markers = Math.max(...lines.map(leadingContainerMarkers));
  if (markers > TEXT_LIMITS.nesting * 4) return `Markdown nested at least ${markers} levels deep`;
  const runs = Math.max(
    ...lines.filter((line) => !THEMATIC_BREAK.test(line)).map(longestDelimiterRun),
  );
  if (runs > TEXT_LIMITS.nesting * 4)
    return `a run of ${runs} emphasis delimiters (up to ${Math.floor(runs / 2)} nested levels)`;
  try {
    const root = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    // The root and the paragraph around inline content are not nesting an author wrote.
    const depth = treeDepth(root) - 2;
    return depth > TEXT_LIMITS.nesting ? `Markdown nested ${depth} levels deep` : undefined;
  } catch {
    return 'Markdown nested too deep to parse';
  }
}

/** What is wrong with a text's size or nesting, as a problem's "found" and "expected", or undefined. */
export function textLimitProblem(
  text: string,
  maxCharacters: number = TEXT_LIMITS.characters,
): { found: string; expected: string } | undefined {
  if (text.length > maxCharacters) {
    return {
      found: `text of ${text.length} characters`,
      expected: `at most ${maxCharacters} characters (a limit, see README)`,
    };
  }
  const nesting = excessNesting(text);
  if (nesting === undefined) return undefined;
  return {
    found: nesting,
    expected: `at most ${TEXT_LIMITS.nesting} levels of quotes, lists, emphasis and links`,
  };
}
