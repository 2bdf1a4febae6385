/** Finding the upstream references (PRs, issues, authors) in release-note text, and plain-text helpers. */

const GITHUB_NUMBERED = /https?:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/(pull|issues)\/(\d+)/g;
const SHORT_LINKS = /https?:\/\/(issue|pr|features)\.k8s\.io\/(\d+)/g;
const AUTHOR_LINK = /\[@([A-Za-z0-9][A-Za-z0-9-]*)\]\(/g;

/** A reference to a numbered GitHub PR or issue. */
export interface NumberedRef {
  owner: string;
  repo: string;
  kind: 'pull' | 'issues';
  number: number;
  /** `https://github.com/<owner>/<repo>/<kind>/<number>`, without fragment or query. */
  url: string;
}

function ref(owner: string, repo: string, kind: 'pull' | 'issues', number: number): NumberedRef {
  return {
    owner,
    repo,
    kind,
    number,
    url: `https://github.com/${owner}/${repo}/${kind}/${number}`,
  };
}

/** Every numbered GitHub PR/issue link in a text, in order of appearance (`issue.k8s.io/N` and `pr.k8s.io/N` resolved). */
export function numberedRefs(text: string): NumberedRef[] {
  const found: { index: number; ref: NumberedRef }[] = [];
  for (const match of text.matchAll(GITHUB_NUMBERED)) {
    const [, owner = '', repo = '', kind, num = ''] = match;
    found.push({
      index: match.index,
      ref: ref(owner, repo, kind === 'pull' ? 'pull' : 'issues', Number(num)),
    });
  }
  for (const match of text.matchAll(SHORT_LINKS)) {
    const [, host, num = ''] = match;
    const number = Number(num);
    found.push({
      index: match.index,
      ref:
        host === 'pr'
          ? ref('kubernetes', 'kubernetes', 'pull', number)
          : host === 'features'
            ? ref('kubernetes', 'enhancements', 'issues', number)
            : ref('kubernetes', 'kubernetes', 'issues', number),
    });
  }
  return found.sort((a, b) => a.index - b.index).map((entry) => entry.ref);
}

/**
 * The key under which two references count as the same upstream change: `owner/repo#N`, lowercase.
 * PRs and issues share one number space per repository; `kubernetes/features` is the old name of
 * `kubernetes/enhancements`.
 */
export function refKey(url: string): string | undefined {
  const [found] = numberedRefs(url);
  if (!found) return undefined;
  const repo =
    found.owner === 'kubernetes' && found.repo === 'features' ? 'enhancements' : found.repo;
  return `${found.owner}/${repo}#${found.number}`.toLowerCase();
}

/** GitHub handles credited as `[@handle](…)`, in order, without duplicates. */
export function authorsIn(text: string): string[] {
  return unique([...text.matchAll(AUTHOR_LINK)].map((match) => match[1] ?? ''));
}

/** A parenthesised group of links only, like the `([#123](…), [@someone](…))` trailer of a changelog bullet. */
const LINK_GROUP = /\(\s*(?:\[{1,2}[^\]]*\]\([^)\s]*\)\]?\s*,?\s*)+\)/g;

/** PR URLs in the link-only parenthesised groups (the trailers) of a text. */
export function trailerPrs(text: string): string[] {
  return unique(
    [...text.matchAll(LINK_GROUP)].flatMap((match) =>
      numberedRefs(match[0])
        .filter((found) => found.kind === 'pull')
        .map((found) => found.url),
    ),
  );
}

const URL = /https?:\/\/[^\s<>()[\]`"']+/g;
const PROFILE = /^https?:\/\/github\.com\/[\w.-]+\/?$/;

/**
 * A URL in the form used to compare citations: no trailing punctuation, lowercase scheme and
 * host, `http` as `https`, no trailing `/` before the end or the fragment.
 */
export function normaliseUrl(url: string): string {
  const trimmed = url.replace(/[.,;:!?]+$/, '');
  const match = /^https?:\/\/([^/?#]+)(.*)$/i.exec(trimmed);
  if (!match) return trimmed;
  const [, host = '', rest = ''] = match;
  return `https://${host.toLowerCase()}${rest.replace(/\/(?=$|[?#])/, '')}`;
}

/** Every http(s) URL in a text that is not a numbered PR/issue link or a person's profile, normalised. */
export function otherUrls(text: string): string[] {
  return unique(
    [...text.matchAll(URL)]
      .map((match) => normaliseUrl(match[0]))
      .filter((url) => !PROFILE.test(url) && refKey(url) === undefined),
  );
}

/** References of an item: its own text's trailer PRs first, then every other PR, issue, URL and author. */
export function refsOf(
  ownText: string,
  fullText: string,
): { prs: string[]; issues: string[]; urls: string[]; authors: string[] } {
  const all = numberedRefs(fullText);
  return {
    urls: otherUrls(fullText),
    prs: unique([
      ...trailerPrs(ownText),
      ...numberedRefs(ownText)
        .filter((found) => found.kind === 'pull')
        .map((found) => found.url),
      ...all.filter((found) => found.kind === 'pull').map((found) => found.url),
    ]),
    issues: unique(all.filter((found) => found.kind === 'issues').map((found) => found.url)),
    authors: unique([...authorsIn(ownText), ...authorsIn(fullText)]),
  };
}

/** Markdown inline links, images and reference links reduced to their text; emphasis markers removed. */
export function stripMarkdown(text: string): string {
  return text
    .replace(LINK_GROUP, ' ')
    .replace(/!?\[((?:[^[\]]|\[[^\]]*\])*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Leading tags (`[alpha]`, `[action required]`, `[prototype]`): fields carry them, not titles or comparisons. */
export const LEADING_TAGS = /^\s*(?:\[[a-z][a-z -]*\]\s*)+/i;

/** The values in order of first appearance, without duplicates. */
export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
