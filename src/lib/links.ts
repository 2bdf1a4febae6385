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

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Any origin works: only paths are compared. `.invalid` can never be a real host. */
const LOCAL_ORIGIN = 'http://site.invalid';

const TAG =
  /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?|\s*\/)*)\s*>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** Comments, and the text of elements whose content is not markup (an inline script may contain `<a href>` in a string). */
const NOT_MARKUP =
  /<!--[\s\S]*?-->|(<(script|style|textarea|title)\b(?:"[^"]*"|'[^']*'|[^"'>])*>)[\s\S]*?<\/\2\s*>/gi;
const META_REFRESH = /^\s*\d+(?:\.\d*)?\s*(?:[;,]\s*(?:url\s*=\s*)?(["']?)(.*?)\1\s*)?$/i;
const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

/** Decodes the character references HTML allows in attribute values (`&amp;`, `&#39;`, `&#x2F;`, …). */
export function decodeEntities(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** Every start tag of a page, in order, skipping comments and the text of scripts and styles. */
export function scanTags(html: string): Tag[] {
  const markup = html.replace(NOT_MARKUP, (_whole, opening: string | undefined) => opening ?? '');
  return [...markup.matchAll(TAG)].map((match) => {
    const attributes: Record<string, string> = {};
    for (const attribute of (match[2] ?? '').matchAll(ATTRIBUTE)) {
      const name = (attribute[1] ?? '').toLowerCase();
      if (name in attributes) continue;
      attributes[name] = decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    return { name: (match[1] ?? '').toLowerCase(), attributes };
  });
}

/** The URL of a `<meta http-equiv="refresh" content="0; url=…">` content value, if it has one. */
export function refreshUrl(content: string): string | undefined {
  const url = META_REFRESH.exec(content)?.[2];
  return url ? url.trim() : undefined;
}

/** Every URL a page links to or loads: `href`/`src` of links, scripts, images and frames, and meta refresh targets. */
export function extractLinks(html: string): FoundLink[] {
  return scanTags(html).flatMap((tag): FoundLink[] => {
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
  const ids = new Set<string>();
  for (const tag of scanTags(html)) {
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
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let found = idsOf.get(file);
    if (!found) {
      found = extractIds(site.pages.get(file) ?? '');
      idsOf.set(file, found);
    }
    return found;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const [file, html] of [...site.pages].sort(([a], [b]) => a.localeCompare(b))) {
    const page = pageUrlOf(file, options.base);
    for (const link of extractLinks(html)) {
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
