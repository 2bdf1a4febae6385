/**
 * `npm run bench`: builds a synthetic corpus (default 5,000 notes over 20 releases) with the real
 * pipeline and prints build time, peak memory, pages, dist size, gzipped page weights and one-note rebuilds.
 * Options: --notes N (total), --releases N, --rebuilds N (one-note rebuilds, default 5), --keep (leave
 * the temporary folder), --peer-dist DIR (the Starlight harness's build of the same corpus, whose
 * search bench:search measures side by side), --bundle-notes N (also build the corpus with
 * `PICT_SEARCH_BUNDLE_NOTES=N`, into its own output and cache, and alternate the one-note rebuilds of
 * both layouts: the machine's load drifts, so alternating keeps the comparison fair).
 *
 * `npm run bench -- --peer <starlight peer folder> [--runs 3]`: instead, builds the same corpus with
 * this project and with the Astro Starlight peer (shared/peers/starlight), cold, alternating, and
 * prints the median and range of wall time, CPU time and peak memory of each, and their ratio.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { writeCorpusSite } from './bench/corpus-site.ts';
import { largestPages } from './bench/page-sizes.ts';
import {
  alternate,
  canMeasure,
  projectBuilder,
  sideBySideReport,
  starlightBuilder,
} from './bench/side-by-side.ts';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '5000' },
    releases: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
    rebuilds: { type: 'string', default: '5' },
    'bundle-notes': { type: 'string' },
    'peer-dist': { type: 'string' },
    peer: { type: 'string' },
    runs: { type: 'string', default: '3' },
  },
});
const releases = Number(values.releases);
const notesPerRelease = Math.round(Number(values.notes) / releases);
const root = mkdtempSync(join(tmpdir(), 'pict-bench-'));
const content = join(root, 'content');
const outDir = join(root, 'dist');
const bundleNotes = values['bundle-notes'];
/** The second layout's output (`--bundle-notes`): its own output folder and cache. */
const bundled = bundleNotes
  ? { outDir: join(root, 'dist-bundled'), cache: join(root, 'cache-bundled') }
  : undefined;

writeCorpusSite(content, { notes: releases * notesPerRelease, releases });

if (values.peer !== undefined) {
  if (!canMeasure())
    throw new Error('--peer measures with GNU time: install it (apt-get install time)');
  const runs = Number(values.runs);
  const peer = starlightBuilder(values.peer, join('tmp', 'bench-starlight'), content, '.');
  const project = projectBuilder('.', content, outDir, join(root, 'cache'));
  console.log(
    `side by side: ${releases * notesPerRelease} notes in ${releases} releases, ${runs} cold builds each, alternating`,
  );
  const results = alternate([project, peer], runs);
  for (const line of sideBySideReport(results)) console.log(line);
  console.log(
    `machine:               ${execFileSync('nproc').toString().trim()} cores, load ${execFileSync('cat', ['/proc/loadavg']).toString().split(' ').slice(0, 3).join(' ')}`,
  );
  if (!values.keep) rmSync(root, { recursive: true, force: true });
  process.exit(0);
}

// Builds in a child Node process through Astro's API, which then reports its own peak memory
// (Pagefind's indexer is a separate native process and is not included).
const BUILD_SCRIPT = `import { build } from 'astro';
await build({ outDir: process.env.BENCH_OUT_DIR, logLevel: 'error' });
console.log('MAXRSS_KB=' + process.resourceUsage().maxRSS);`;

function build(label: string, layout = { outDir, cache: join(root, 'cache') }) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', BUILD_SCRIPT], {
    env: {
      ...process.env,
      BENCH_OUT_DIR: layout.outDir,
      PICT_CONTENT_ROOT: content,
      PICT_CACHE_DIR: layout.cache,
      ...(layout.outDir === outDir ? {} : { PICT_SEARCH_BUNDLE_NOTES: bundleNotes }),
    },
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peakKb = Number(/MAXRSS_KB=(\d+)/.exec(result.stdout)?.[1]);
  if (result.status !== 0 || !peakKb) {
    console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
    throw new Error(`${label} build failed`);
  }
  return { seconds, peakMb: peakKb / 1024 };
}

