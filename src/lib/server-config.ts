import { LANGS, type Lang } from '../schemas/fields.ts';
import { headerCsp, mergeCsp, type PageHead } from './csp.ts';
import { ACCEPTS_BROTLI, BROTLI_KINDS, brotliPathPattern } from './pagefind-brotli.ts';
import type { SiteRedirect } from './site-redirects.ts';

/** Everything the server configuration says, from the same data and build as the pages. */
export interface ServerModel {
  /** Path the site is served under, with both slashes (`/`, `/pict-notes/`). */
  base: string;
  /** Every redirect the site answers (see `siteRedirects`). */
  redirects: readonly SiteRedirect[];
  /** The Content-Security-Policy header of most pages (the meta policy plus `frame-ancestors`). */
  csp: string;
  /** Pages (site-relative files, e.g. `index.html`) whose header policy differs from `csp`, with theirs. */
  cspByPage: ReadonlyMap<string, string>;
  /** Every page's policy merged, in header form, for hosts that send one header for all pages. */
  mergedCsp: string;
  /** The not-found page (site-relative file) for each language folder, and for anything else. */
  notFound: Record<Lang, string> & { other: string };
  /** Folder of the content-hashed assets (Astro's `build.assets`), e.g. `_astro/`. */
  assets: string;
}

/**
 * The server model of a build: its redirects, and the policies of the pages the server answers with
 * (pages it redirects never reach a reader): the most common one is the default, the others are listed
 * by page. `heads` are the built pages (site-relative files) and what their heads say.
 */
export function serverModelOf(
  base: string,
  assets: string,
  redirects: readonly SiteRedirect[],
  heads: ReadonlyMap<string, PageHead>,
): ServerModel {
  const redirected = new Set(redirects.map((redirect) => `${redirect.from}index.html`));
  // Thousands of pages share a few policies: each is turned into its header form once.
  const headerOf = new Map<string, string>();
  const policies = [...heads].flatMap(([path, head]) => {
    if (head.csp === undefined || redirected.has(path)) return [];
    if (!headerOf.has(head.csp)) headerOf.set(head.csp, headerCsp(head.csp));
    return [[path, headerOf.get(head.csp) ?? ''] as const];
  });
  const byPolicy = Map.groupBy(policies, ([, policy]) => policy);
  const [csp] = [...byPolicy].sort((a, b) => b[1].length - a[1].length)[0] ?? [''];
  return {
    base,
    redirects,
    csp,
    cspByPage: new Map(policies.filter(([, policy]) => policy !== csp)),
    // Static hosts may serve every page, redirecting ones included.
    mergedCsp: headerCsp(mergeCsp(new Set([...heads.values()].flatMap((head) => head.csp ?? [])))),
    notFound: { zh: 'zh/404/index.html', en: 'en/404/index.html', other: '404.html' },
    assets,
  };
}

/** Site-relative URL paths of the pages a sitemap lists: not redirected by the server, not noindex. */
export function indexablePages(model: ServerModel, heads: ReadonlyMap<string, PageHead>): string[] {
  const redirected = new Set(model.redirects.map((redirect) => redirect.from));
  return [...heads].flatMap(([path, head]) => {
    if (head.noindex || !path.endsWith('index.html')) return [];
    const page = path.slice(0, -'index.html'.length);
    return redirected.has(page) ? [] : [page];
  });
}

/** The server configuration folder of an output folder: beside it (`dist-server/`), never inside, so it is never served. */
export function serverDirOf(outDir: string): string {
  return `${outDir.replace(/[\\/]+$/, '')}-server`;
}

/** Headers every response carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  // For browsers older than CSP's frame-ancestors.
  'X-Frame-Options': 'DENY',
};

/** Cache-Control of content-hashed assets (a changed file gets a new name) and of everything else. */
export const CACHE_CONTROL = {
  hashed: 'public, max-age=31536000, immutable',
  other: 'public, max-age=300',
} as const;

/**
 * Text files worth sending compressed. Pagefind's index, filter and fragment files and its WebAssembly
 * (`wasm.<lang>.pagefind`) are gzip inside already: its script unpacks them, so they are sent as they are.
 */
export const COMPRESSIBLE = /\.(?:html|css|m?js|json|csv|svg|xml|txt)$/;
/** Below this, gzip saves next to nothing. */
export const MIN_COMPRESS_BYTES = 256;

/**
 * zlib's default level: on the largest list page (1.6 MB) level 9 took 5× the time for 1.5 % fewer
 * bytes, and a rebuild compresses every list page again.
 */
export const GZIP_LEVEL = 6;

/** Content type of each kind of file the site has (extensions, space-separated). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  'text/html': 'html',
  'text/css': 'css',
  'text/javascript': 'js mjs',
  'application/json': 'json',
  'text/csv': 'csv',
  'image/svg+xml': 'svg',
  'application/xml': 'xml',
  'text/plain': 'txt',
  'application/wasm': 'wasm',
  'image/png': 'png',
  'image/x-icon': 'ico',
  'font/woff2': 'woff2',
};

const SAFE_PATH = /^[\w./-]*$/;

/** A site-relative path checked to be safe to write into a server configuration unquoted. */
function safePath(path: string): string {
  if (!SAFE_PATH.test(path)) throw new Error(`unsafe path for the server configuration: ${path}`);
  return path;
}

