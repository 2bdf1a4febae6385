import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../../site.config.ts';
import { formatProblem } from '../checker/problems.ts';
import { loadProject } from '../checker/index.ts';
import { readProjectFiles } from '../checker/files.ts';
import { shareCheckedProject } from '../checker/shared.ts';
import { YamlCache } from '../incremental/yaml-cache.ts';

/**
 * Runs the note checker before Astro loads content: a build with any problem stops before writing
 * anything. Parsed YAML is cached between builds. A build shares the checked project: its pages
 * are rendered from it, and the search index groups item pages by its releases; the dev server reads
 * the project again whenever a note or data file changes (see `src/content.config.ts`).
 */
export function checkSource(): AstroIntegration {
  return {
    name: 'pict-check-source',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const cacheFile = fileURLToPath(new URL('pict-frontmatter.json', config.cacheDir));
        const yaml = YamlCache.read(cacheFile);
        const root = resolve(fileURLToPath(config.root), siteConfig.contentRoot);
        const files = readProjectFiles(root);
        const { project, problems } = loadProject(files, yaml);
        yaml.writeIfChanged(cacheFile);
        if (command === 'build') shareCheckedProject(project);
        if (problems.length === 0) return;
        for (const problem of problems) logger.error(formatProblem(problem));
        if (command === 'build') {
          logger.error(`${problems.length} problem(s) in notes or data: nothing was built.`);
          process.exit(1);
        }
      },
    },
  };
}
