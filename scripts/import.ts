/**
 * `npm run import -- <file> --release <release-id> [--from <version>] [--to <version>] [--dry-run] [--root <dir>]`:
 * writes one untriaged note per upstream release-note item into `notes/<release-id>/` and records
 * the new ids in `notes/ids.json`. Notes whose id exists are never touched; items whose PR a note of
 * the release already cites are skipped. Parsing and planning live in `src/lib/importer/`.
 *
 * The upstream file must be a regular file of at most 32 MiB (the largest upstream changelogs are
 * about 1 MB); everything printed has its control characters escaped. Files are written atomically,
 * notes first and the ledger last (`src/lib/importer/write.ts`): a run that is killed is completed
 * by the next one. `PICT_IMPORT_KILL_BEFORE=<n>` kills the process before the n-th file is renamed
 * into place (the kill test uses it).
 */
import { readFileSync, statSync } from 'node:fs';
import { printable } from '../src/checker/problems.ts';
import { writeAtomically } from '../src/lib/importer/write.ts';
import { planImport, type ImportPlan, type PlannedNote } from '../src/lib/importer/plan.ts';
import { readProjectFiles } from '../src/checker/files.ts';
import { failWith, parseCommandLine } from './cli.ts';

const USAGE =
  'usage: npm run import -- <file> --release <release-id> [--from <version>] [--to <version>] [--dry-run] [--root <dir>]';

/** The largest upstream file read, in bytes. */
const INPUT_SIZE_LIMIT = 32 * 1024 * 1024;

// Annotated, so that TypeScript knows a call to it never returns.
const fail: (message: string) => never = failWith('import');

/** Prints one line with its control characters escaped (upstream text may hold terminal escapes). */
function say(line: string): void {
  console.log(printable(line));
}

const { values, positionals } = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      release: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      root: { type: 'string', default: process.cwd() },
    },
  },
  USAGE,
  fail,
);
if (positionals.length !== 1) {
  fail(`${positionals.length === 0 ? 'no file given' : 'one file at a time'}; ${USAGE}`);
}
const file = positionals[0] ?? '';
if (!values.release) fail(`--release <release-id> is required; ${USAGE}`);
const root = values.root;
const dryRun = values['dry-run'];

let text: string;
try {
  // stat, not open: opening a FIFO would block, and a device such as /dev/zero never ends.
  const stat = statSync(file);
  if (stat.isDirectory()) fail(`${file} is a folder, not a release-notes file`);
  if (!stat.isFile()) fail(`${file} is not a regular file (a pipe, socket or device is not read)`);
  if (stat.size > INPUT_SIZE_LIMIT) {
    fail(`${file} has ${stat.size} bytes; at most ${INPUT_SIZE_LIMIT} (32 MiB) are read`);
  }
  text = readFileSync(file, 'utf8');
} catch (error) {
  const code = (error as { code?: string }).code;
  fail(
    `cannot read ${file}${code === 'ENOENT' ? ': no such file' : ` (${code ?? String(error)})`}`,
  );
}

const result = planImport(
  {
    source: { name: file, text },
    release: values.release,
    ...(values.from === undefined ? {} : { from: values.from }),
    ...(values.to === undefined ? {} : { to: values.to }),
  },
  readProjectFiles(root),
);
if (!result.ok) fail(result.error);
const { plan } = result;

function noteLine(note: PlannedNote): string {
  const where = [note.section, note.area ?? note.unknownArea].filter(Boolean).join(' › ');
  switch (note.status) {
    case 'create':
      return `${dryRun ? 'would create' : 'created'} ${note.file}  [${where}] ${note.title}`;
    case 'exists':
      return `unchanged ${note.id} (exists: ${note.file})`;
    case 'retired':
      return `skipped ${note.id} (a retired id in notes/ids.json)`;
    case 'assessed':
      return `skipped ${note.id} (already assessed in ${note.assessedIn.join(', ')})`;
  }
}

function table(plan: ImportPlan): string[] {
  const header = ['section', 'items', 'notes', 'created', 'exists', 'assessed', 'retired'];
  const rows: (string | number)[][] = plan.counts
    .filter((count) => count.items > 0 || count.notes > 0)
    .map((count) => [
      count.section,
      count.items,
      count.notes,
      count.create,
      count.exists,
      count.assessed,
      count.retired,
    ]);
  const total = (index: number) => rows.reduce((sum, row) => sum + Number(row[index]), 0);
  rows.push(['total', total(1), total(2), total(3), total(4), total(5), total(6)]);
  const all = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]?.length ?? 0)));
  return all.map((row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  '),
  );
}

const layout = plan.layout === 'json' ? 'release-notes JSON' : 'Markdown changelog';
const versions = plan.versions.length > 0 ? `${plan.versions.join(', ')} of ` : '';
say(
  `Importing ${versions}${file} (${layout}) into notes/${plan.release}/${dryRun ? ' — dry run, nothing is written' : ''}`,
);
for (const note of plan.notes) say(noteLine(note));
say('');
for (const line of table(plan)) say(line);
const merged = plan.items.length - plan.notes.length;
if (merged > 0) {
  say(
    `${plan.items.length} upstream items make ${plan.notes.length} notes: items citing the same PR share one note.`,
  );
}
const { themes } = plan;
if (themes.status === 'create') {
  say(
    `Major themes: ${themes.texts.length} upstream text(s) ${dryRun ? 'would be' : 'are'} the themes of ${themes.file} (English; Chinese pending), not notes.`,
  );
} else if (themes.status === 'kept') {
  say(
    `Major themes: ${themes.texts.length} upstream text(s) left alone: ${themes.file} already has themes.`,
  );
}
if (plan.missingAreas.length > 0) {
  const list = plan.missingAreas.map((area) => `${area.id} (${area.items})`).join(', ');
  say(`Areas not in data/areas.yaml, left out of the notes: ${list}`);
}
const skippedBy = (reason: string) =>
  plan.skipped.filter((block) => block.reason === reason).length;
const notImported = [
  ['intro paragraph(s) before bullets or sub-headings', skippedBy('intro')],
  [
    'block(s) outside the release-note sections (downloads, dependencies, …)',
    skippedBy('outside-section'),
  ],
  ['note(s) marked do_not_publish', skippedBy('do-not-publish')],
].filter(([, count]) => Number(count) > 0);
if (notImported.length > 0) {
  say(`Not imported: ${notImported.map(([what, count]) => `${count} ${what}`).join('; ')}.`);
}

const created = plan.notes.filter((note) => note.status === 'create').length;
if (dryRun) {
  say(`Dry run: would write ${created} note(s); nothing was written.`);
} else {
  const killBefore = Number(process.env['PICT_IMPORT_KILL_BEFORE'] ?? NaN);
  writeAtomically(root, plan.writes, (index) => {
    if (index === killBefore) process.kill(process.pid, 'SIGKILL');
  });
  if (plan.recorded.length > 0) {
    say(
      `Recorded ${plan.recorded.length} id(s) of notes an interrupted import had written: ${plan.recorded.join(', ')}`,
    );
  }
  say(
    created > 0
      ? `Wrote ${created} note(s) and recorded their ids in notes/ids.json.`
      : 'Nothing new to write.',
  );
}
