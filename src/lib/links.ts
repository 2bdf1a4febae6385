import { parse, type DefaultTreeAdapterMap } from 'parse5';

/** An HTML start tag: its lower-case name and attributes (names lower-cased, values decoded). */
export interface Tag {
  name: string;
  attributes: Record<string, string>;
}

/** A URL written in a page: the tag and attribute it came from, and the value as written (decoded). */
export interface FoundLink {
  tag: string;
  attribute: string;
  value: string;
}

/** Where a link leads: a file of the site (`path` relative to the site root, decoded), somewhere else, or nowhere valid. */
export type LinkTarget =
  | { kind: 'internal'; path: string; fragment: string }
  | { kind: 'external' }
  | { kind: 'outside-base'; path: string }
  | { kind: 'malformed' };

/** A link that does not lead to a file of the site or to an element of its target page. */
export interface BrokenLink {
  /** URL path of the page the link is on, e.g. `/pict-notes/zh/`. */
  page: string;
  /** The link as written. */
  href: string;
  reason: string;
}

/** A built site: its HTML pages' text and every file, both keyed by path relative to the output folder (`/`-separated). */
export interface SiteFiles {
  pages: ReadonlyMap<string, string>;
  files: ReadonlySet<string>;
}

/**
 * How the site is served: its base path and, optionally, its absolute origin (links to it count as
 * internal); with `folders`, every folder above a page counts as a link that must resolve.
 */
export interface LinkOptions {
  base: string;
  site?: string;
  folders?: boolean;
}

/** What a check found: the broken links and how many pages and internal links it looked at. */
export interface LinkReport {
  broken: BrokenLink[];
  pages: number;
  links: number;
}

/** Which attributes of which elements hold a URL the browser loads or navigates to. */
const URL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  source: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  embed: ['src'],
};

/** Any origin works: only paths are compared. `.invalid` can never be a real host. */
const LOCAL_ORIGIN = 'http://site.invalid';

