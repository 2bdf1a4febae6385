import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** Builds the Pagefind search index (one per page language) into `<outDir>/pagefind/` at the end of every build. */
export function searchIndex(): AstroIntegration {
  return {
    name: 'pict-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // `-` and `.` are kept inside words so ids, flags and versions are searchable as typed.
        const { index, errors } = await pagefind.createIndex({ includeCharacters: '-._' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        // Only the language pages hold content; short links and the root page only redirect.
        const added = await index.addDirectory({ path: outDir, glob: '{zh,en}/**/*.html' });
        if (added.errors.length > 0)
          throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
        // The output folder is kept between builds: fragments of an earlier index must not linger.
        rmSync(`${outDir}/pagefind`, { recursive: true, force: true });
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length > 0)
          throw new Error(`Pagefind could not write: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Search index: ${added.page_count} pages.`);
      },
    },
  };
}
