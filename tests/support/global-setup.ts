import type { TestProject } from 'vitest/node';
import { buildFresh } from './build-site.ts';
import { writeNginxFixture } from './nginx-site.ts';
import { SHARED_BUILDS, type BuiltSites, type SharedBuild } from './sites.ts';

/**
 * Builds each shared fixture site once per run, before any test file of the project starts, and
 * hands the output folders to the tests (`builtSite(name)`, through Vitest's provide/inject).
 * Builds of the same content run side by side: the machine has two cores and a build leaves one
 * mostly idle.
 * A failed build fails the tests that use it, with the build's output, not the whole run.
 */
export default async function setup(project: TestProject): Promise<void> {
  writeNginxFixture();
  const entries: (readonly [SharedBuild, BuiltSites[SharedBuild]])[] = [];
  // Astro writes the content modules of a build to the project's .astro/ folder, so builds of
  // different content must not overlap: one content root after the other, its builds side by side.
  const byContent = Map.groupBy(Object.values(SHARED_BUILDS), (build) => build.contentRoot);
  for (const builds of byContent.values()) {
    entries.push(
      ...(await Promise.all(
        builds.map(async (build) => {
          const site = await buildFresh(build).then(
            (outDir) => ({ outDir }),
            (error: unknown) => ({ error: String(error) }),
          );
          return [build.name as SharedBuild, site] as const;
        }),
      )),
    );
  }
  project.provide('sites', Object.fromEntries(entries) as BuiltSites);
}
