/** `npm run ids`: records the id of every valid note in notes/ids.json (ids are only ever added). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addIdsToLedger, formatLedger } from '../src/checker/ledger.ts';
import { SOURCE_PATHS, loadProject } from '../src/checker/index.ts';
import { readProjectFiles } from '../src/checker/files.ts';
import type { Ledger } from '../src/schemas/ledger.ts';
import { writeAtomically } from '../src/lib/importer/write.ts';

const root = process.argv[2] ?? process.cwd();
const ledgerPath = join(root, SOURCE_PATHS.ledger);
let ledger: Ledger = { ids: [], redirects: {}, releaseRedirects: {} };
try {
  // A ledger written before releaseRedirects existed lacks the key.
  const read = JSON.parse(readFileSync(ledgerPath, 'utf8')) as Partial<Ledger>;
  ledger = {
    ids: read.ids ?? [],
    redirects: read.redirects ?? {},
    releaseRedirects: read.releaseRedirects ?? {},
  };
} catch {
  console.log(`Starting a new ${SOURCE_PATHS.ledger}.`);
}
const { project } = loadProject(readProjectFiles(root));
const updated = addIdsToLedger(
  ledger,
  project.notes.map((note) => note.data.id),
);
// Through a temporary file and a rename: a kill never leaves a half-written ledger.
writeAtomically(root, [{ path: SOURCE_PATHS.ledger, text: formatLedger(updated) }]);
console.log(
  `${SOURCE_PATHS.ledger}: ${updated.ids.length - ledger.ids.length} id(s) added, ${updated.ids.length} in all.`,
);
