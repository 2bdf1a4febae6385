/**
 * `npm run build [-- <astro build options>]`: builds the site so that `dist/` only ever holds a
 * complete build. Astro builds into a sibling staging folder, `<outDir>.next/`, seeded with a copy of
 * the previous `dist/` (timestamps kept), since incremental builds reuse what is there (see
 * `src/incremental/README.md`); on success the staging folder replaces `dist/`, on failure it is
 * removed and `dist/` stays exactly as it was. The server configuration the build writes beside it
 * (`dist-server/`) is staged and swapped the same way. The staging folder has the same path every build, so
 * Astro's incremental cache (keyed on the configuration, output folder included) stays valid.
 *
 * Why a copy rather than hard links: Astro rewrites reused files in place, which through a hard link
 * would change the previous `dist/` while the build runs. `--outDir <dir>` picks another folder than
 * `dist/` (tests build fixture sites this way).
 */
import { spawn } from 'node:child_process';
import { constants, cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serverDirOf } from '../src/lib/server-config.ts';

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
// The build writes the server configuration beside its output folder; it is staged and swapped with it.
const folders = [
  { live: outDir, staged: staging },
  { live: serverDirOf(outDir), staged: serverDirOf(staging) },
];

for (const { live, staged } of folders) {
  const previous = `${live}.old`;
  // A swap interrupted between its two renames left the previous build in `.old`.
  if (!existsSync(live) && existsSync(previous)) renameSync(previous, live);
  rmSync(previous, { recursive: true, force: true });
  rmSync(staged, { recursive: true, force: true });
  if (existsSync(live)) {
    cpSync(live, staged, {
      recursive: true,
      preserveTimestamps: true,
      verbatimSymlinks: true,
      mode: constants.COPYFILE_FICLONE,
    });
  }
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
    for (const { staged } of folders) rmSync(staged, { recursive: true, force: true });
    console.error(`Build failed (${signal ?? `exit code ${code}`}): ${outDir} was left as it was.`);
    process.exit(code || 1);
  }
  for (const { live, staged } of folders) {
    if (!existsSync(staged)) continue;
    const previous = `${live}.old`;
    if (existsSync(live)) renameSync(live, previous);
    renameSync(staged, live);
    rmSync(previous, { recursive: true, force: true });
  }
});
