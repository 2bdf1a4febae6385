import { describe, expect, test } from 'vitest';
import { checkLinks, folderPrefixes, type SiteFiles } from '../../src/lib/links.ts';

describe.each<[string, string[]]>([
  ['index.html', []],
  ['404.html', ['']],
  ['zh/index.html', ['']],
  ['zh/items/x/index.html', ['zh/items/', 'zh/', '']],
  ['zh/upgrade/a/b/index.html', ['zh/upgrade/a/', 'zh/upgrade/', 'zh/', '']],
])('folderPrefixes(%j)', (file, expected) => {
  test(`returns ${JSON.stringify(expected)}`, () => {
    expect(folderPrefixes(file)).toEqual(expected);
  });
});

describe('checkLinks with folders', () => {
  const site = (files: string[]): SiteFiles => ({
    pages: new Map(files.filter((file) => file.endsWith('.html')).map((file) => [file, ''])),
    files: new Set(files),
  });

  test('reports each folder above a page that has no page, once per page, under the base', () => {
    const report = checkLinks(
      site(['index.html', 'zh/index.html', 'zh/items/a/index.html', 'zh/upgrade/a/b/index.html']),
      { base: '/pict-notes/', folders: true },
    );
    expect(report.broken).toEqual([
      {
        page: '/pict-notes/zh/items/a/',
        href: '/pict-notes/zh/items/',
        reason: 'folder of the page has no page',
      },
      {
        page: '/pict-notes/zh/upgrade/a/b/',
        href: '/pict-notes/zh/upgrade/a/',
        reason: 'folder of the page has no page',
      },
      {
        page: '/pict-notes/zh/upgrade/a/b/',
        href: '/pict-notes/zh/upgrade/',
        reason: 'folder of the page has no page',
      },
    ]);
    expect(report.links).toBe(8);
  });

  test('passes a site whose every folder has a page, and ignores folders without the option', () => {
    const complete = site([
      'index.html',
      'zh/index.html',
      'zh/items/index.html',
      'zh/items/a/index.html',
    ]);
    expect(checkLinks(complete, { base: '/', folders: true }).broken).toEqual([]);
    expect(checkLinks(site(['zh/items/a/index.html']), { base: '/' }).broken).toEqual([]);
  });
});
