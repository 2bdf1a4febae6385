/** `npm run new -- --release <id> --section <section> [--area <id>] --title "<title>" [--slug <slug>]`: scaffolds a note. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { addIdsToLedger, formatLedger } from '../src/checker/ledger.ts';
import { SOURCE_PATHS, loadProject } from '../src/checker/index.ts';
import { readProjectFiles } from '../src/checker/files.ts';
import { writeAtomically } from '../src/lib/importer/write.ts';
import { nextFreeId, renderNoteScaffold, slugify } from '../src/lib/scaffold.ts';
import { SECTIONS } from '../src/lib/sections.ts';

const { values } = parseArgs({
  options: {
    release: { type: 'string' },
    section: { type: 'string', default: 'other-notable-changes' },
    area: { type: 'string' },
    title: { type: 'string' },
    slug: { type: 'string' },
    root: { type: 'string', default: process.cwd() },
  },
});

function fail(message: string): never {
  console.error(`npm run new: ${message}`);
  process.exit(1);
}

const root = values.root;
const { project } = loadProject(readProjectFiles(root));
const release = project.releases.find((candidate) => candidate.id === values.release);
if (!release) {
  fail(`--release must be one of: ${project.releases.map((candidate) => candidate.id).join(', ')}`);
}
if (!values.title) fail('--title "<what changed>" is required');
if (!(SECTIONS as readonly string[]).includes(values.section))
  fail(`--section must be one of: ${SECTIONS.join(', ')}`);
if (values.area && !project.areas.some((area) => area.id === values.area)) {
  fail(`--area must be one of: ${project.areas.map((area) => area.id).join(', ')}`);
}
const slug = values.slug ?? slugify(values.title);
if (!slug) fail('the title has no latin words to make an id from: give --slug <words-in-english>');

const taken = new Set([...project.ledger.ids, ...project.notes.map((note) => note.data.id)]);
const id = nextFreeId(`${release.idPrefix}-${slug}`, taken);
const dir = join(root, SOURCE_PATHS.notes, release.id);
const file = join(dir, `${id.slice(release.idPrefix.length + 1)}.md`);
if (existsSync(file)) fail(`${file} exists already`);
mkdirSync(dir, { recursive: true });
writeFileSync(
  file,
  renderNoteScaffold({
    id,
    section: values.section,
    ...(values.area ? { area: values.area } : {}),
    title: values.title,
  }),
);
// The note first, then the ledger, each whole (a temporary file renamed into place).
writeAtomically(root, [
  { path: SOURCE_PATHS.ledger, text: formatLedger(addIdsToLedger(project.ledger, [id])) },
]);
console.log(`Created ${file} with id ${id} (recorded in ${SOURCE_PATHS.ledger}).`);
console.log(
  'Fill in the summaries, then set impact and write the assessments; `npm run check` shows what is missing.',
);
