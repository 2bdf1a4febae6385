/** The groups search results come in, in order: how a note was assessed, then the list pages. */
export const GROUPS = ['note', 'area', 'nobody', 'pages'] as const;

/** One group of search results. */
export type Group = (typeof GROUPS)[number];

/** The search filter that tells a result's group: a note's `assessedBy`, `pages` on list pages. */
export const GROUP_FILTER = 'assessedBy';

/**
 * The group whose pages carry no group filter: the dialog takes a result no other group claims as
 * in it. Each page a filter lists costs the first search bytes (at 5,000 notes the filter listing
 * every page was 10.7 KB), and on a site past its import most notes are assessed on their own.
 */
export const UNMARKED_GROUP: Group = 'note';

/**
 * The words of a query as the index holds them: `#49976` (an issue or PR reference) is the number,
 * `--feature-gates` (a flag) is the name without its dashes, since the indexer splits words at
 * characters other than letters, digits, `-`, `.` and `_` and keeps a hyphenated word's parts.
 * `splitHyphens` (the Chinese index, whose segmenter makes a lone `-` a word of a query and then
 * matches every hyphen) searches a hyphenated word's parts instead.
 */
export function normaliseQuery(query: string, options: { splitHyphens?: boolean } = {}): string[] {
  return query
    .split(/\s+/)
    .map((word) => word.replace(/^#(?=\d)/, '').replace(/^--(?=[\p{L}\p{N}])/u, ''))
    .flatMap((word) => (options.splitHyphens ? word.split('-') : [word]))
    .filter((word) => /[\p{L}\p{N}]/u.test(word));
}

// Beyond this many words, subsets are tried only by dropping words from the end.
const MAX_COMBINED = 6;

/**
 * The subsets of `words` to try when no page has them all: largest first, each size as one list, in
 * the words' order (so the first words typed win a tie).
 */
export function wordSubsets(words: readonly string[]): string[][][] {
  if (words.length > MAX_COMBINED)
    return words.slice(1).map((_, index) => [words.slice(0, words.length - 1 - index)]);
  const sizes: string[][][] = [];
  for (let size = words.length - 1; size >= 1; size--) sizes.push(combinations(words, size));
  return sizes;
}

function combinations(words: readonly string[], size: number): string[][] {
  if (size === 0) return [[]];
  return words.flatMap((word, index) =>
    combinations(words.slice(index + 1), size - 1).map((rest) => [word, ...rest]),
  );
}
