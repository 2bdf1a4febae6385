/**
 * The one module pages take data from: the checked project as the lists page models are built from
 * (`site`, see src/models/site.ts), and the note bodies. It is evaluated once per build, so thousands
 * of pages share one set of lists. Components never import it; they take models.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { siteConfig } from '../site.config.ts';
import { formatProblem } from './checker/problems.ts';
import { loadProject, type Project } from './checker/index.ts';
import { idWrittenIn, readProjectFiles } from './checker/files.ts';
import { sharedCheckedProject } from './checker/shared.ts';
import { buildSite, type Site } from './models/site.ts';

/** A note the checker could not take, as the dev server shows it on the note's page. */
export interface NoteWithProblems {
  id: string;
  file: string;
  /** The checker's lines about the file. */
  problems: string[];
}

/**
 * The project as the checker validated it for this build; the dev server reads it again each time this
 * module is reloaded (on every note change), printing problems as a build would, and keeps the notes
 * it could not take so that their pages show why instead of a 404 (a build stops on any problem).
 */
function checkedProject(): { project: Project; notesWithProblems: NoteWithProblems[] } {
  const shared = sharedCheckedProject();
  if (shared) return { project: shared, notesWithProblems: [] };
  const files = readProjectFiles(siteConfig.contentRoot);
  const { project, problems } = loadProject(files);
  for (const problem of problems) console.error(formatProblem(problem));
  const taken = new Set(project.notes.map((note) => note.file));
  const notesWithProblems = [...Map.groupBy(problems, (problem) => problem.file)].flatMap(
    ([file, fileProblems]) => {
      if (taken.has(file)) return [];
      const text = files.find((candidate) => candidate.path === file)?.text ?? '';
      const id = idWrittenIn(text);
      return id ? [{ id, file, problems: fileProblems.map(formatProblem) }] : [];
    },
  );
  return { project, notesWithProblems };
}

const { project, notesWithProblems } = checkedProject();

/** On the dev server, the notes the checker could not take, with its problems (none in a build). */
export const noteProblems: readonly NoteWithProblems[] = notesWithProblems;

/** The lists every page model is built from. */
export const site: Site = buildSite(project, {
  base: siteConfig.base,
  trackerUrlPattern: siteConfig.trackerUrlPattern,
  repositoryUrl: siteConfig.repositoryUrl,
});

// Astro warns about an empty collection, and most projects have no note with a body.
const hasBodies = project.notes.some((note) => note.body.trim() !== '');

/** Note body entries by note id (notes with a Markdown body only), for rendering the body. */
export const noteEntryById: ReadonlyMap<string, CollectionEntry<'notes'>> = new Map(
  (hasBodies ? await getCollection('notes') : []).map((entry) => [entry.data.id, entry]),
);
