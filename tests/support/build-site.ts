import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

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
export async function runBuild(
  build: SiteBuild,
  outDir = outDirOf(build.name),
): Promise<BuildOutput> {
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
  const release = await takeBundleLock();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(BUNDLED)) release();
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      release();
      fail(error);
    });
    child.on('close', (code) => {
      release();
      done({ code, output, outDir });
    });
  });
}

/** What `astro build` prints once it has bundled the pages (and no longer reads `.astro/`). */
const BUNDLED = 'generating static routes';

const LOCK = join(TMP, 'test-build-bundling.lock');

/**
 * Astro writes a build's content modules to the project's one `.astro/` folder and bundles them, so
 * two builds of different content must not sync and bundle at the same time (one would render the
 * other's note bodies). Builds take turns until bundled (a lock folder holding the owner's pid, across
 * the test processes); rendering and indexing still overlap. The dev server test holds it while its
 * server runs. Returns the release, safe to call twice.
 */
export async function takeBundleLock(): Promise<() => void> {
  mkdirSync(TMP, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      const token = `${process.pid}-${Math.random()}`;
      writeFileSync(join(LOCK, 'owner'), `${process.pid}\n${token}`);
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        if (readOwner()?.endsWith(token)) rmSync(LOCK, { recursive: true, force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readOwner()?.split('\n')[0] ?? NaN);
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      // A lock whose process has gone (a run killed mid-build) or that is far too old is stale.
      if ((owner > 0 && !alive(owner)) || age > 5 * 60_000 || (Number.isNaN(owner) && age > 10_000))
        rmSync(LOCK, { recursive: true, force: true });
      await sleep(100);
    }
  }
}

function readOwner(): string | undefined {
  try {
    return readFileSync(join(LOCK, 'owner'), 'utf8');
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
