import { describe, expect, test } from 'vitest';
import {
  checkLinks,
  extractIds,
  extractLinks,
  fileForPath,
  formatBrokenLink,
  formatSummary,
  normalizeBase,
  pageUrlOf,
  refreshUrl,
  resolveLink,
  scanTags,
  type FoundLink,
  type LinkOptions,
  type LinkTarget,
  type SiteFiles,
} from '../../src/lib/links.ts';

const ROOT: LinkOptions = { base: '/' };
const SUB: LinkOptions = { base: '/pict-notes/' };
const WITH_SITE: LinkOptions = { base: '/', site: 'https://pict-notes.internal' };

/** A site from pages (path → HTML) plus other files. */
function site(pages: Record<string, string>, others: string[] = []): SiteFiles {
  return {
    pages: new Map(Object.entries(pages)),
    files: new Set([...Object.keys(pages), ...others]),
  };
}

describe.each<[string, string, FoundLink[]]>([
  ['a link', '<a href="/zh/">中文</a>', [{ tag: 'a', attribute: 'href', value: '/zh/' }]],
  [
    'a stylesheet',
    '<link rel="stylesheet" href="/_astro/a.css">',
    [{ tag: 'link', attribute: 'href', value: '/_astro/a.css' }],
  ],
  [
    'a script',
    '<script type="module" src="/theme.js"></script>',
    [{ tag: 'script', attribute: 'src', value: '/theme.js' }],
  ],
  [
    'an image',
    '<img alt="" src="chart.svg" />',
    [{ tag: 'img', attribute: 'src', value: 'chart.svg' }],
  ],
  [
    'a meta refresh',
    '<meta http-equiv="refresh" content="0; url=/zh/items/a/">',
    [{ tag: 'meta', attribute: 'content', value: '/zh/items/a/' }],
  ],
  [
    'an upper-case meta refresh with a quoted URL',
    `<META HTTP-EQUIV="Refresh" CONTENT="0;URL='/en/'">`,
    [{ tag: 'meta', attribute: 'content', value: '/en/' }],
  ],
  [
    'an escaped ampersand',
    '<a href="?impact=none&amp;team=ops">x</a>',
    [{ tag: 'a', attribute: 'href', value: '?impact=none&team=ops' }],
  ],
  [
    'single-quoted and unquoted values',
    `<a href='/a/'>a</a><A HREF=/b/>b</A>`,
    [
      { tag: 'a', attribute: 'href', value: '/a/' },
      { tag: 'a', attribute: 'href', value: '/b/' },
    ],
  ],
  [
    'a value holding >',
    '<a title="a > b" href="/x/">x</a>',
    [{ tag: 'a', attribute: 'href', value: '/x/' }],
  ],
  [
    'links across lines',
    '<a\n  class="item-title"\n  href="/zh/items/a/"\n>a</a>',
    [{ tag: 'a', attribute: 'href', value: '/zh/items/a/' }],
  ],
  ['no link in a comment', '<!-- <a href="/gone/">gone</a> -->', []],
  ['no link in script text', `<script>const s = '<a href="/gone/">';</script>`, []],
  ['no link in style text', '<style>a[href="/x/"] { color: red }</style>', []],
  ['no data attribute', '<button data-href="/i/a/">copy</button>', []],
  ['no other meta', '<meta name="description" content="0; url=/gone/">', []],
  ['no anchor without href', '<a id="top">top</a>', []],
])('extractLinks finds %s', (_what, html, expected) => {
  test('returns the URL with its tag and attribute', () => {
    expect(extractLinks(html)).toEqual(expected);
  });
});

describe('extractIds', () => {
  test('returns every id and the name of anchors', () => {
    const html =
      '<main id="main"><li class="item" id="k8s-1.7-a"></li><a name="legacy"></a><input name="impact"></main>';
    expect([...extractIds(html)].sort()).toEqual(['k8s-1.7-a', 'legacy', 'main']);
  });

  test('returns no id from a comment or script text', () => {
    expect(extractIds('<!-- <p id="a"> --><script>"<p id=b>"</script>')).toEqual(new Set());
  });
});

describe('scanTags', () => {
  test('returns the first of repeated attributes, names lower-cased, bare attributes empty', () => {
    expect(scanTags('<INPUT Type="checkbox" type="radio" checked>')).toEqual([
      { name: 'input', attributes: { type: 'checkbox', checked: '' } },
    ]);
  });

  test('returns the tags written, not those the parser implies', () => {
    expect(scanTags('<table><tr><td>x</td></tr></table>').map((tag) => tag.name)).toEqual([
      'table',
      'tr',
      'td',
    ]);
  });

  test('reads the content of a template element', () => {
    expect(scanTags('<template><a href="/x/">x</a></template>').map((tag) => tag.name)).toEqual([
      'template',
      'a',
    ]);
  });
});

