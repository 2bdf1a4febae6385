/** Kinds of upstream reference a note can cite. */
export const UPSTREAM_KINDS = ['pr', 'issue', 'kep', 'docs', 'changelog', 'link'] as const;

/** One kind of upstream reference. */
export type UpstreamKind = (typeof UPSTREAM_KINDS)[number];

/** An upstream reference with a short label for display. */
export interface UpstreamLink {
  kind: UpstreamKind;
  url: string;
  label: string;
}

const GITHUB_NUMBERED = /^https?:\/\/github\.com\/([^/]+)\/([^/]+)\/(pull|issues)\/(\d+)/;

/** Guesses the kind of an upstream URL: PRs and issues on GitHub, enhancements (KEPs), docs, changelogs. */
export function toUpstreamKind(url: string): UpstreamKind {
  const numbered = GITHUB_NUMBERED.exec(url);
  if (numbered) {
    if (numbered[2] === 'enhancements' || numbered[2] === 'features') return 'kep';
    return numbered[3] === 'pull' ? 'pr' : 'issue';
  }
  if (/^https?:\/\/github\.com\/kubernetes\/enhancements\//.test(url)) return 'kep';
  if (/CHANGELOG/i.test(url)) return 'changelog';
  if (/^https?:\/\/kubernetes\.io\/docs\//.test(url)) return 'docs';
  return 'link';
}

/** A short label for an upstream URL: `#47290` for kubernetes/kubernetes, `kubernetes/release#356` elsewhere on GitHub, else the host and path. */
export function toUpstreamLabel(url: string): string {
  const numbered = GITHUB_NUMBERED.exec(url);
  if (numbered) {
    const [, owner, repo, , num] = numbered;
    return owner === 'kubernetes' && repo === 'kubernetes' ? `#${num}` : `${owner}/${repo}#${num}`;
  }
  const { host, pathname } = new URL(url);
  return `${host}${pathname.replace(/\/$/, '')}`;
}

/** Turns an upstream URL into a link with its kind and label filled in. */
export function toUpstreamLink(url: string): UpstreamLink {
  return { kind: toUpstreamKind(url), url, label: toUpstreamLabel(url) };
}
