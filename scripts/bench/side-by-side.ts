import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One cold full build: wall time, CPU time (user + system) and the peak memory of its largest process. */
export interface BuildRun {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
}

/** A command to build one site cold, and what to remove before each run so that nothing is reused. */
export interface Builder {
  label: string;
  cwd: string;
  command: string[];
  env: NodeJS.ProcessEnv;
  /** Output and cache folders removed before each run. */
  clean: string[];
}

// GNU time reports the children's rusage, which Node does not expose: the largest resident set of
// any process of the build (Astro's Node process or Pagefind's indexer) and the CPU time of all.
const TIME = '/usr/bin/time';
const TIME_FORMAT = 'BENCH_TIME %e %U %S %M';

/** Runs one cold build of `builder` under GNU time. */
export function timedBuild(builder: Builder): BuildRun {
  for (const folder of builder.clean) rmSync(folder, { recursive: true, force: true });
  const result = spawnSync(TIME, ['-f', TIME_FORMAT, ...builder.command], {
    cwd: builder.cwd,
    env: builder.env,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const times = /BENCH_TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !times) {
    console.error(result.stdout.slice(-3000), result.stderr.slice(-3000));
    throw new Error(`${builder.label} build failed`);
  }
  const [, wall, user, system, maxKb] = times.map(Number);
  return {
    seconds: wall ?? 0,
    cpuSeconds: (user ?? 0) + (system ?? 0),
    peakMb: (maxKb ?? 0) / 1024,
  };
}

/** Whether GNU time is there to measure with. */
export function canMeasure(): boolean {
  return existsSync(TIME);
}

/**
 * The Starlight peer (shared/peers/starlight) made ready to build `corpus`: its files copied into
 * `workDir` (its dependencies installed once, kept while its lockfile is unchanged) and the corpus
 * turned into its docs pages by its own `gen.ts`.
 */
export function starlightBuilder(
  peerSource: string,
  workDir: string,
  corpus: string,
  projectRoot: string,
): Builder {
  workDir = resolve(workDir);
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const lock = read(join(peerSource, 'package-lock.json'));
  // The lockfile it was installed from (npm install may rewrite the copy's own).
  const stamp = join(workDir, 'node_modules', '.installed-from-lock');
  const installed = read(stamp) === lock && lock !== '';
  cpSync(peerSource, workDir, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|\.astro|corpus)([/\\]|$)/.test(src),
  });
  if (!installed) {
    console.log(`installing the Starlight peer's dependencies in ${workDir} …`);
    // As its README says: `npm install` (its lockfile predates the npm release here, which `npm ci` refuses).
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: workDir, stdio: 'inherit' });
    writeFileSync(stamp, lock);
  }
  // The peer runs on its own Node from npm (a dependency), as `npm run` would put it on the PATH.
  const node = join(workDir, 'node_modules/.bin/node');
  const env = {
    ...process.env,
    PATH: `${join(workDir, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
    PROJECT_DIR: resolve(projectRoot),
  };
  execFileSync(node, ['scripts/gen.ts', corpus], { cwd: workDir, env, stdio: 'inherit' });
  return {
    label: 'Starlight',
    cwd: workDir,
    command: [node, 'node_modules/astro/bin/astro.mjs', 'build', '--silent'],
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    clean: [join(workDir, 'dist'), join(workDir, '.astro'), join(workDir, 'node_modules/.astro')],
  };
}

/** This project's cold build of the content root `content` into `outDir` (check, pages, search index). */
export function projectBuilder(
  projectRoot: string,
  content: string,
  outDir: string,
  cacheDir: string,
): Builder {
  return {
    label: 'project',
    cwd: projectRoot,
    command: [
      process.execPath,
      'node_modules/astro/bin/astro.mjs',
      'build',
      '--silent',
      '--outDir',
      outDir,
    ],
    env: {
      ...process.env,
      PICT_CONTENT_ROOT: content,
      PICT_CACHE_DIR: cacheDir,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    clean: [outDir, `${outDir}-server`, cacheDir],
  };
}

/** Middle value of a list (the lower middle for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}

/** Runs the builders in turn, `runs` rounds (A, B, A, B, …), so both see the same machine load. */
export function alternate(builders: readonly Builder[], runs: number): Map<string, BuildRun[]> {
  const results = new Map<string, BuildRun[]>(builders.map((builder) => [builder.label, []]));
  for (let round = 0; round < runs; round += 1) {
    // Who goes first changes each round, so neither always builds right after the other.
    const order = round % 2 === 0 ? builders : [...builders].reverse();
    for (const builder of order) {
      const run = timedBuild(builder);
      console.log(
        `  round ${round + 1}: ${builder.label.padEnd(9)} ${run.seconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} s CPU, ${run.peakMb.toFixed(0)} MB peak`,
      );
      results.get(builder.label)?.push(run);
    }
  }
  return results;
}

/** The summary lines: per builder the median and range of each figure, then the ratio of the medians. */
export function sideBySideReport(results: Map<string, BuildRun[]>): string[] {
  const figures: { key: keyof BuildRun; name: string; unit: string; digits: number }[] = [
    { key: 'seconds', name: 'full build (wall)', unit: 's', digits: 1 },
    { key: 'cpuSeconds', name: 'CPU (user+sys)', unit: 's', digits: 1 },
    { key: 'peakMb', name: 'peak memory', unit: 'MB', digits: 0 },
  ];
  const [first, second] = [...results.entries()];
  if (!first || !second) return [];
  return figures.map(({ key, name, unit, digits }) => {
    const describe = ([label, runs]: [string, BuildRun[]]) => {
      const values = runs.map((run) => run[key]);
      const format = (value: number) => value.toFixed(digits);
      return `${label} median ${format(median(values))} ${unit} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
    };
    const ratio =
      median(first[1].map((run) => run[key])) / median(second[1].map((run) => run[key]));
    return `${name.padEnd(18)} ${describe(first)}; ${describe(second)}; ratio ${ratio.toFixed(2)}`;
  });
}
