import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runBuild, TMP } from '../support/build-site.ts';
import { copyContent } from '../support/dist.ts';

// Astro's incremental build restores item pages whose cache key is unchanged: the key must change
// whenever anything the page shows changes, or readers would see stale pages.
describe('an incremental rebuild after changing one note', async () => {
  const root = copyContent('incremental');
  const outDir = join(TMP, 'test-dist', 'incremental');
  rmSync(join(TMP, 'test-cache', 'incremental'), { recursive: true, force: true });
  const build = { name: 'incremental', contentRoot: root };
  const first = await runBuild(build, outDir);
  if (first.code !== 0) throw new Error(first.output);

  const changed = join(root, 'notes/kubernetes-1.7/local-persistent-volumes.md');
  writeFileSync(
    changed,
    readFileSync(changed, 'utf8').replace(/^  title: .*$/m, '  title: 改过的标题'),
  );
  const second = await runBuild(build, outDir);
  const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');

  test('restores unchanged item pages from the cache', () => {
    expect(second.code).toBe(0);
    expect(second.output).toMatch(
      /\/en\/items\/k8s-1\.7-cluster-autoscaler\/index\.html \(restored\)/,
    );
  });

  test('renders the changed note again', () => {
    expect(second.output).not.toMatch(
      /\/zh\/items\/k8s-1\.7-local-persistent-volumes\/index\.html \(restored\)/,
    );
    expect(page('zh/items/k8s-1.7-local-persistent-volumes')).toContain('<h1>改过的标题</h1>');
  });

  test('renders again the notes that list it as a neighbour', () => {
    expect(page('zh/items/k8s-1.7-local-storage-capacity-isolation')).toContain('改过的标题');
  });

  test('renders the list pages again', () => {
    expect(page('zh/releases/kubernetes-1.7')).toContain('改过的标题');
    expect(page('zh/teams/ops')).toContain('改过的标题');
  });
});