describe.each([
  ['a&amp;b', 'a&b'],
  ['&lt;b&gt; &quot;q&quot; &apos;', `<b> "q" '`],
  ['&#39;&#x2F;&#X41;', "'/A"],
  ['&unknown; &#0; & alone', '&unknown; \uFFFD & alone'],
])('an attribute value %j', (value, expected) => {
  test(`is read as ${JSON.stringify(expected)}`, () =>
    expect(scanTags(`<a title="${value}">`)[0]?.attributes['title']).toBe(expected));
});

describe.each([
  ['0; url=/zh/', '/zh/'],
  ['0;URL=/zh/', '/zh/'],
  [`0; url='/zh/items/a/'`, '/zh/items/a/'],
  ['0; /en/', '/en/'],
  ['3', undefined],
  ['soon', undefined],
])('refreshUrl(%j)', (content, expected) => {
  test(`returns ${String(expected)}`, () => expect(refreshUrl(content)).toBe(expected));
});

describe.each([
  ['/', '/'],
  ['', '/'],
  ['pict-notes', '/pict-notes/'],
  ['/pict-notes', '/pict-notes/'],
  ['/a/b/', '/a/b/'],
])('normalizeBase(%j)', (base, expected) => {
  test(`returns ${expected}`, () => expect(normalizeBase(base)).toBe(expected));
});

describe.each([
  ['index.html', '/', '/'],
  ['zh/index.html', '/', '/zh/'],
  ['zh/items/a/index.html', '/pict-notes/', '/pict-notes/zh/items/a/'],
  ['404.html', '/', '/404.html'],
])('pageUrlOf(%s, %s)', (file, base, expected) => {
  test(`returns ${expected}`, () => expect(pageUrlOf(file, base)).toBe(expected));
});

const internal = (path: string, fragment = ''): LinkTarget => ({
  kind: 'internal',
  path,
  fragment,
});
const external: LinkTarget = { kind: 'external' };
const outside = (path: string): LinkTarget => ({ kind: 'outside-base', path });
const malformed: LinkTarget = { kind: 'malformed' };

describe.each<[string, string, LinkOptions, LinkTarget]>([
  ['/zh/items/a/', '/en/', ROOT, internal('zh/items/a/')],
  ['../b/', '/zh/items/a/', ROOT, internal('zh/items/b/')],
  ['b/#x', '/zh/items/', ROOT, internal('zh/items/b/', 'x')],
  ['#main', '/zh/', ROOT, internal('zh/', 'main')],
  ['#', '/zh/', ROOT, internal('zh/')],
  ['', '/zh/teams/', ROOT, internal('zh/teams/')],
  ['?impact=attention', '/zh/releases/r/', ROOT, internal('zh/releases/r/')],
  ['/notes.json', '/zh/', ROOT, internal('notes.json')],
  ['%E4%B8%AD/#%E6%96%87', '/zh/', ROOT, internal('zh/中/', '文')],
  ['https://github.com/kubernetes/kubernetes/pull/1', '/zh/', ROOT, external],
  ['//cdn.example/x.js', '/zh/', ROOT, external],
  ['mailto:ops@pict.internal', '/zh/', ROOT, external],
  ['data:image/png;base64,AAAA', '/zh/', ROOT, external],
  ['javascript:void(0)', '/zh/', ROOT, external],
  ['https://pict-notes.internal/zh/#main', '/en/', WITH_SITE, internal('zh/', 'main')],
  ['//pict-notes.internal/en/', '/en/', WITH_SITE, external],
  ['http://pict-notes.internal/zh/', '/en/', WITH_SITE, external],
  ['https://pict-notes.internal/zh/', '/en/', ROOT, external],
  ['/pict-notes/zh/', '/pict-notes/en/', SUB, internal('zh/')],
  ['/pict-notes', '/pict-notes/en/', SUB, internal('')],
  ['../zh/', '/pict-notes/en/', SUB, internal('zh/')],
  ['#main', '/pict-notes/en/', SUB, internal('en/', 'main')],
  ['/zh/', '/pict-notes/en/', SUB, outside('/zh/')],
  ['/pict-notesx/', '/pict-notes/en/', SUB, outside('/pict-notesx/')],
  ['../../theme.js', '/pict-notes/en/', SUB, outside('/theme.js')],
  ['/%E0%A4%A/', '/zh/', ROOT, malformed],
  ['http://[oops/', '/zh/', ROOT, malformed],
])('resolveLink(%j) on %s', (href, page, options, expected) => {
  test(`returns ${JSON.stringify(expected)} with base ${options.base}`, () => {
    expect(resolveLink(href, page, options)).toEqual(expected);
  });
});

