import type { Ledger } from '../schemas/ledger.ts';
import { idWrittenIn, SOURCE_PATHS } from './files.ts';
import type { NoteRefs, Project } from './load.ts';
import type { Problem } from './problems.ts';
import type { YamlSource } from './yaml-source.ts';

/** Returns the ledger with `ids` added (sorted, no duplicates); ids are never removed. */
export function addIdsToLedger(ledger: Ledger, ids: readonly string[]): Ledger {
  return { ...ledger, ids: [...new Set([...ledger.ids, ...ids])].sort() };
}

/** The ledger as the JSON text committed in `notes/ids.json`. */
export function formatLedger(ledger: Ledger): string {
  return `${JSON.stringify({ ids: ledger.ids, redirects: ledger.redirects }, null, 2)}\n`;
}

/**
 * The id ledger against the notes: every id recorded, retired ids redirected to an existing note.
 * `unreadable` are the texts of note files that could not be read (no frontmatter, a YAML syntax
 * error): an id written in one still counts as a note's, so that their problem is not doubled by a
 * ledger error asking for a redirect; when such a file shows no id, missing ids are not reported.
 */
export function checkLedger(
  project: Project,
  notes: readonly NoteRefs[],
  source: YamlSource,
  unreadable: readonly string[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const file = SOURCE_PATHS.ledger;
  const unreadIds = unreadable.map(idWrittenIn);
  const noteIds = new Set([
    ...notes.flatMap((note) => (note.id === undefined ? [] : [note.id])),
    ...unreadIds.flatMap((id) => (id === undefined ? [] : [id])),
  ]);
  const someIdUnknown = unreadIds.includes(undefined);
  const published = new Set(project.ledger.ids);
  const { redirects } = project.ledger;
  project.ledger.ids.forEach((id, index) => {
    if (!noteIds.has(id) && redirects[id] === undefined && !someIdUnknown) {
      problems.push({
        file,
        line: source.lineOf(['ids', index]),
        field: `ids[${index}]`,
        found: `"${id}", which no note has any more`,
        expected: `a note with this id, or a redirect "${id}": "<successor id>" in redirects`,
      });
    }
  });
  for (const [from, to] of Object.entries(redirects)) {
    const line = source.lineOf(['redirects', from]);
    if (noteIds.has(from)) {
      problems.push({
        file,
        line,
        field: `redirects.${from}`,
        found: `a redirect from "${from}", which a note still has`,
        expected: 'redirects only from retired ids',
      });
    }
    const target = resolveRedirect(to, redirects);
    if (target === undefined || !noteIds.has(target)) {
      problems.push({
        file,
        line,
        field: `redirects.${from}`,
        found: `"${to}"`,
        expected:
          'the id of an existing note (directly or through further redirects, without a loop)',
      });
    }
  }
  for (const note of notes) {
    if (note.id !== undefined && !published.has(note.id)) {
      problems.push({
        file: note.file,
        line: note.lineOf(['id']),
        field: 'id',
        found: `"${note.id}", which ${file} does not list`,
        expected: `every id recorded in ${file} (run npm run ids)`,
      });
    }
  }
  return problems;
}

/** Follows redirects from `id` to the id they end at; undefined on a loop. */
export function resolveRedirect(
  id: string,
  redirects: Readonly<Record<string, string>>,
): string | undefined {
  const seen = new Set<string>();
  let current = id;
  while (redirects[current] !== undefined) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    current = redirects[current] ?? current;
  }
  return current;
}
