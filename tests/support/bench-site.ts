import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { corpusFiles, writeCorpusSite, type CorpusSize } from '../../scripts/bench/corpus-site.ts';
import { ROOT, TMP } from './build-site.ts';

/** The benchmark corpus the page-size and page-structure tests build: 2,000 notes over 10 releases. */
export const BENCH_CORPUS: CorpusSize = { notes: 2000, releases: 10 };

/**
 * The content root of the synthetic corpus of `size`, written once: into a folder named by a hash of its
 * files, moved into place whole, so test files in parallel workers never see it half-written.
 */
export function benchContentRoot(size: CorpusSize = BENCH_CORPUS): string {
  const hash = createHash('sha256');
  for (const file of corpusFiles(size, ROOT)) hash.update(file.path).update(file.text);
  for (const file of ['teams.yaml', 'components.yaml', 'areas.yaml']) {
    hash.update(readFileSync(join(ROOT, 'data', file)));
  }
  const dir = join(
    TMP,
    `bench-corpus-${size.notes}x${size.releases}-${hash.digest('hex').slice(0, 12)}`,
  );
  if (existsSync(dir)) return dir;
  const scratch = `${dir}.${process.pid}`;
  writeCorpusSite(scratch, size, ROOT);
  try {
    renameSync(scratch, dir);
  } catch {
    rmSync(scratch, { recursive: true, force: true }); // another worker moved its copy first
  }
  return dir;
}
