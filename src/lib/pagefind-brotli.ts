import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';

/**
 * Pagefind's files that get a Brotli copy, by the content type nginx sends them with (`names`: their
 * paths inside a bundle folder, as a pattern): its scripts, and the packed metadata, WebAssembly and
 * filters, which a first search fetches whatever the query. Not the index chunks or fragments: at the
 * 5,000-note benchmark Brotli's best quality took 8.4 s of CPU for the 209 chunks (13 % smaller, about
 * 2–3 KB per word searched) against 0.9 s for these 22 files; quality 9 took 2.3 s for 4 %.
 */
export const BROTLI_KINDS: readonly { type: string; names: string }[] = [
  { type: 'text/javascript', names: String.raw`[^/]+\.js` },
  {
    type: 'application/octet-stream',
    names: String.raw`[^/]+\.pf_meta|wasm\.[^/]+\.pagefind|filter/[^/]+\.pf_filter`,
  },
];

/** A pattern of the site-relative paths of the files of `names`, in any of Pagefind's bundle folders. */
export function brotliPathPattern(names: string): string {
  return String.raw`pagefind/(?:[^/]+/)*(?:${names})$`;
}

/** The site-relative paths of every file that gets a Brotli copy. */
export const BROTLI_COPIED = new RegExp(
  String.raw`(?:^|/)${brotliPathPattern(BROTLI_KINDS.map(({ names }) => names).join('|'))}`,
);

/**
 * What Pagefind's script finds at the start of a file it has unpacked, and of a file someone else
 * unpacked: it then uses the rest as it is (so a browser may unpack the file for it).
 */
const UNPACKED_MARK = Buffer.from('pagefind_dcd');

const brotliBest = (bytes: Uint8Array) =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });

/**
 * The Brotli copy of one of Pagefind's files, at Brotli's best quality: a script as it is; a file
 * Pagefind packed with gzip unpacked first (its content starts with Pagefind's mark), 10–20 % smaller
 * than Pagefind's gzip. A server sends it with `Content-Encoding: br` to browsers that accept Brotli;
 * Pagefind's script then finds the mark and skips its own unpacking. `undefined` for a file that
 * should be packed and is not.
 */
export function brotliCopyOf(path: string, bytes: Uint8Array): Buffer | undefined {
  if (path.endsWith('.js')) return brotliBest(bytes);
  let unpacked: Buffer;
  try {
    unpacked = gunzipSync(bytes);
  } catch {
    return undefined;
  }
  if (!unpacked.subarray(0, UNPACKED_MARK.length).equals(UNPACKED_MARK)) return undefined;
  return brotliBest(unpacked);
}

/**
 * Whether an `Accept-Encoding` header accepts Brotli (`br`, with no `q=0`). The nginx configuration
 * uses the same pattern (PCRE and JavaScript read it alike).
 */
export const ACCEPTS_BROTLI = String.raw`(?:^|,)\s*br\s*(?:$|,|;\s*q\s*=\s*(?!0(?:\.0*)?\s*(?:,|$)))`;
