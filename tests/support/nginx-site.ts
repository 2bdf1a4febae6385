import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { minimalProject, RELEASE_1_8, validNote } from '../fixtures/minimal-project.ts';
import { NGINX_SITE } from './sites.ts';

/** The live note of the fixture. */
export const LIVE = 'k8s-1.7-local-volume-unmount';
/** The note of its second release. */
export const OTHER = 'k8s-1.8-kubelet-flag';

/**
 * Writes a small site for the server tests into `NGINX_SITE` (`tmp/test-fixtures/nginx-site/`) and returns its folder: two releases (so an upgrade path exists), and retired ids — one renamed
 * note and a chain (renamed twice) — as `npm run ids` records renames.
 */
export function writeNginxFixture(): string {
  const root = NGINX_SITE;
  const files = [
    ...minimalProject().filter((file) => file.path !== 'notes/ids.json'),
    {
      path: 'data/releases/kubernetes-1.8.yaml',
      text: RELEASE_1_8,
    },
    {
      path: 'notes/kubernetes-1.8/kubelet-flag.md',
      text: validNote({
        id: `id: ${OTHER}`,
        section: 'section: deprecations',
        impact: 'impact: attention',
        reason: undefined,
      }),
    },
    {
      path: 'notes/ids.json',
      text: `${JSON.stringify(
        {
          ids: [LIVE, OTHER, 'k8s-1.7-old-name', 'k8s-1.7-oldest-name'],
          redirects: { 'k8s-1.7-old-name': LIVE, 'k8s-1.7-oldest-name': 'k8s-1.7-old-name' },
        },
        null,
        2,
      )}\n`,
    },
  ];
  // Test files running at once share it: a file is replaced whole (rename), and only when it differs.
  for (const file of files) {
    const path = join(root, file.path);
    if (existsSync(path) && readFileSync(path, 'utf8') === file.text) continue;
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${root}.${process.pid}.tmp`;
    writeFileSync(temporary, file.text);
    renameSync(temporary, path);
  }
  return root;
}
