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

/** The Markdown nesting of `text` when it is over the limit ("over N" when too deep to parse), else undefined. */
export function excessNesting(text: string): string | undefined {
  if (nestingBound(text) <= TEXT_LIMITS.nesting) return undefined;
  try {
    const root = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
    // The root and the paragraph around inline content are not nesting an author wrote.
    const depth = treeDepth(root) - 2;
    return depth > TEXT_LIMITS.nesting ? String(depth) : undefined;
  } catch {
    return 'too deep to parse';
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
    found: `Markdown nested ${nesting} levels deep`,
    expected: `at most ${TEXT_LIMITS.nesting} levels of quotes, lists, emphasis and links`,
  };
}
