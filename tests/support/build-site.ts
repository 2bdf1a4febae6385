import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
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

/**
 * Runs `astro build` for one configuration, never cached: into `outDir` (by default `tmp/test-dist/<name>`),
 * with an Astro cache of its own (`tmp/test-cache/<folder name>`), so builds never share a content store.
 */
export function runBuild(build: SiteBuild, outDir = outDirOf(build.name)): Promise<BuildOutput> {
  const env: NodeJS.ProcessEnv = {
    ...buildEnv(),
    PATH: `${join(ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
    PICT_CACHE_DIR: join(TMP, 'test-cache', basename(outDir)),
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

function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of everything a build reads (and of this helper), so an unchanged site is not built twice, also across runs. */
function inputKey(build: SiteBuild): string {
  const content = resolve(build.contentRoot ?? ROOT);
  const inputs = [
    import.meta.filename,
    ...['src', 'public', 'astro.config.mjs', 'site.config.ts', 'tsconfig.json', 'package-lock.json']
      .map((path) => join(ROOT, path))
      .flatMap(filesUnder),
    ...['data', 'notes'].map((path) => join(content, path)).flatMap(filesUnder),
  ];
  const hash = createHash('sha256');
  hash.update(JSON.stringify([build, content, process.env['PICT_SITE'] ?? '']));
  for (const file of inputs) hash.update(`\0${relative(ROOT, file)}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

/** Whether a process is still running. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes a lock shared by all test processes, also of other runs: a folder (creating one is atomic) holding
 * the owner's pid. A lock whose owner has exited (a run killed mid-build) is stale.
 */
async function lock(path: string): Promise<() => void> {
  const deadline = Date.now() + 4 * 60_000;
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'owner'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      const owner = Number(readIfPresent(join(path, 'owner')) ?? NaN);
      if (owner > 0 ? !alive(owner) : Date.now() - since > 30_000) {
        rmSync(path, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${path}`);
      await sleep(200);
    }
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Removes the builds (and Astro caches) of other versions of a configuration unused for half an hour. */
function pruneOldVersions(name: string, keep: string): void {
  const version = new RegExp(`^${name.replace(/[^\w]/g, '\\$&')}@[0-9a-f]{12}$`);
  const dists = join(TMP, 'test-dist');
  for (const entry of readdirSync(dists)) {
    if (!version.test(entry) || entry === keep) continue;
    const stamp = statSync(join(dists, `${entry}.stamp`), { throwIfNoEntry: false });
    const locked = statSync(join(dists, `${entry}.lock`), { throwIfNoEntry: false });
    if (locked || (stamp && Date.now() - stamp.mtimeMs < 30 * 60_000)) continue;
    for (const path of [
      join(dists, entry),
      join(dists, `${entry}.stamp`),
      join(TMP, 'test-cache', entry),
    ]) {
      rmSync(path, { recursive: true, force: true });
    }
  }
}

/**
 * Builds one version of a configuration into `tmp/test-dist/<name>@<input hash>/`. A version is never
 * rebuilt in place, so a run reading it is not disturbed by another run (with other sources) building.
 */
async function buildOnce(build: SiteBuild): Promise<string> {
  const key = inputKey(build);
  const folder = `${build.name}@${key.slice(0, 12)}`;
  const outDir = join(TMP, 'test-dist', folder);
  const stamp = `${outDir}.stamp`;
  mkdirSync(join(TMP, 'test-dist'), { recursive: true });
  const unlock = await lock(`${outDir}.lock`);
  try {
    if (readIfPresent(stamp) !== key) {
      rmSync(outDir, { recursive: true, force: true });
      const result = await runBuild(build, outDir);
      if (result.code !== 0) {
        throw new Error(
          `astro build (${build.name}) exited with ${result.code}:\n${result.output}`,
        );
      }
      writeFileSync(stamp, key);
    } else {
      const now = new Date();
      utimesSync(stamp, now, now); // in use: keeps pruneOldVersions away
    }
  } finally {
    unlock();
  }
  pruneOldVersions(build.name, folder);
  return outDir;
}

const builds = new Map<string, Promise<string>>();

/**
 * Builds the site for a configuration and returns its output folder. Each configuration is built at most
 * once: test files running in parallel wait for each other, and a build whose inputs are unchanged is reused.
 */
export function buildSite(build: SiteBuild): Promise<string> {
  let promise = builds.get(build.name);
  if (!promise) {
    promise = buildOnce(build);
    builds.set(build.name, promise);
  }
  return promise;
}
