/**
 * Astro's content layer compiles note bodies (Markdown or MDX) and nothing else. Everything pages show
 * about notes, releases, teams, components and areas comes from the project the note checker
 * validated (`src/queries.ts`), so it is parsed and validated once, by the schemas in `src/schemas/`.
 *
 * A build has that project before the content layer runs. The dev server has none: there the content
 * layer watches every note and data file, and a change reloads the pages, which read the project again.
 * Only regular files are read (`sourceGlob`): a link, FIFO, socket or device is left to the checker.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { siteConfig } from '../site.config.ts';
import { SOURCE_PATHS } from './checker/index.ts';
import { sharedCheckedProject } from './checker/shared.ts';
import { refusedSourceFiles, sourceGlob } from './loaders/source-files.ts';

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
        : sourceGlob({
            root,
            base: SOURCE_PATHS.notes,
            pattern: notePatterns,
            generateId: ({ data }) => String(data['id']),
          }),
    schema: z.object({ id: z.string() }),
  }),
  /** On the dev server, the data files and the id ledger, watched so that editing one reloads the pages. */
  dataFiles: defineCollection({
    loader: project
      ? nothing
      : sourceGlob({ root, base: '.', pattern: ['data/**/*.{yaml,yml}', SOURCE_PATHS.ledger] }),
  }),
  /**
   * On the dev server, the paths under data/ and notes/ that are not regular files, watched so that
   * adding or removing a FIFO or a link reloads the pages (which print the checker's problem).
   */
  refusedFiles: defineCollection({ loader: project ? nothing : refusedSourceFiles(root) }),
};
