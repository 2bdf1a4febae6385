import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build-site.ts';

/** What a script did: its exit code (or the signal that ended it) and its output. */
export interface ScriptRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/<script>` as `npm run …` does (this Node, from the repository root), with `env` if given. */
export function runScript(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ScriptRun {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** The title of the authoring guide's example note. */
export const EXAMPLE_TITLE = 'Affinity annotations removed';

/**
 * Scaffolds the authoring guide's example note (a deprecation) in the content under `root` with
 * `npm run new`, `more` options added; returns its id and file (a path under `root`) as the script reports them.
 */
export function scaffoldNote(
  root: string,
  release: string,
  ...more: string[]
): { id: string; file: string } {
  const args = ['--root', root, '--release', release, '--section', 'deprecations', ...more];
  const { code, stdout, stderr } = runScript('new-note.ts', [...args, '--title', EXAMPLE_TITLE]);
  const created = /^Created (.+) with id (\S+) /m.exec(stdout);
  if (code !== 0 || !created) throw new Error(`npm run new said:\n${stdout}${stderr}`);
  return { file: created[1] ?? '', id: created[2] ?? '' };
}
