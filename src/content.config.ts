/**
 * The content model. Schemas (each field documented) live in `src/schemas/`, shared with
 * `npm run check`, which validates the same files without building; references between
 * collections are plain ids, checked by that checker (it also runs before every build).
 */
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { areaSchema } from './schemas/area.ts';
import { componentSchema } from './schemas/component.ts';
import { noteSchema } from './schemas/note.ts';
import { releaseSchema } from './schemas/release.ts';
import { teamSchema } from './schemas/team.ts';
import {
  readKeyedYaml,
  readSourceTexts,
  readYamlFolder,
  releaseOfNoteFile,
} from './lib/data-files.ts';
import { siteConfig } from '../site.config.ts';

const root = siteConfig.contentRoot;

/** Notes: `notes/<release-id>/*.md(x)`, keyed by their frontmatter `id`; `release` comes from the folder. */
function notesLoader(): Loader {
  const files = glob({
    pattern: '*/*.{md,mdx}',
    base: `${root}/notes`,
    generateId: ({ data }) => String(data['id']),
  });
  return {
    name: 'pict-notes',
    load: (context) => {
      // The glob loader keeps entries whose file is unchanged; after a schema change they must be
      // parsed again (new fields, new defaults), so the store starts afresh.
      const schemas = context.generateDigest(readSourceTexts(['src/schemas', 'src/lib']));
      if (context.meta.get('schemas') !== schemas) {
        context.store.clear();
        context.meta.set('schemas', schemas);
      }
      return files.load({
        ...context,
        parseData: (props) =>
          context.parseData({
            ...props,
            data: { release: releaseOfNoteFile(props.filePath ?? ''), ...props.data },
          }),
      });
    },
  };
}

export const collections = {
  /** Upstream releases PICT assesses (`data/releases/<id>.yaml`). */
  releases: defineCollection({
    loader: () => readYamlFolder(`${root}/data/releases`),
    schema: releaseSchema,
  }),
  /** PICT teams (`data/teams.yaml`). */
  teams: defineCollection({
    loader: () => readKeyedYaml(`${root}/data/teams.yaml`),
    schema: teamSchema,
  }),
  /** Upstream components (`data/components.yaml`). */
  components: defineCollection({
    loader: () => readKeyedYaml(`${root}/data/components.yaml`),
    schema: componentSchema,
  }),
  /** Upstream release-notes areas (`data/areas.yaml`). */
  areas: defineCollection({
    loader: () => readKeyedYaml(`${root}/data/areas.yaml`),
    schema: areaSchema,
  }),
  /** One note per upstream item. */
  notes: defineCollection({ loader: notesLoader(), schema: noteSchema }),
};
