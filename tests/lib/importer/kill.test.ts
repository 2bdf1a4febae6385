/**
 * An import killed at any point is completed by the next run: the result is the same as that of an
 * import never interrupted, and it passes the checker. The kill comes from inside the importer
 * (`PICT_IMPORT_KILL_BEFORE=<n>`: SIGKILL before the n-th file is renamed into place, its temporary
 * file written), so each point is hit exactly.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../../support/build-site.ts';
import { copyContent, EMPTY_LEDGER, problemsIn } from '../../support/dist.ts';
import { runScript } from '../../support/scripts.ts';

const UPSTREAM = join(ROOT, 'tests/fixtures/upstream/k8s-v1.7.0-release-notes.md');

function runImport(root: string, killBefore?: number) {
  const env = { ...process.env };
  delete env['PICT_IMPORT_KILL_BEFORE'];
  if (killBefore !== undefined) env['PICT_IMPORT_KILL_BEFORE'] = String(killBefore);
  return runScript('import.ts', [UPSTREAM, '--release', 'kubernetes-1.7', '--root', root], env);
}

/** A project with the repository's data/ (the 1.7 release not marked translated) and no notes. */
function emptyProject(name: string): string {
  const root = copyContent(`import-kill-${name}`, ROOT, { notes: false });
  // Imported notes come without Chinese: the release is not fully translated.
  const release = join(root, 'data/releases/kubernetes-1.7.yaml');
  writeFileSync(
    release,
    readFileSync(release, 'utf8').replace(/^translationComplete: true\n/m, ''),
  );
  return root;
}

/** Every file under notes/ (hidden ones too) with its text. */
function notesOf(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(join(root, 'notes'), { recursive: true, encoding: 'utf8' })
      .map((path) => join('notes', path))
      .filter((path) => statSync(join(root, path)).isFile())
      .sort()
      .map((path) => [path, readFileSync(join(root, path), 'utf8')]),
  );
}

let complete: Record<string, string>;
let files: number;

beforeAll(() => {
  const root = emptyProject('uninterrupted');
  const result = runImport(root);
  expect(result.stderr).toBe('');
  complete = notesOf(root);
  files = Object.keys(complete).length; // the notes and the ledger
  expect(files).toBeGreaterThan(10);
});

describe('an import killed before the n-th file is renamed into place, then run again', () => {
  const points = [
    ['before the first note', () => 1],
    ['after some notes', () => 5],
    ['before the last note', () => files - 1],
    ['after every note, before the ledger', () => files],
  ] as const;

  test.each(points)('%s: the next run completes it', (_, point) => {
    const n = point();
    const root = emptyProject(`at-${n}`);
    const killed = runImport(root, n);
    expect(killed.signal).toBe('SIGKILL');
    const interrupted = notesOf(root);
    // Whole files only: n - 1 notes renamed into place besides the old ledger, the n-th a hidden temporary file.
    expect(Object.keys(interrupted).filter((path) => !path.includes('/.'))).toHaveLength(n);
    expect(Object.keys(interrupted).filter((path) => path.includes('/.'))).toHaveLength(1);
    expect(interrupted['notes/ids.json']).toBe(EMPTY_LEDGER);

    const rerun = runImport(root);
    expect(rerun.stderr).toBe('');
    expect(rerun.code).toBe(0);
    expect(problemsIn(root)).toEqual([]);
    expect(notesOf(root)).toEqual(complete);
  });

  test('killed after the ledger: complete, and the next run changes nothing', () => {
    const root = emptyProject('after-ledger');
    expect(runImport(root).code).toBe(0);
    expect(notesOf(root)).toEqual(complete);
    const again = runImport(root);
    expect(again.stdout).toContain('Nothing new to write.');
    expect(notesOf(root)).toEqual(complete);
    expect(problemsIn(root)).toEqual([]);
  });
});
