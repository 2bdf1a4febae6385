import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProject } from '../../src/checker/index.ts';
import { readProjectFiles } from '../../src/checker/files.ts';
import { coveringRemark } from '../../src/lib/triage.ts';
import { triageQueue } from '../../src/lib/triage-flow.ts';
import { toViewNote } from '../../src/lib/views.ts';

/** The notes of a content folder with their effective verdicts, and its areas. */
export function viewNotes(root: string) {
  const { project, problems } = loadProject(readProjectFiles(root));
  const releases = new Map(project.releases.map((release) => [release.id, release]));
  const notes = project.notes.map((note) =>
    toViewNote(note.data, note.file, releases.get(note.data.release), project.areas),
  );
  return { notes, areas: project.areas, problems };
}

/**
 * Makes sure some team waits for `count` untriaged notes of `release` in a copied content folder: the
 * real notes while enough are untriaged, else imported-style notes added in an area that a team
 * triages and no remark covers. Tests of the triage tools so keep working once the team has triaged
 * the real release.
 */
export function ensureUntriaged(root: string, release: string, count: number): string {
  const { notes, areas } = viewNotes(root);
  const queued = triageQueue(notes, areas, { release });
  const teams = [...new Set(queued.flatMap((note) => note.waitingFor))];
  const team = teams.find(
    (candidate) => triageQueue(notes, areas, { release, team: candidate }).length >= count,
  );
  if (team) return team;
  const { project } = loadProject(readProjectFiles(root));
  const target = project.releases.find((candidate) => candidate.id === release);
  const section = 'other-notable-changes';
  const area = areas.find(
    (candidate) =>
      candidate.teams.length > 0 &&
      !coveringRemark({ section, area: candidate.id }, target?.remarks ?? []),
  );
  if (!target || !area?.teams[0]) throw new Error(`cannot add untriaged notes to ${release}`);
  const ledgerPath = join(root, 'notes/ids.json');
  const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8')) as { ids: string[] };
  for (let index = 1; index <= count; index++) {
    const id = `${target.idPrefix}-test-untriaged-${index}`;
    writeFileSync(
      join(root, 'notes', release, `test-untriaged-${index}.md`),
      `---\n# Added by the test: the real release has no untriaged items left.\nid: ${id}\nsection: ${section}\narea: ${area.id}\nimpact: untriaged\nteams: []\ncomponents: []\npendingTranslation: [zh]\nen:\n  title: Test item ${index}\n  summary: An upstream change.\n---\n`,
    );
    ledger.ids.push(id);
  }
  writeFileSync(ledgerPath, `${JSON.stringify(ledger, null, 2)}\n`);
  return area.teams[0];
}
