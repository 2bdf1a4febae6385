import { describe, expect, test } from 'vitest';
import {
  switchLangPath,
  toEditUrl,
  toItemPath,
  toShortPath,
  toTicketUrl,
  withBase,
} from '../../src/lib/urls.ts';
import { toUpstreamLink } from '../../src/lib/upstream.ts';
import { splitInlineCode } from '../../src/lib/inline.ts';

describe.each([
  ['/', 'zh/', '/zh/'],
  ['/pict-notes/', 'zh/', '/pict-notes/zh/'],
  ['/pict-notes', '/notes.json', '/pict-notes/notes.json'],
])('withBase(%s, %s)', (base, path, expected) => {
  test(`returns ${expected}`, () => expect(withBase(base, path)).toBe(expected));
});

describe('toItemPath and toShortPath', () => {
  test('depend only on the language and the id', () => {
    expect(toItemPath('en', 'k8s-1.7-x')).toBe('en/items/k8s-1.7-x/');
    expect(toShortPath('k8s-1.7-x')).toBe('i/k8s-1.7-x/');
  });
});

describe.each([
  ['zh/items/a/', 'en', 'en/items/a/'],
  ['en/', 'zh', 'zh/'],
  ['en/releases/kubernetes-1.7/checklist/', 'zh', 'zh/releases/kubernetes-1.7/checklist/'],
] as const)('switchLangPath(%s, %s)', (path, lang, expected) => {
  test(`returns ${expected}`, () => expect(switchLangPath(path, lang)).toBe(expected));
});

describe('toTicketUrl', () => {
  test('fills the key into the tracker pattern', () => {
    expect(toTicketUrl('https://t.example/browse/{key}', 'PICT-12')).toBe(
      'https://t.example/browse/PICT-12',
    );
  });
});

describe('toEditUrl', () => {
  test('points at the file on the main branch', () => {
    expect(toEditUrl('https://git.example/p/', 'notes/a.md')).toBe(
      'https://git.example/p/edit/main/notes/a.md',
    );
  });
});

describe.each([
  ['https://github.com/kubernetes/kubernetes/pull/47290', 'pr', '#47290'],
  ['https://github.com/kubernetes/kubernetes/issues/48331', 'issue', '#48331'],
  ['https://github.com/kubernetes/release/pull/356', 'pr', 'kubernetes/release#356'],
  ['https://github.com/kubernetes/enhancements/issues/270', 'kep', 'kubernetes/enhancements#270'],
  [
    'https://kubernetes.io/docs/concepts/storage/volumes/',
    'docs',
    'kubernetes.io/docs/concepts/storage/volumes',
  ],
])('toUpstreamLink(%s)', (url, kind, label) => {
  test(`is a ${kind} labelled ${label}`, () =>
    expect(toUpstreamLink(url)).toEqual({ kind, url, label }));
});

describe('splitInlineCode', () => {
  test.each([
    ['plain', [{ code: false, text: 'plain' }]],
    [
      'use `--flag` now',
      [
        { code: false, text: 'use ' },
        { code: true, text: '--flag' },
        { code: false, text: ' now' },
      ],
    ],
    [
      '`a``b`',
      [
        { code: true, text: 'a' },
        { code: true, text: 'b' },
      ],
    ],
    ['a ` lone', [{ code: false, text: 'a ` lone' }]],
  ])('splits %j', (text, expected) => {
    expect(splitInlineCode(text)).toEqual(expected);
  });
});
