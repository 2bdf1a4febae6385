import { describe, expect, test } from 'vitest';
import { headerCsp, mergeCsp, parseCsp, readPageHead } from '../../src/lib/csp.ts';

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
