import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { headerCsp, mergeCsp, parseCsp, readPageHead, readPageHeadOf } from '../../src/lib/csp.ts';

const META = `default-src 'self';img-src 'self' data:; script-src 'self' 'sha256-A='; style-src 'self' 'sha256-B=';`;

describe('headerCsp', () => {
  test("keeps every directive and hash of the meta policy and adds frame-ancestors 'none'", () => {
    expect(headerCsp(META)).toBe(
      "default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-A='; style-src 'self' 'sha256-B='; frame-ancestors 'none'",
    );
  });
});

describe('mergeCsp', () => {
  test('allows what each policy allows, each source once, in first-seen order', () => {
    const merged = mergeCsp([META, "script-src 'self' 'sha256-C='; style-src 'self'"]);
    expect(parseCsp(merged).get('script-src')).toEqual(["'self'", "'sha256-A='", "'sha256-C='"]);
    expect(parseCsp(merged).get('style-src')).toEqual(["'self'", "'sha256-B='"]);
  });
});

describe('readPageHead', () => {
  test.each([
    [
      'a page',
      `<html><head><meta name="robots" content="noindex"><meta http-equiv="content-security-policy" content="${META}"></head><body><meta name="x"></body>`,
      { csp: META, noindex: true },
    ],
    [
      'an indexable page with entities in its policy',
      `<head><meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;"></head>`,
      { csp: "default-src 'self'", noindex: false },
    ],
    ['a page without either', '<head><title>x</title></head>', { csp: undefined, noindex: false }],
  ])('reads %s', (_, html, expected) => {
    expect(readPageHead(html)).toEqual(expected);
  });
});

describe('readPageHeadOf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pict-csp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const policy = `<meta http-equiv="content-security-policy" content="${META}">`;
  const robots = '<meta name="robots" content="noindex">';
  // 16 KB is what it reads first; "长" is three bytes, so the cut falls inside a character.
  const long = (size: number) => '长'.repeat(Math.ceil(size / 3));
  test.each([
    ['a short page', `<head>${policy}${robots}</head><body>x</body>`],
    ['a head within 16 KB, a long body', `<head>${policy}</head><body>${long(40_000)}</body>`],
    [
      'a head past 16 KB (its policy after a long title)',
      `<head><title>${long(20_000)}</title>${policy}${robots}</head><body></body>`,
    ],
    ['a long page without </head>', `<meta name="robots" content="noindex">${long(30_000)}`],
    ['a `</head>` cut by the 16 KB mark', `<head>${'x'.repeat(16 * 1024 - 9)}${policy}</head>`],
  ])('reads %s as readPageHead reads the whole page', (name, html) => {
    const file = join(dir, `${name.length}-${html.length}.html`);
    writeFileSync(file, html);
    expect(readPageHeadOf(file)).toEqual(readPageHead(html));
  });
});
