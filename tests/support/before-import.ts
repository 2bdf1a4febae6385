import type { SourceFile } from '../../src/checker/index.ts';

/** What the repository looked like before `npm run import` read an upstream file. */
export interface BeforeImport {
  /** The files without the notes imported from that upstream file, with the ledger that lacks their ids. */
  files: SourceFile[];
  /** Paths of the notes left out. */
  removed: string[];
  /** `notes/ids.json` without the ids of the notes left out. */
  ledger: SourceFile;
}

/**
 * The repository's files as they were before `source` (an upstream file's base name, e.g.
 * `k8s-v1.7.0-release-notes.md`) was imported: without the notes the importer wrote from it (they
 * begin with its `# Imported from <source> by npm run import` comment) and without their ids in the
 * ledger. Hand-written notes, other imports and the ledger's redirects (to notes and releases) stay. Tests of importing over
 * the hand-written seed notes start from this, whatever has been imported into the repository since.
 * Releases are not marked fully translated then.
 */
export function beforeImport(files: readonly SourceFile[], source: string): BeforeImport {
  const marker = `---\n# Imported from ${source} by \`npm run import\``;
  const imported = files.filter(
    (file) => /^notes\/[^/]+\/[^/]+\.mdx?$/.test(file.path) && file.text.startsWith(marker),
  );
  const importedIds = new Set(
    imported.flatMap((file) => /^id: (\S+)$/m.exec(file.text)?.[1] ?? []),
  );
  const ledgerFile = files.find((file) => file.path === 'notes/ids.json');
  if (!ledgerFile) throw new Error('no notes/ids.json');
  const ledger = JSON.parse(ledgerFile.text) as {
    ids: string[];
    redirects: Record<string, string>;
    releaseRedirects?: Record<string, string>;
  };
  const text = `${JSON.stringify(
    { ...ledger, ids: ledger.ids.filter((id) => !importedIds.has(id)) },
    null,
    2,
  )}\n`;
  const removed = new Set(imported.map((file) => file.path));
  // Imported notes come without Chinese, so no release was fully translated before the import.
  const kept = files
    .filter((file) => !removed.has(file.path) && file.path !== ledgerFile.path)
    .map((file) =>
      file.path.startsWith('data/releases/')
        ? { ...file, text: file.text.replace(/^translationComplete: true\n/m, '') }
        : file,
    );
  const newLedger = { path: ledgerFile.path, text };
  return { files: [...kept, newLedger], removed: [...removed], ledger: newLedger };
}
