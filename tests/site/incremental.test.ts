import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanBuild, runBuild, TMP } from '../support/build-site.ts';
import { copyContent, readProject, readSearchFragments, readSearchUrls } from '../support/dist.ts';
import { KUBERNETES } from '../support/sites.ts';

const TEMPORARY_COMPONENT = `
short-lived:
  name: { zh: 短暂组件, en: Short-lived component }
  kind: tooling
`;

// Astro's incremental build keeps item pages whose cache key is unchanged: the key must change
// whenever anything the page shows changes, or readers would see stale pages. The output folder is
// kept between builds, so what a build no longer produces must go.
describe('an incremental rebuild after changing one note and removing a component', async () => {
  const root = copyContent('incremental', KUBERNETES);
  const components = join(root, 'data/components.yaml');
  appendFileSync(components, TEMPORARY_COMPONENT);
  const outDir = join(TMP, 'test-dist', 'incremental');
  cleanBuild(outDir);
  // With bundles of at most as many notes as 1.7 has, 1.7 (with the list pages, the oldest release's
  // bundle) and the later releases are indexed apart.
  const notesOf17 = readProject(root).notes.filter(
    (note) => note.data.release === 'kubernetes-1.7',
  ).length;
  const build = { name: 'incremental', contentRoot: root, searchBundleNotes: notesOf17 };
  const first = await runBuild(build, outDir);
  if (first.code !== 0) throw new Error(first.output);
  const bundleWritten = (bundle: string) =>
    statSync(join(outDir, 'pagefind', bundle, 'pagefind-entry.json')).mtimeMs;
  const bundles = ['releases/kubernetes-1.7/', 'releases/kubernetes-1.8/'];
  const firstWritten = bundles.map(bundleWritten);

  const changed = join(root, 'notes/kubernetes-1.7/local-persistent-volumes.md');
  writeFileSync(
    changed,
    readFileSync(changed, 'utf8').replace(/^  title: .*$/m, '  title: 改过的标题'),
  );
  const second = await runBuild(build, outDir);
  const secondWritten = bundles.map(bundleWritten);
  const changedFragment = readSearchFragments(outDir).find(
    (fragment) => fragment.url === '/zh/items/k8s-1.7-local-persistent-volumes/',
  );
  const page = (path: string) => readFileSync(join(outDir, path, 'index.html'), 'utf8');
  const changedPage = page('zh/items/k8s-1.7-local-persistent-volumes');
  const neighbourPage = page('zh/items/k8s-1.7-local-storage-capacity-isolation');

  writeFileSync(components, readFileSync(components, 'utf8').replace(TEMPORARY_COMPONENT, ''));
  const third = await runBuild(build, outDir);

  test('keeps unchanged item pages without rendering them', () => {
    expect(first.output).toContain('/en/components/short-lived/index.html');
    expect(second.code).toBe(0);
    expect(second.output).toMatch(
      /\/en\/items\/k8s-1\.7-cluster-autoscaler\/index\.html \(cached\)/,
    );
  });

  test('renders the changed note again', () => {
    expect(second.output).not.toMatch(
      /\/zh\/items\/k8s-1\.7-local-persistent-volumes\/index\.html \(cached\)/,
    );
    expect(changedPage).toContain('<h1>改过的标题</h1>');
  });

  test("re-indexes for search only the list pages and the changed note's release", () => {
    expect(secondWritten[0]).toBeGreaterThan(firstWritten[0] ?? Infinity);
    expect(secondWritten[1]).toBe(firstWritten[1]);
    expect(changedFragment?.meta['title']).toBe('改过的标题');
  });

  test('renders again the notes that list it as a neighbour', () => {
    expect(neighbourPage).toContain('改过的标题');
  });

  test('removes the pages of the removed component, also from the search index', () => {
    expect(third.code).toBe(0);
    expect(existsSync(join(outDir, 'zh/components/short-lived'))).toBe(false);
    expect(existsSync(join(outDir, 'en/components/short-lived'))).toBe(false);
    const urls = readSearchUrls(outDir);
    expect(urls).toContain('/en/items/k8s-1.7-cluster-autoscaler/');
    expect(urls.filter((url) => url.includes('short-lived'))).toEqual([]);
  });

  test('renders again the list pages that list the changed note', () => {
    for (const path of [
      'zh/releases/kubernetes-1.7',
      'zh/releases/kubernetes-1.7/checklist',
      'zh/teams/ops',
      'zh/components/volume-plugins',
    ])
      expect(page(path), path).toContain('改过的标题');
  });

  test('keeps the list pages that do not list it', () => {
    for (const path of [
      'en/releases/kubernetes-1.8',
      'en/components/kube-dns',
      'en/impact/watch',
      'en/releases/kubernetes-1.7/untriaged',
    ])
      expect(second.output).toContain(`${path}/index.html (cached)`);
  });
});
