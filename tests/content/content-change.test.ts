import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import type { Project } from '../../src/checker/index.ts';
import { buildFresh, ROOT } from '../support/build-site.ts';
import { copyContent, readPages, readProject, refreshTargetOf } from '../support/dist.ts';
import { INVARIANT_NAMES, runInvariants } from '../support/invariants.ts';
import { EXAMPLE_TITLE, runScript, scaffoldNote } from '../support/scripts.ts';

// What authors do every day must never turn CI red: in a copy of the repository's content, add a
// note (as docs/authoring.md shows: `npm run new`, then fill it in), edit a note's text, triage an
// untriaged note and retire an id by renaming a note. The copy must pass `npm run check` and its
// build every invariant, and each change must show on the site. Nothing here depends on which
// notes the repository has: each change picks its note from whatever content there is.

/** Rewrites the frontmatter of a note file through the YAML document model (comments and body kept). */
function editFrontmatter(
  file: string,
  edit: (doc: ReturnType<typeof parseDocument>) => void,
): void {
  const text = readFileSync(file, 'utf8');
  const match = /^---\n([\s\S]*?\n)---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file} has no frontmatter`);
  const doc = parseDocument(match[1] ?? '');
  edit(doc);
  writeFileSync(file, `---\n${String(doc)}---\n${match[2] ?? ''}`);
}

/** Texts of one language, as the authoring guide's example note has them. */
const texts = (title: string) => ({
  title,
  summary: `${title}: what changed upstream.`,
  assessment: `${title}: what it means for PICT.`,
});

interface Changes {
  root: string;
  added: { id: string; title: string };
  edited: { id: string; title: string };
  triaged: { id: string; release: string };
  retired: { from: string; to: string };
}

/** Makes the four changes in a fresh copy of the repository content; returns what changed. */
function changeContent(): Changes {
  const root = copyContent('content-change', ROOT);
  const project: Project = readProject(root);
  const file = (id: string) => {
    const note = project.notes.find((candidate) => candidate.data.id === id);
    if (!note) throw new Error(`no note ${id}`);
    return join(root, note.file);
  };
  const team = project.teams[0]?.id;
  const release = project.releases[0];
  if (!team || !release) throw new Error('the content has no team or no release');

  // Add: `npm run new`, then fill in the frontmatter as the authoring guide's example does.
  const added = { ...scaffoldNote(root, release.id), title: EXAMPLE_TITLE };
  editFrontmatter(added.file, (doc) => {
    doc.set('impact', 'attention');
    doc.set('teams', [team]);
    doc.set('upstream', ['https://github.com/kubernetes/kubernetes/pull/47869']);
    doc.set('zh', texts('亲和性注解已移除'));
    doc.set('en', texts(added.title));
  });

  // The notes the other changes take: different ones, and none that another note points at.
  const pointedAt = new Set([
    ...project.notes.flatMap((note) => [...note.data.follows, ...note.data.supersedes]),
    ...Object.values(project.ledger.redirects),
  ]);
  const untriaged = project.notes.find((note) => note.data.impact === 'untriaged');
  const others = project.notes.filter(
    (note) => note !== untriaged && !pointedAt.has(note.data.id) && note.data.en,
  );
  const [toEdit, toRetire] = others;
  if (!toEdit || !toRetire) throw new Error('the content has fewer than two notes to change');

  // Edit: a new English title.
  const edited = { id: toEdit.data.id, title: 'Edited title for the content-change test' };
  editFrontmatter(file(edited.id), (doc) => doc.setIn(['en', 'title'], edited.title));

  // Triage: an untriaged note (or, in content without one, a second scaffolded note) gets an
  // impact, a team, both languages' texts and no pending translation.
  const triagedNote = untriaged
    ? { id: untriaged.data.id, file: file(untriaged.data.id), release: untriaged.data.release }
    : { ...scaffoldNote(root, release.id), release: release.id };
  editFrontmatter(triagedNote.file, (doc) => {
    doc.set('impact', 'investigate');
    doc.set('teams', [team]);
    doc.delete('pendingTranslation');
    doc.set('zh', texts('已评估的条目'));
    const en = doc.getIn(['en', 'title']);
    doc.set('en', texts(typeof en === 'string' ? en : 'A triaged item'));
  });

  // Retire: rename a note's id, recording a redirect from the old one, as `npm run ids` does.
  const retired = { from: toRetire.data.id, to: `${toRetire.data.id}-renamed` };
  editFrontmatter(file(retired.from), (doc) => doc.set('id', retired.to));
  const ledgerPath = join(root, 'notes/ids.json');
  const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8')) as {
    ids: string[];
    redirects: Record<string, string>;
  };
  ledger.ids = [...ledger.ids, retired.to].sort();
  ledger.redirects[retired.from] = retired.to;
  writeFileSync(ledgerPath, `${JSON.stringify(ledger, null, 2)}\n`);

  return {
    root,
    added: { id: added.id, title: added.title },
    edited,
    triaged: { id: triagedNote.id, release: triagedNote.release },
    retired,
  };
}

describe('a copy of the content with a note added, edited, triaged and retired', () => {
  const changes = changeContent();
  let dist = '';
  let pages = new Map<string, string>();
  let exported: { id: string; impact: string; assessedBy: string }[] = [];
  let failures: Record<string, string[]> = {};
  const page = (path: string) => pages.get(`${path}index.html`) ?? '';

  beforeAll(async () => {
    dist = await buildFresh({ name: 'content-change', contentRoot: changes.root });
    pages = readPages(dist);
    exported = (
      JSON.parse(readFileSync(join(dist, 'notes.json'), 'utf8')) as { notes: typeof exported }
    ).notes;
    failures = await runInvariants(dist, changes.root);
  });

  test('passes npm run check', () => {
    const result = runScript('check.ts', [changes.root]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  test.each(INVARIANT_NAMES)('keeps the invariant: %s', (name) => {
    expect(failures[name]).toEqual([]);
  });

  test('shows the added note in both languages and exports it', () => {
    expect(page(`en/items/${changes.added.id}/`)).toContain(changes.added.title);
    expect(page(`zh/items/${changes.added.id}/`)).toContain('亲和性注解已移除');
    expect(exported.find((note) => note.id === changes.added.id)).toMatchObject({
      impact: 'attention',
    });
  });

  test('shows the edited text', () => {
    expect(page(`en/items/${changes.edited.id}/`)).toContain(changes.edited.title);
  });

  test('shows the triaged note with its impact, assessed, and no longer in the untriaged queue', () => {
    const { id, release } = changes.triaged;
    expect(exported.find((note) => note.id === id)).toMatchObject({
      impact: 'investigate',
      assessedBy: 'note',
    });
    expect(page(`zh/items/${id}/`)).toContain('已评估的条目');
    expect(page(`en/releases/${release}/untriaged/`)).not.toContain(`/en/items/${id}/`);
  });

  test('redirects the retired id to the renamed note', () => {
    const { from, to } = changes.retired;
    expect(refreshTargetOf(page(`en/items/${from}/`))).toBe(`/en/items/${to}/`);
    expect(refreshTargetOf(page(`i/${from}/`))).toBe(`/zh/items/${to}/`);
    expect(refreshTargetOf(page(`en/items/${to}/`))).toBeUndefined();
  });
});
