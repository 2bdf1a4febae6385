import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { ACCEPTS_BROTLI, BROTLI_COPIED, brotliCopyOf } from '../../src/lib/pagefind-brotli.ts';

// What Pagefind writes: gzip of its mark followed by the content.
const packed = (content: string) => gzipSync(Buffer.from(`pagefind_dcd${content}`));

describe('brotliCopyOf', () => {
  test('unpacks a Pagefind pack, so the browser hands Pagefind its mark and content', () => {
    const content = 'word positions '.repeat(200);
    const copy = brotliCopyOf('pagefind/pagefind.en_1.pf_meta', packed(content));
    expect(brotliDecompressSync(copy ?? Buffer.alloc(0)).toString()).toBe(`pagefind_dcd${content}`);
    expect(copy?.length).toBeLessThan(packed(content).length);
  });

  test('compresses a script as it is', () => {
    const script = 'export function search() { return 1; }\n'.repeat(50);
    const copy = brotliCopyOf('pagefind/pagefind.js', Buffer.from(script));
    expect(brotliDecompressSync(copy ?? Buffer.alloc(0)).toString()).toBe(script);
  });

  test.each([
    ['not gzip', Buffer.from('plain bytes')],
    ['gzip without Pagefind’s mark', gzipSync(Buffer.from('something else'))],
  ])('writes no copy of a packed kind that is %s', (_, bytes) => {
    expect(brotliCopyOf('pagefind/wasm.en.pagefind', bytes)).toBeUndefined();
  });
});

describe('BROTLI_COPIED', () => {
  test.each([
    ['pagefind/pagefind.js', true],
    ['pagefind/releases/kubernetes-1.7/pagefind.js', true],
    ['pagefind/releases/kubernetes-1.7/pagefind.zh-cn_39c1c2.pf_meta', true],
    ['pagefind/releases/kubernetes-1.7/wasm.unknown.pagefind', true],
    ['pagefind/releases/kubernetes-1.7/filter/en_e17c141.pf_filter', true],
    // A query's chunks and each result's fragment: too many to compress at Brotli's best.
    ['pagefind/releases/kubernetes-1.7/index/en_2fceb8d.pf_index', false],
    ['pagefind/releases/kubernetes-1.7/fragment/en_db51bf7.pf_fragment', false],
    ['pagefind/pagefind.js.gz', false],
    ['_astro/search.js', false],
  ])('%s: %s', (path, copied) => {
    expect(BROTLI_COPIED.test(path)).toBe(copied);
  });
});

describe('ACCEPTS_BROTLI (the nginx map uses it case-insensitively)', () => {
  const accepts = new RegExp(ACCEPTS_BROTLI, 'i');
  test.each([
    ['gzip, deflate, br, zstd', true],
    ['br', true],
    ['BR', true],
    ['gzip;q=1.0, br;q=0.5', true],
    ['br;q=1', true],
    ['gzip', false],
    ['', false],
    ['br;q=0, gzip', false],
    ['br;q=0.0', false],
    ['brotli', false],
    ['gzip, x-br', false],
  ])('%j: %s', (header, accepted) => {
    expect(accepts.test(header)).toBe(accepted);
  });
});
