import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Scratch space for tests (git-ignored). */
export const TMP = join(ROOT, 'tmp');

/** One build configuration; `name` names its output folder and Astro cache. */
export interface SiteBuild {
  name: string;
  /** `PICT_BASE`, e.g. `/pict-notes/`; the configured default when absent. */
  base?: string;
  /** `PICT_CONTENT_ROOT`: a folder with `data/` and `notes/`; the repository's content when absent. */
  contentRoot?: string;
  /** `PICT_SEARCH_BUNDLE_NOTES`: most notes per search bundle; the configured default when absent. */
  searchBundleNotes?: number;
}

/** What `astro build` did: its exit code, its output (stdout and stderr) and where it was told to write. */
export interface BuildOutput {
  code: number | null;
  output: string;
  outDir: string;
}

/** Output folder of a build configuration. */
export function outDirOf(name: string): string {
  return join(TMP, 'test-dist', name);
}

/**
 * Variables Vitest sets in its workers. Astro takes `import.meta.env` values from the environment, so a
 * build inheriting them would get `BASE_URL=/` (pages ignore PICT_BASE), `DEV=1` and `NODE_ENV=test`.
 */
const TEST_RUNNER_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'FORCE_TTY'];

/** The environment of a build: this process's, without the test runner's variables or a configured base or content root. */
export function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !TEST_RUNNER_ENV.includes(key) &&
        !key.startsWith('VITEST') &&
        key !== 'PICT_BASE' &&
        key !== 'PICT_SEARCH_BUNDLE_NOTES' &&
        key !== 'PICT_CONTENT_ROOT',
    ),
  );
}

/** The Astro cache folder of a build writing to `outDir`. */
export function cacheDirOf(outDir: string): string {
  return join(TMP, 'test-cache', basename(outDir));
}

/** Removes a build's output folder and Astro cache, so that the next build starts from nothing. */
export function cleanBuild(outDir: string): void {
  for (const folder of [outDir, cacheDirOf(outDir)])
    rmSync(folder, { recursive: true, force: true });
}

/**
 * Runs `astro build` for one configuration: into `outDir` (by default `tmp/test-dist/<name>`), with an
 * Astro cache of its own (`tmp/test-cache/<folder name>`), so builds never share a content store.
 * What is already there is kept (incremental rebuilds); `cleanBuild` first for a fresh build.
 */
export function runBuild(build: SiteBuild, outDir = outDirOf(build.name)): Promise<BuildOutput> {
  const env: NodeJS.ProcessEnv = {
    ...buildEnv(),
    PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
    PICT_CACHE_DIR: cacheDirOf(outDir),
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  };
  if (build.base !== undefined) env['PICT_BASE'] = build.base;
  if (build.contentRoot !== undefined) env['PICT_CONTENT_ROOT'] = resolve(build.contentRoot);
  if (build.searchBundleNotes !== undefined)
    env['PICT_SEARCH_BUNDLE_NOTES'] = String(build.searchBundleNotes);
  const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output, outDir }));
  });
}

/** A fresh build (nothing kept from an earlier one); returns its output folder, or throws the build's output when it fails. */
export async function buildFresh(build: SiteBuild, outDir = outDirOf(build.name)): Promise<string> {
  cleanBuild(outDir);
  const result = await runBuild(build, outDir);
  if (result.code !== 0) {
    throw new Error(`astro build (${build.name}) exited with ${result.code}:\n${result.output}`);
  }
  return outDir;
}