function walk(dir: string): string[] {
  return globSync('**/*', { cwd: dir, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const gz = (path: string) => gzipSync(readFileSync(path)).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const first = build('full');
const files = walk(outDir);
const pages = files.filter((file) => file.endsWith('.html'));
const size = files.reduce((sum, file) => sum + statSync(file).size, 0);
const itemPage = join(outDir, 'en/items/k8s-1.7-item-0/index.html');
const html = readFileSync(itemPage, 'utf8');
const assets = (pattern: RegExp) =>
  [...html.matchAll(pattern)].map((match) => join(outDir, (match[1] ?? '').replace(/^\//, '')));
const css = assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g).reduce(
  (sum, file) => sum + gz(file),
  0,
);
const js = assets(/<script[^>]+src="([^"]+)"/g).reduce((sum, file) => sum + gz(file), 0);
// The first and a follow-up search on the synthetic site, in a browser (words the corpus uses).
const searchReport = spawnSync(
  process.execPath,
  [
    'scripts/bench-search.ts',
    outDir,
    '--en',
    'kubelet,storage',
    '--zh',
    '存储,网络',
    ...(values['peer-dist'] ? ['--peer', values['peer-dist']] : []),
  ],
  { encoding: 'utf8' },
).stdout.trim();
const searchBytes = walk(join(outDir, 'pagefind')).reduce(
  (sum, file) => sum + statSync(file).size,
  0,
);
const itemGz = { html: gz(itemPage), css, js };
const largest = largestPages(outDir);

// One-note rebuilds: change one note's title and build again with the warm cache, a few times
// (timings on a shared machine vary from run to run); with --bundle-notes, each change is built by
// both layouts in turn.
if (bundled) build('full, bundled', bundled);
const REBUILDS = Number(values.rebuilds);
const changed = join(content, 'notes/kubernetes-1.7/item-0.md');
const rebuilds: { seconds: number; peakMb: number }[] = [];
const bundledRebuilds: number[] = [];
for (let run = 0; run < REBUILDS; run += 1) {
  writeFileSync(
    changed,
    readFileSync(changed, 'utf8').replace(/^(en:\n  title: )(Changed \d+ )?/m, `$1Changed ${run} `),
  );
  rebuilds.push(build('one-note'));
  if (bundled) bundledRebuilds.push(build('one-note, bundled', bundled).seconds);
}
/** Median and range of timings, e.g. `median 9.3 s of 5 (8.9–11.0 s)`. */
function summary(seconds: readonly number[]): string {
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `median ${median.toFixed(1)} s of ${sorted.length} (${(sorted[0] ?? 0).toFixed(1)}–${(sorted.at(-1) ?? 0).toFixed(1)} s)`;
}

console.log(`notes:                 ${releases * notesPerRelease} in ${releases} releases`);
console.log(
  `build:                 ${first.seconds.toFixed(1)} s, peak memory ${first.peakMb.toFixed(0)} MB`,
);
console.log(`pages written:         ${pages.length}`);
console.log(
  `dist size:             ${(size / 1024 / 1024).toFixed(1)} MB (${files.length} files; search index ${(searchBytes / 1024 / 1024).toFixed(1)} MB)`,
);
console.log(
  `item page, gzipped:    HTML ${kb(itemGz.html)}, CSS ${kb(itemGz.css)}, JS ${kb(itemGz.js)}`,
);
console.log('largest page of each kind (HTML raw, gzipped; pages of the kind):');
for (const page of largest) {
  console.log(
    `  ${page.kind.padEnd(16)} ${kb(page.bytes).padStart(10)} ${kb(page.gzipped).padStart(9)}  ${String(page.pages).padStart(5)}  ${page.path}`,
  );
}
console.log(searchReport.replace(/^/gm, 'search: '));
console.log(
  rebuilds.length === 0
    ? 'one-note rebuild:      not measured (--rebuilds 0)'
    : `one-note rebuild:      ${summary(rebuilds.map((run) => run.seconds))}, peak memory ${Math.max(...rebuilds.map((run) => run.peakMb)).toFixed(0)} MB${bundled ? ' (one search index)' : ''}`,
);
if (bundled)
  console.log(
    `one-note rebuild:      ${summary(bundledRebuilds)} with ${bundleNotes}-note search bundles (alternated with the above)`,
  );
console.log(
  `machine:               ${execFileSync('nproc').toString().trim()} cores, ${(Number(execFileSync('sh', ['-c', "awk '/MemTotal/ {print $2}' /proc/meminfo"]).toString()) / 1024 / 1024).toFixed(0)} GB`,
);
if (values.keep) console.log(`kept: ${root}`);
else rmSync(root, { recursive: true, force: true });
