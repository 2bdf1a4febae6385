import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../../site.config.ts';
import { formatProblem } from '../lib/problems.ts';
import { loadProject } from '../lib/project.ts';
import { readProjectFiles } from '../lib/read-project.ts';

/** Runs the note checker before Astro loads content: a build with any problem stops before writing anything. */
export function checkSource(): AstroIntegration {
  return {
    name: 'pict-check-source',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const { problems } = loadProject(
          readProjectFiles(resolve(fileURLToPath(config.root), siteConfig.contentRoot)),
        );
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
