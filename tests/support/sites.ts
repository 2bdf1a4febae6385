import { inject } from 'vitest';
import { join } from 'node:path';
import { ROOT, TMP, type SiteBuild } from './build-site.ts';

/** The fixture sites: small `data/` + `notes/` folders that tests of code build, never the repository's content. */
export const FIXTURES = join(ROOT, 'tests/fixtures/sites');

/** Content root of the main fixture site (see tests/fixtures/sites/README.md). */
export const KUBERNETES = join(FIXTURES, 'kubernetes');

/** Content root of the server tests' small site (written by `writeNginxFixture` in global setup). */
export const NGINX_SITE = join(TMP, 'test-fixtures', 'nginx-site');

/** The base path of the base-path build. */
export const BASE = '/pict-notes/';

/** The builds shared by several test files: built once per run, before the tests, by `tests/support/global-setup.ts`. */
export const SHARED_BUILDS = {
  kubernetes: { name: 'kubernetes', contentRoot: KUBERNETES },
  'kubernetes-base': { name: 'kubernetes-base', contentRoot: KUBERNETES, base: BASE },
  translated: { name: 'translated', contentRoot: join(FIXTURES, 'translated') },
  'search-ranking': {
    name: 'search-ranking',
    contentRoot: join(ROOT, 'tests/fixtures/search-site'),
  },
  // The benchmark generator's corpus (2,000 notes): its folder is made in global setup (benchContentRoot).
  'bench-corpus': { name: 'bench-corpus', contentRoot: '' },
  nginx: { name: 'nginx', contentRoot: NGINX_SITE, base: '/' },
  'nginx-base-path': { name: 'nginx-base-path', contentRoot: NGINX_SITE, base: BASE },
} as const satisfies Record<string, SiteBuild>;

/** A shared build's name. */
export type SharedBuild = keyof typeof SHARED_BUILDS;

/** What global setup built: the output folder of each shared build, or the build's output when it failed. */
export type BuiltSites = Record<SharedBuild, { outDir: string } | { error: string }>;

declare module 'vitest' {
  export interface ProvidedContext {
    sites: BuiltSites;
  }
}

/** The output folder of a shared build; throws the build's output when it failed. */
export function builtSite(name: SharedBuild): string {
  const site = inject('sites')[name];
  if ('error' in site) throw new Error(site.error);
  return site.outDir;
}
