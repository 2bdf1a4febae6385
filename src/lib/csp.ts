import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { scanTags } from './links.ts';

/** A Content-Security-Policy as its directives: name → sources, in the order written. */
export type CspDirectives = Map<string, string[]>;

/** Parses a policy (`default-src 'self'; script-src 'self' 'sha256-…'`) into its directives. */
export function parseCsp(policy: string): CspDirectives {
  const directives: CspDirectives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Writes directives back as one policy, `; `-separated. */
export function formatCsp(directives: CspDirectives): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * The policy a server sends for a page whose `<meta>` says `policy`: the same directives and hashes,
 * plus what only a header can carry — `frame-ancestors 'none'` (no site may frame the pages).
 */
export function headerCsp(policy: string): string {
  const directives = parseCsp(policy);
  directives.set('frame-ancestors', ["'none'"]);
  return formatCsp(directives);
}

/**
 * One policy allowing what each of `policies` allows (sources of each directive merged, in first-seen
 * order), for hosts that send one header for every page: each page's own `<meta>` policy still applies
 * on top of it, so a page gets no more than its meta allows.
 */
export function mergeCsp(policies: Iterable<string>): string {
  const merged: CspDirectives = new Map();
  for (const policy of policies) {
    for (const [name, sources] of parseCsp(policy)) {
      const known = merged.get(name) ?? [];
      merged.set(name, [...known, ...sources.filter((source) => !known.includes(source))]);
    }
  }
  return formatCsp(merged);
}

/** What a server needs to know of a built page: its `<meta>` policy, and whether it asks not to be indexed. */
export interface PageHead {
  csp: string | undefined;
  noindex: boolean;
}

/** Reads a page's head: the policy of `<meta http-equiv="content-security-policy">` and `<meta name="robots">`. */
export function readPageHead(html: string): PageHead {
  const end = html.search(/<\/head\s*>/i);
  const metas = scanTags(end < 0 ? html : html.slice(0, end)).filter((tag) => tag.name === 'meta');
  const csp = metas.find(
    (tag) => tag.attributes['http-equiv']?.toLowerCase() === 'content-security-policy',
  )?.attributes['content'];
  const robots = metas.find((tag) => tag.attributes['name']?.toLowerCase() === 'robots');
  return { csp, noindex: /\bnoindex\b/i.test(robots?.attributes['content'] ?? '') };
}

/** Bytes of a page read to find its head: every page's head is a few kilobytes. */
const HEAD_BYTES = 16 * 1024;

/**
 * A page's head as `readPageHead` reads it, from the page's first bytes when they hold `</head>`,
 * else from the whole page: a cold build reads 15,600 pages (340 MB), and reading each whole as text
 * for a head of about 2 KB cost seconds of CPU and garbage collection.
 */
export function readPageHeadOf(file: string): PageHead {
  const start = Buffer.alloc(HEAD_BYTES);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, start, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const text = start.toString('utf8', 0, length);
  const end = text.search(/<\/head\s*>/i);
  // A character cut at the end of the bytes read lies after `</head>`, which readPageHead ignores.
  return readPageHead(end >= 0 || length < HEAD_BYTES ? text : readFileSync(file, 'utf8'));
}
