import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteConfig } from '../../site.config.ts';
import { formatProblem } from '../lib/problems.ts';
import { loadProject, type Project } from '../lib/project.ts';
import { readProjectFiles } from '../lib/read-project.ts';
import { YamlCache } from '../lib/yaml-source.ts';

function readYamlCache(path: string): YamlCache {
  try {
    return new YamlCache(new Map(JSON.parse(readFileSync(path, 'utf8')) as [string, unknown][]));
  } catch {
    return new YamlCache();
  }
}

/**
 * Runs the note checker before Astro loads content: a build with any problem stops before writing
 * anything. Parsed frontmatter is cached between builds; the checked project is kept for the search
 * index, which groups item pages by release.
 */
export function checkSource(): AstroIntegration & { checkedProject(): Project } {
  let checked: Project | undefined;
  return {
    name: 'pict-check-source',
    checkedProject: () => {
      if (!checked) throw new Error('The project is read when Astro sets up its configuration.');
      return checked;
    },
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const cacheFile = fileURLToPath(new URL('pict-frontmatter.json', config.cacheDir));
        const yaml = readYamlCache(cacheFile);
        const { project, problems } = loadProject(
          readProjectFiles(resolve(fileURLToPath(config.root), siteConfig.contentRoot)),
          yaml,
        );
        mkdirSync(dirname(cacheFile), { recursive: true });
        writeFileSync(cacheFile, JSON.stringify([...yaml.used]));
        checked = project;
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
