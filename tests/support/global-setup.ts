import type { TestProject } from 'vitest/node';
import { buildFresh } from './build-site.ts';
import { benchContentRoot } from './bench-site.ts';
import { writeNginxFixture } from './nginx-site.ts';
import { SHARED_BUILDS, type BuiltSites, type SharedBuild } from './sites.ts';

/**
 * Builds each shared fixture site once per run, before any test file of the project starts, and
 * hands the output folders to the tests (`builtSite(name)`, through Vitest's provide/inject).
 * The builds run side by side: the machine has two cores and a build leaves one mostly idle.
 * A failed build fails the tests that use it, with the build's output, not the whole run.
 */
export default async function setup(project: TestProject): Promise<void> {
  writeNginxFixture();
  const corpus = benchContentRoot();
  // All side by side: builds of different content take turns only while they sync and bundle
  // (runBuild's lock), since Astro keeps a build's content modules in the project's one .astro/.
  const entries = await Promise.all(
    Object.values(SHARED_BUILDS).map(async (build) => {
      const site = await buildFresh(
        build.name === 'bench-corpus' ? { ...build, contentRoot: corpus } : build,
      ).then(
        (outDir) => ({ outDir }),
        (error: unknown) => ({ error: String(error) }),
      );
      return [build.name as SharedBuild, site] as const;
    }),
  );
  project.provide('sites', Object.fromEntries(entries) as BuiltSites);
}
