import type { Ledger } from '../schemas/ledger.ts';
import { idWrittenIn, SOURCE_PATHS } from './files.ts';
import type { NoteRefs, Project } from './load.ts';
import type { Problem } from './problems.ts';
import type { YamlSource } from './yaml-source.ts';

/** Returns the ledger with `ids` added (sorted, no duplicates); ids are never removed. */
export function addIdsToLedger(ledger: Ledger, ids: readonly string[]): Ledger {
  return { ...ledger, ids: [...new Set([...ledger.ids, ...ids])].sort() };
}

/** The ledger as the JSON text committed in `notes/ids.json` (`releaseRedirects` only when it has any). */
export function formatLedger(ledger: Ledger): string {
  const { ids, redirects, releaseRedirects } = ledger;
  const toRelease = Object.keys(releaseRedirects).length > 0 ? { releaseRedirects } : {};
  return `${JSON.stringify({ ids, redirects, ...toRelease }, null, 2)}\n`;
}

/**
 * The id ledger against the notes: every id recorded, retired ids redirected to an existing note or
 * (`releaseRedirects`) to an existing release.
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
  const { redirects, releaseRedirects } = project.ledger;
  project.ledger.ids.forEach((id, index) => {
    const redirected = redirects[id] !== undefined || releaseRedirects[id] !== undefined;
    if (!noteIds.has(id) && !redirected && !someIdUnknown) {
      problems.push({
        file,
        line: source.lineOf(['ids', index]),
        field: `ids[${index}]`,
        found: `"${id}", which no note has any more`,
        expected: `a note with this id, or a redirect "${id}": "<successor id>" in redirects (or "<release id>" in releaseRedirects)`,
      });
    }
  });
  problems.push(...checkReleaseRedirects(project, noteIds, source));
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

/** Redirects to release pages: from retired ids only (and not also to a note), to a release that exists. */
function checkReleaseRedirects(
  project: Project,
  noteIds: ReadonlySet<string>,
  source: YamlSource,
): Problem[] {
  const file = SOURCE_PATHS.ledger;
  const releaseIds = new Set(project.releases.map((release) => release.id));
  const { redirects, releaseRedirects } = project.ledger;
  return Object.entries(releaseRedirects).flatMap(([from, to]): Problem[] => {
    const at = { file, line: source.lineOf(['releaseRedirects', from]) };
    const field = `releaseRedirects.${from}`;
    if (noteIds.has(from)) {
      return [
        {
          ...at,
          field,
          found: `a redirect from "${from}", which a note still has`,
          expected: 'redirects only from retired ids',
        },
      ];
    }
    if (redirects[from] !== undefined) {
      return [
        {
          ...at,
          field,
          found: `"${from}" also in redirects`,
          expected:
            'one place for a retired id: a note (redirects) or a release (releaseRedirects)',
        },
      ];
    }
    if (!releaseIds.has(to)) {
      const known = [...releaseIds].sort().join(', ') || 'none';
      return [
        {
          ...at,
          field,
          found: `"${to}"`,
          expected: `the id of a release in data/releases/ (${known})`,
        },
      ];
    }
    return [];
  });
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
