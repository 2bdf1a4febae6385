/**
 * `npm run build [-- <astro build options>]`: builds the site so that `dist/` only ever holds a
 * complete build. Astro builds into a sibling staging folder, `<outDir>.next/`, seeded with a copy of
 * the previous `dist/` (timestamps kept), since incremental builds reuse what is there (see
 * `src/incremental/README.md`); on success the staging folder replaces `dist/`, on failure it is
 * removed and `dist/` stays exactly as it was. The staging folder has the same path every build, so
 * Astro's incremental cache (keyed on the configuration, output folder included) stays valid.
 *
 * Why a copy rather than hard links: Astro rewrites reused files in place, which through a hard link
 * would change the previous `dist/` while the build runs. `--outDir <dir>` picks another folder than
 * `dist/` (tests build fixture sites this way).
 */
import { spawn } from 'node:child_process';
import { constants, cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/** `--outDir <dir>` or `--outDir=<dir>` taken out of the arguments; the rest go to astro build. */
function splitOutDir(args: readonly string[]): { outDir: string; rest: string[] } {
  const rest: string[] = [];
  let outDir = 'dist';
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--outDir') outDir = args[(index += 1)] ?? outDir;
    else if (arg.startsWith('--outDir=')) outDir = arg.slice('--outDir='.length);
    else rest.push(arg);
  }
  return { outDir: resolve(outDir), rest };
}

const { outDir, rest } = splitOutDir(process.argv.slice(2));
const staging = `${outDir}.next`;
const previous = `${outDir}.old`;

// A swap interrupted between its two renames left the previous build in `.old`.
if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
rmSync(previous, { recursive: true, force: true });
rmSync(staging, { recursive: true, force: true });
if (existsSync(outDir)) {
  cpSync(outDir, staging, {
    recursive: true,
    preserveTimestamps: true,
    verbatimSymlinks: true,
    mode: constants.COPYFILE_FICLONE,
  });
}

const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const child = spawn(process.execPath, [astro, 'build', '--outDir', staging, ...rest], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('close', (code, signal) => {
  if (code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`Build failed (${signal ?? `exit code ${code}`}): ${outDir} was left as it was.`);
    process.exit(code || 1);
  }
  if (existsSync(outDir)) renameSync(outDir, previous);
  renameSync(staging, outDir);
  rmSync(previous, { recursive: true, force: true });
});
