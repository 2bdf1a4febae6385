import { defineConfig } from 'vitest/config';

// Three projects, so that the everyday loop (`npm run test:unit`) never waits for a build:
// - unit: modules (checker, models, incremental, lib), scripts and the fixture seed; no site is built;
// - site: whole-build behaviour on the fixture sites (tests/site) and in Chromium (tests/browser);
//   tests/support/global-setup.ts builds each shared fixture site once per run, before these start;
// - content: the repository's own notes and data: the invariants every valid content keeps, and a
//   copy of it with a note added, edited, triaged and retired.
export default defineConfig({
  test: {
    // Site, browser and content tests mostly wait for builds, Chromium and servers in other
    // processes: three files at a time keep both cores busy (Vitest's default is cores - 1 = 1).
    maxWorkers: 3,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'tests/*.test.ts',
            'tests/{lib,scripts,seed,checker,incremental,models,loaders}/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/{site,browser}/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'content', include: ['tests/content/**/*.test.ts'] },
      },
    ],
  },
});