/** A quoted nginx string (policies contain spaces and single quotes, never `"`, `$` or `\\`). */
function quoted(value: string): string {
  if (/["$\\]/.test(value)) throw new Error(`cannot quote for nginx: ${value}`);
  return `"${value}"`;
}

/** A quoted nginx regular expression (a map key: `$` anchors, `\\` escapes). */
function quotedRegex(pattern: string): string {
  if (pattern.includes('"')) throw new Error(`cannot quote for nginx: ${pattern}`);
  return `"${pattern}"`;
}

const regexEscape = (path: string) => safePath(path).replace(/\./g, '\\.');

/** What follows the language segment of both targets of a language redirect (`items/x/` of `zh/items/x/`). */
function languageNeutralRest(toLang: Record<Lang, string>): string {
  const rests = LANGS.map((lang) => {
    const target = toLang[lang];
    if (!target.startsWith(`${lang}/`)) throw new Error(`not under /${lang}/: ${target}`);
    return target.slice(lang.length + 1);
  });
  if (new Set(rests).size !== 1) throw new Error(`targets differ beyond the language: ${rests}`);
  return rests[0] ?? '';
}

/** Where nginx sends a redirect, keeping the query string; language redirects use `$pict_lang`. */
function nginxTarget(base: string, redirect: SiteRedirect): string {
  const path =
    'to' in redirect
      ? safePath(redirect.to)
      : `$pict_lang/${safePath(languageNeutralRest(redirect.toLang))}`;
  return `${base}${path}$is_args$args`;
}

/** Top folders (or the root, `''`) holding language redirects: their answers vary with Accept-Language. */
function languageFolders(redirects: readonly SiteRedirect[]): string[] {
  const folders = redirects.flatMap((redirect) =>
    'toLang' in redirect ? [redirect.from.split('/')[0] ?? ''] : [],
  );
  return [...new Set(folders)];
}

// The first of Chinese or English the header names wins; Chinese when it names neither.
const PREFERS_ENGLISH = String.raw`~*^(?:\s*(?!(?:zh|en)(?:[-;,\s]|$))[^,]*,)*\s*en(?:[-;,\s]|$)`;

const GENERATED =
  '# Generated by `astro build` (src/integrations/server-config.ts) from the site data: do not edit, build again.';

/**
 * nginx `http {}`-level part: the maps the server part uses — the reader's language from
 * Accept-Language, each page's Content-Security-Policy (only HTML responses carry one), the cache
 * lifetime (hashed assets are immutable) and which answers vary with the language.
 */
export function nginxHttpConf(model: ServerModel): string {
  const base = safePath(model.base);
  const folders = languageFolders(model.redirects);
  return [
    GENERATED,
    '# Include inside `http { }`, once per nginx (the variable names are fixed).',
    '',
    'map $http_accept_language $pict_lang {',
    '  default zh;',
    `  ${quotedRegex(PREFERS_ENGLISH)} en;`,
    '}',
    '',
    'map $uri $pict_page_csp {',
    `  default ${quoted(model.csp)};`,
    ...[...model.cspByPage].map(
      ([file, csp]) => `  ${quotedRegex(`~^${regexEscape(base + file)}$`)} ${quoted(csp)};`,
    ),
    '}',
    '',
    'map $sent_http_content_type $pict_csp {',
    '  default "";',
    '  "~^text/html" $pict_page_csp;',
    '}',
    '',
    // Only a successful answer is immutable: a hashed name missing now may exist after the next deploy.
    'map "$status $uri" $pict_cache {',
    `  default ${quoted(CACHE_CONTROL.other)};`,
    `  ${quotedRegex(`~^(?:200|206|304) ${regexEscape(base + model.assets)}`)} ${quoted(CACHE_CONTROL.hashed)};`,
    '}',
    '',
    'map $uri $pict_vary {',
    '  default "";',
    ...folders.map((folder) =>
      folder === ''
        ? `  ${quoted(base)} Accept-Language;`
        : `  ${quotedRegex(`~^${regexEscape(`${base}${folder}/`)}`)} Accept-Language;`,
    ),
    '}',
    '',
    // Pagefind's files with a Brotli copy (see pagefind-brotli.ts): the copy's suffix when the browser
    // accepts Brotli, and the encoding to declare once `try_files` has picked the copy.
    'map $http_accept_encoding $pict_br_suffix {',
    '  default "";',
    `  ${quotedRegex(`~*${ACCEPTS_BROTLI}`)} .br;`,
    '}',
    '',
    'map $uri $pict_br_encoding {',
    '  default "";',
    `  ${quotedRegex(String.raw`~\.br$`)} br;`,
    '}',
    '',
  ].join('\n');
}

/**
 * nginx `server {}`-level part: one `location` for the base path with the headers, precompressed
 * files, the not-found page per language and an exact `location` per redirect. The including server
 * sets `root` to the folder that holds the site at the base path.
 */
export function nginxServerConf(model: ServerModel): string {
  const base = safePath(model.base);
  // Every answer's headers but Vary, which differs between the locations that set headers.
  const headers = [
    'add_header Content-Security-Policy $pict_csp always;',
    ...Object.entries(SECURITY_HEADERS).map(
      ([name, value]) => `add_header ${name} ${quoted(value)} always;`,
    ),
    'add_header Cache-Control $pict_cache always;',
  ];
  return [
    GENERATED,
    `# Include inside \`server { }\`, whose \`root\` holds the site at ${base} (see docs/deploying.md).`,
    '',
    ...(base === '/' ? [] : [`location = ${base.slice(0, -1)} { return 301 ${base}; }`, '']),
    `location ${base} {`,
    '  absolute_redirect off;',
    '  gzip_static on;',
    '  gzip_vary on;',
    // The site's own file kinds, so no system mime.types is needed (Debian's lacks csv and mjs);
    // text/html always has its charset.
    `  types { ${Object.entries(CONTENT_TYPES)
      .map(([type, extensions]) => `${type} ${extensions};`)
      .join(' ')} }`,
    '  default_type application/octet-stream;',
    '  charset utf-8;',
    `  charset_types ${Object.keys(CONTENT_TYPES)
      .filter((type) => type !== 'text/html' && /^text\/|json|xml|javascript/.test(type))
      .join(' ')};`,
    '  server_tokens off;',
    `  error_page 404 ${base}${safePath(model.notFound.other)};`,
    ...headers.map((header) => `  ${header}`),
    '  add_header Vary $pict_vary always;',
    '',
    // Pagefind's files with a Brotli copy, one location per content type (the copy's name ends in .br).
    // A location with headers of its own inherits none: it repeats them, varying with the encoding.
    ...BROTLI_KINDS.flatMap(({ type, names }) => [
      `  location ~ ${quotedRegex(`^${regexEscape(base)}${brotliPathPattern(names)}`)} {`,
      `    types { } default_type ${type};`,
      '    try_files $uri$pict_br_suffix $uri =404;',
      '    gzip_vary off;',
      '    add_header Content-Encoding $pict_br_encoding;',
      ...headers.map((header) => `    ${header}`),
      '    add_header Vary Accept-Encoding always;',
      '  }',
    ]),
    '',
    ...LANGS.map(
      (lang) =>
        `  location ${base}${lang}/ { error_page 404 ${base}${safePath(model.notFound[lang])}; }`,
    ),
    '',
    ...model.redirects.map(
      (redirect) =>
        `  location = ${base}${safePath(redirect.from)} { return ${redirect.status} ${nginxTarget(base, redirect)}; }`,
    ),
    '}',
    '',
  ].join('\n');
}

/** A short link of a live id (`i/x/` → `<lang>/items/x/`), which one pattern covers. */
function isPlainShortLink(redirect: SiteRedirect): boolean {
  if (!('toLang' in redirect)) return false;
  const id = /^i\/([^/]+)\/$/.exec(redirect.from)?.[1];
  return id !== undefined && languageNeutralRest(redirect.toLang) === `items/${id}/`;
}

/**
 * `_redirects` in the syntax Netlify defines and Cloudflare Pages and GitLab Pages read: fixed redirects
 * first, then one pattern for every live short link. Lines with `Language=en` are followed only by hosts
 * that know conditions (others skip the line), so short links elsewhere lead to Chinese; the root and
 * `/i/` have no unconditional line, so their page picks the browser's language. Missing pages under a
 * language folder get its not-found page where the host allows a 404 rule.
 */
export function redirectsFile(model: ServerModel): string {
  const base = safePath(model.base);
  const lines = model.redirects
    .filter((redirect) => !isPlainShortLink(redirect))
    .flatMap((redirect) => {
      const from = `${base}${safePath(redirect.from)}`;
      if ('to' in redirect) return [`${from} ${base}${safePath(redirect.to)} ${redirect.status}`];
      const rest = languageNeutralRest(redirect.toLang);
      const english = `${from} ${base}en/${rest} ${redirect.status} Language=en`;
      return redirect.from === '' || redirect.from === 'i/'
        ? [english]
        : [english, `${from} ${base}zh/${rest} ${redirect.status}`];
    });
  return [
    GENERATED,
    ...lines,
    `${base}i/:id/ ${base}en/items/:id/ 301 Language=en`,
    `${base}i/:id/ ${base}zh/items/:id/ 301`,
    ...LANGS.map(
      (lang) =>
        `${base}${lang}/* ${base}${safePath(model.notFound[lang]).replace(/index\.html$/, '')} 404`,
    ),
    '',
  ].join('\n');
}

/** `_headers` (Netlify, Cloudflare Pages): the security headers and one merged policy for every path, immutable hashed assets. */
export function headersFile(model: ServerModel): string {
  const base = safePath(model.base);
  return [
    GENERATED,
    `${base}*`,
    `  Content-Security-Policy: ${model.mergedCsp}`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
    `${base}${safePath(model.assets)}*`,
    `  Cache-Control: ${CACHE_CONTROL.hashed}`,
    '',
  ].join('\n');
}