const META_REFRESH = /^\s*\d+(?:\.\d*)?\s*(?:[;,]\s*(?:url\s*=\s*)?(["']?)(.*?)\1\s*)?$/i;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

type Node = DefaultTreeAdapterMap['node'];

/**
 * Every start tag written in a page or fragment, in order, as an HTML parser (parse5) reads it:
 * comments and the text of scripts and styles are not markup; elements the parser implies (a
 * fragment's `<html>`, `<body>`) are left out, since they were not written.
 */
export function scanTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      if (node.sourceCodeLocation) {
        const attributes: Record<string, string> = {};
        for (const { prefix, name, value } of node.attrs) {
          attributes[(prefix ? `${prefix}:${name}` : name).toLowerCase()] = value;
        }
        tags.push({ name: node.tagName.toLowerCase(), attributes });
      }
      if (node.tagName === 'template') visit((node as DefaultTreeAdapterMap['template']).content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  return tags;
}

/** The URL of a `<meta http-equiv="refresh" content="0; url=…">` content value, if it has one. */
export function refreshUrl(content: string): string | undefined {
  const url = META_REFRESH.exec(content)?.[2];
  return url ? url.trim() : undefined;
}

/** Every URL a page links to or loads: `href`/`src` of links, scripts, images and frames, and meta refresh targets. */
export function extractLinks(html: string): FoundLink[] {
  return linksIn(scanTags(html));
}

function linksIn(tags: readonly Tag[]): FoundLink[] {
  return tags.flatMap((tag): FoundLink[] => {
    if (tag.name === 'meta') {
      const refresh = tag.attributes['http-equiv']?.toLowerCase() === 'refresh';
      const url = refresh ? refreshUrl(tag.attributes['content'] ?? '') : undefined;
      return url === undefined ? [] : [{ tag: 'meta', attribute: 'content', value: url }];
    }
    return (URL_ATTRIBUTES[tag.name] ?? []).flatMap((attribute) => {
      const value = tag.attributes[attribute];
      return value === undefined ? [] : [{ tag: tag.name, attribute, value }];
    });
  });
}

/** The fragment targets of a page: every `id`, and the `name` of `<a>` elements. */
export function extractIds(html: string): Set<string> {
  return idsIn(scanTags(html));
}

function idsIn(tags: readonly Tag[]): Set<string> {
  const ids = new Set<string>();
  for (const tag of tags) {
    const id = tag.attributes['id'];
    if (id) ids.add(id);
    const name = tag.attributes['name'];
    if (tag.name === 'a' && name) ids.add(name);
  }
  return ids;
}

/** A base path with exactly one leading and one trailing slash (`pict-notes` → `/pict-notes/`). */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** URL path of the page a built file is served as: `zh/index.html` → `<base>zh/`, `404.html` → `<base>404.html`. */
export function pageUrlOf(file: string, base: string): string {
  const path = file === 'index.html' ? '' : file.replace(/\/index\.html$/, '/');
  return `${normalizeBase(base)}${path}`;
}

/** Resolves a link written on the page at URL path `pageUrl`; internal paths come back relative to the base. */
export function resolveLink(href: string, pageUrl: string, options: LinkOptions): LinkTarget {
  const value = href.trim();
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return { kind: 'external' };
  let url: URL;
  try {
    url = new URL(value, `${LOCAL_ORIGIN}${pageUrl}`);
  } catch {
    return { kind: 'malformed' };
  }
  const absolute = scheme !== undefined || value.startsWith('//');
  if (absolute && (!options.site || url.origin !== new URL(options.site).origin)) {
    return { kind: 'external' };
  }
  const base = normalizeBase(options.base);
  if (url.pathname !== base.slice(0, -1) && !url.pathname.startsWith(base)) {
    return { kind: 'outside-base', path: url.pathname };
  }
  try {
    return {
      kind: 'internal',
      path: decodeURIComponent(url.pathname.slice(base.length)),
      fragment: decodeURIComponent(url.hash.slice(1)),
    };
  } catch {
    return { kind: 'malformed' };
  }
}

/** The file a site-relative path is served from: a folder (`zh/` or `zh`) serves its `index.html`. */
export function fileForPath(path: string, files: ReadonlySet<string>): string | undefined {
  const candidates =
    path === '' || path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find((candidate) => files.has(candidate));
}

/**
 * The folders above a built page that a reader may trim its URL back to, nearest first:
 * `zh/items/x/index.html` → `zh/items/`, `zh/`, `` (the site root).
 */
export function folderPrefixes(file: string): string[] {
  const folders = file.split('/').slice(0, -1);
  if (file.endsWith('/index.html') || file === 'index.html') folders.pop();
  return folders
    .map((_, index) => `${folders.slice(0, folders.length - index).join('/')}/`)
    .concat(file === 'index.html' ? [] : ['']);
}

/**
 * Checks every internal link of every page: it must lead to a file, and its fragment to an id on that
 * page. With `options.folders`, every folder above a page counts as a link too (a reader trims
 * `/zh/items/x/` to `/zh/items/`), so each must have a page.
 */
export function checkLinks(site: SiteFiles, options: LinkOptions): LinkReport {
  // Each page is parsed once, for both its links and the ids other pages' fragments point at.
  const scanned = new Map(
    [...site.pages].map(([file, html]) => {
      const tags = scanTags(html);
      return [file, { links: linksIn(tags), ids: idsIn(tags) }] as const;
    }),
  );
  const ids = (file: string) => scanned.get(file)?.ids ?? new Set<string>();
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [file, { links: found }] of [...scanned].sort(([a], [b]) => a.localeCompare(b))) {
    const page = pageUrlOf(file, options.base);
    for (const link of found) {
      const target = resolveLink(link.value, page, options);
      if (target.kind === 'external') continue;
      links += 1;
      const reason = brokenReason(target, site, ids, options);
      if (reason) broken.push({ page, href: link.value, reason });
    }
    for (const folder of options.folders ? folderPrefixes(file) : []) {
      links += 1;
      if (!fileForPath(folder, site.files)) {
        broken.push({
          page,
          href: `${normalizeBase(options.base)}${folder}`,
          reason: 'folder of the page has no page',
        });
      }
    }
  }
  return { broken, pages: site.pages.size, links };
}

function brokenReason(
  target: Exclude<LinkTarget, { kind: 'external' }>,
  site: SiteFiles,
  ids: (file: string) => Set<string>,
  options: LinkOptions,
): string | undefined {
  if (target.kind === 'malformed') return 'malformed URL';
  if (target.kind === 'outside-base') {
    return `outside the base path ${normalizeBase(options.base)}`;
  }
  const file = fileForPath(target.path, site.files);
  if (!file) return 'not found';
  if (target.fragment && !ids(file).has(target.fragment)) {
    return `no element with id "${target.fragment}"`;
  }
  return undefined;
}

/** One line for a broken link: `page → href (reason)`. */
export function formatBrokenLink(link: BrokenLink): string {
  return `${link.page} → ${link.href} (${link.reason})`;
}

/** One line summing up a check that found nothing broken. */
export function formatSummary(report: LinkReport): string {
  return `All ${report.links} internal links on ${report.pages} pages resolve.`;
}
