/**
 * Astro's content layer compiles note bodies (Markdown or MDX) and nothing else. Everything pages show
 * about notes, releases, teams, components and areas comes from the project the note checker
 * validated (`src/queries.ts`), so it is parsed and validated once, by the schemas in `src/schemas/`.
 *
 * A build has that project before the content layer runs. The dev server has none: there the content
 * layer watches every note and data file, and a change reloads the pages, which read the project again.
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { siteConfig } from '../site.config.ts';
import { SOURCE_PATHS } from './checker/index.ts';
import { sharedCheckedProject } from './checker/shared.ts';

const root = siteConfig.contentRoot;
const project = sharedCheckedProject();

/** A loader that loads nothing (the glob loader warns when nothing matches, which is normal here). */
const nothing: Loader = { name: 'nothing', load: async ({ store }) => store.clear() };

/** In a build, the files of the notes that have a body; on the dev server, every note file. */
function noteFiles(): string[] {
  if (!project) return ['*/*.{md,mdx}'];
  return project.notes
    .filter((note) => note.body.trim() !== '')
    .map((note) => note.file.slice(`${SOURCE_PATHS.notes}/`.length));
}

const notePatterns = noteFiles();

export const collections = {
  /** Note bodies, keyed by note id; the entries' data is only the id. */
  notes: defineCollection({
    loader:
      notePatterns.length === 0
        ? nothing
        : glob({
            pattern: notePatterns,
            base: `${root}/${SOURCE_PATHS.notes}`,
            generateId: ({ data }) => String(data['id']),
          }),
    schema: z.object({ id: z.string() }),
  }),
  /** On the dev server, the data files and the id ledger, watched so that editing one reloads the pages. */
  dataFiles: defineCollection({
    loader: project
      ? nothing
      : glob({ pattern: ['data/**/*.{yaml,yml}', SOURCE_PATHS.ledger], base: root }),
  }),
};
