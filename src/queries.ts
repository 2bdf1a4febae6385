/**
 * The one module pages take data from: the checked project as the lists page models are built from
 * (`site`, see src/models/site.ts), and the note bodies. It is evaluated once per build, so thousands
 * of pages share one set of lists. Components never import it; they take models.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { siteConfig } from '../site.config.ts';
import { formatProblem } from './checker/problems.ts';
import { loadProject, type Project } from './checker/index.ts';
import { readProjectFiles } from './checker/files.ts';
import { sharedCheckedProject } from './checker/shared.ts';
import { buildSite, type Site } from './models/site.ts';

/**
 * The project as the checker validated it for this build; the dev server reads it again each time this
 * module is reloaded (on every note change), printing problems as a build would.
 */
function checkedProject(): Project {
  const shared = sharedCheckedProject();
  if (shared) return shared;
  const { project, problems } = loadProject(readProjectFiles(siteConfig.contentRoot));
  for (const problem of problems) console.error(formatProblem(problem));
  return project;
}

const project = checkedProject();

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
