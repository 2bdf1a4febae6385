/**
 * Writing an import's files so that a kill at any moment leaves the old state, the new one, or one
 * the next run completes: each file is written to a hidden temporary file beside it and renamed
 * over it (a rename is atomic), notes first and the id ledger last. A kill between notes leaves whole
 * notes whose ids the ledger lacks; the next import records them (`plan.ts`). Hidden files are not
 * read by the checker or the build, and the next import removes the temporary files left behind.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SourceFile } from '../../checker/index.ts';

/** The name of a temporary file beside `path`, hidden so no loader reads it. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${path.split('/').at(-1) ?? 'file'}.${process.pid}.import-tmp`);
}

const TEMPORARY = /^\..+\.\d+\.import-tmp$/;

/** Removes the temporary files an interrupted import left in the folders of `writes`. */
export function removeLeftovers(root: string, writes: readonly SourceFile[]): void {
  for (const folder of new Set(writes.map((write) => dirname(join(root, write.path))))) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names.filter((candidate) => TEMPORARY.test(candidate))) {
      rmSync(join(folder, name), { force: true });
    }
  }
}

/**
 * Writes `writes` under `root` in order, each through a temporary file and a rename. `beforeRename`
 * runs before each rename with the file's 1-based number: the kill test stops the process there.
 */
export function writeAtomically(
  root: string,
  writes: readonly SourceFile[],
  beforeRename: (index: number) => void = () => undefined,
): void {
  removeLeftovers(root, writes);
  writes.forEach((write, index) => {
    const path = join(root, write.path);
    mkdirSync(dirname(path), { recursive: true });
    const temporary = temporaryPath(path);
    writeFileSync(temporary, write.text);
    beforeRename(index + 1);
    renameSync(temporary, path);
  });
}