describe.each([
  ['', 'index.html'],
  ['zh/', 'zh/index.html'],
  ['zh', 'zh/index.html'],
  ['zh/index.html', 'zh/index.html'],
  ['notes.json', 'notes.json'],
  ['gone/', undefined],
  ['notes.json/', undefined],
])('fileForPath(%j)', (path, expected) => {
  test(`returns ${String(expected)}`, () => {
    const files = new Set(['index.html', 'zh/index.html', 'notes.json']);
    expect(fileForPath(path, files)).toBe(expected);
  });
});

describe('checkLinks', () => {
  const pages = {
    'index.html': '<meta http-equiv="refresh" content="0; url=/zh/"><a href="zh/">zh</a>',
    'zh/index.html': [
      '<a href="#main">skip</a><main id="main">',
      '<a href="#">top</a><a href="/zh/items/a/#k8s">a</a><a href="/zh/items/a/#gone">a</a>',
      '<a href="/zh/gone/">gone</a><a href="https://github.com/">up</a>',
      '<link rel="stylesheet" href="/_astro/a.css"><script src="/_astro/missing.js"></script>',
      '<a href="/notes.json">json</a><a href="/notes.json#x">json</a></main>',
    ].join(''),
    'zh/items/a/index.html': '<h1 id="k8s">a</h1><a href="../../">home</a>',
  };
  const report = checkLinks(site(pages, ['notes.json', '_astro/a.css']), ROOT);

  test('returns each link that leads to no file or no element, with the page it is on', () => {
    expect(report.broken).toEqual([
      { page: '/zh/', href: '/zh/items/a/#gone', reason: 'no element with id "gone"' },
      { page: '/zh/', href: '/zh/gone/', reason: 'not found' },
      { page: '/zh/', href: '/_astro/missing.js', reason: 'not found' },
      { page: '/zh/', href: '/notes.json#x', reason: 'no element with id "x"' },
    ]);
  });

  test('counts the pages and the internal links only', () => {
    expect(report).toMatchObject({ pages: 3, links: 12 });
  });

  test('returns nothing broken for the same site under a base path, written with the base', () => {
    const withBase = Object.fromEntries(
      Object.entries(pages).map(([file, html]) => [
        file,
        html.replaceAll('"/', '"/pict-notes/').replace('url=/zh/', 'url=/pict-notes/zh/'),
      ]),
    );
    const broken = checkLinks(site(withBase, ['notes.json', '_astro/a.css']), SUB).broken;
    expect(broken.map((link) => link.href)).toEqual([
      '/pict-notes/zh/items/a/#gone',
      '/pict-notes/zh/gone/',
      '/pict-notes/_astro/missing.js',
      '/pict-notes/notes.json#x',
    ]);
  });

  test('returns root-relative links of a base-path site as outside the base', () => {
    const base = site({ 'index.html': '<a href="/zh/">zh</a><a href="zh/">zh</a>' }, [
      'zh/index.html',
    ]);
    expect(checkLinks(base, SUB).broken).toEqual([
      { page: '/pict-notes/', href: '/zh/', reason: 'outside the base path /pict-notes/' },
    ]);
  });

  test('returns absolute links to the site itself when they lead nowhere', () => {
    const absolute = site({
      'index.html':
        '<link rel="canonical" href="https://pict-notes.internal/"><a href="https://pict-notes.internal/gone/">x</a>',
    });
    expect(checkLinks(absolute, WITH_SITE).broken.map((link) => link.href)).toEqual([
      'https://pict-notes.internal/gone/',
    ]);
  });
});

describe('formatBrokenLink', () => {
  test('returns page → href (reason)', () => {
    expect(formatBrokenLink({ page: '/zh/', href: '/zh/gone/', reason: 'not found' })).toBe(
      '/zh/ → /zh/gone/ (not found)',
    );
  });
});

describe('formatSummary', () => {
  test('returns one line with the number of links and pages', () => {
    expect(formatSummary({ broken: [], pages: 3, links: 12 })).toBe(
      'All 12 internal links on 3 pages resolve.',
    );
  });
});
