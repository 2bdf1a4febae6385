import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { readProjectFiles } from '../../src/checker/files.ts';
import { beforeImport } from '../support/before-import.ts';
import { buildSite } from '../support/build-site.ts';
import { copyContent, readPages, readSearchUrls } from '../support/dist.ts';

const UNTRIAGED = (id: string, area: string, title: string) => `---
id: ${id}
section: other-notable-changes
area: ${area}
impact: untriaged
upstream: [https://github.com/kubernetes/kubernetes/pull/${id.replace(/\D+/g, '').slice(-5)}]
pendingTranslation: [zh]
en:
  title: ${title}
  summary: ${title}, as upstream words it.
---
`;

const RELEASE_1_9 = `product: Kubernetes
version: "1.9"
idPrefix: k8s-1.9
releaseDate: 2017-12-15
changelogUrl: https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.9.md
assessment:
  status: in-progress
`;

const SUPERSEDING = `---
id: k8s-1.9-pr-90003
section: action-required
area: scheduling
impact: action-required
teams: [platform]
supersedes: [k8s-1.8-pr-49976]
action:
  when: before-upgrade
  zh: 按1.9的步骤完成迁移。
  en: Finish the migration with the 1.9 steps.
zh:
  title: 亲和性迁移的最终步骤
  summary: 上游在1.9中给出了迁移的最终步骤。
  assessment: 按1.9的步骤完成迁移。
en:
  title: Final step of the affinity migration
  summary: Upstream gives the final migration step in 1.9.
  assessment: Finish the migration with the 1.9 steps.
---
`;

/**
 * A copy of the repository's hand-written content with: an untriaged 1.7 note under API Machinery (which a 1.7
 * remark rules out as a whole), an untriaged one under kubectl (no verdict there; the ops team triages
 * kubectl) and a 1.9 release whose note supersedes the 1.8 one.
 */
function triageSite(): string {
  const root = copyContent('triage');
  // Without the imported notes: the counts below are about the notes this test adds.
  let files = readProjectFiles(root);
  for (const source of ['k8s-v1.7.0-release-notes.md', 'k8s-v1.8.0-release-notes.md']) {
    const before = beforeImport(files, source);
    for (const path of before.removed) rmSync(join(root, path));
    writeFileSync(join(root, before.ledger.path), before.ledger.text);
    files = before.files;
  }
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write(
    'notes/kubernetes-1.7/pr-90001.md',
    UNTRIAGED('k8s-1.7-pr-90001', 'api-machinery', 'Tidy the API machinery'),
  );
  write(
    'notes/kubernetes-1.7/pr-90002.md',
    UNTRIAGED('k8s-1.7-pr-90002', 'kubectl', 'New kubectl flag --frobnicate'),
  );
  write('data/releases/kubernetes-1.9.yaml', RELEASE_1_9);
  write('notes/kubernetes-1.9/pr-90003.md', SUPERSEDING);
  write(
    'notes/kubernetes-1.9/pr-90004.md',
    UNTRIAGED('k8s-1.9-pr-90004', 'kubectl', 'Another kubectl change'),
  );
  const areasPath = join(root, 'data/areas.yaml');
  const areas = parse(readFileSync(areasPath, 'utf8')) as Record<string, { teams?: string[] }>;
  areas['kubectl'] = { ...areas['kubectl'], teams: ['ops'] };
  writeFileSync(areasPath, stringify(areas));
  const ledgerPath = join(root, 'notes/ids.json');
  const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8')) as { ids: string[] };
  ledger.ids.push('k8s-1.7-pr-90001', 'k8s-1.7-pr-90002', 'k8s-1.9-pr-90003', 'k8s-1.9-pr-90004');
  writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
  return root;
}

const root = triageSite();
let pages = new Map<string, string>();
let searchUrls: string[] = [];
let exported: { id: string; impact: string; assessedBy: string; waitingFor: string[] }[] = [];

beforeAll(async () => {
  const dist = await buildSite({ name: 'triage', contentRoot: root });
  pages = readPages(dist);
  searchUrls = readSearchUrls(dist);
  exported = (
    JSON.parse(readFileSync(join(dist, 'notes.json'), 'utf8')) as { notes: typeof exported }
  ).notes;
});

function text(path: string): string {
  const html = pages.get(`${path}index.html`);
  if (html === undefined) throw new Error(`no page ${path}`);
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/ ([,:.)])/g, '$1');
}

describe('area verdicts', () => {
  test('an untriaged note under a ruled-out area takes the area verdict, and says so', () => {
    const page = text('en/items/k8s-1.7-pr-90001/');
    expect(page).toContain('No impact · by area');
    expect(page).toContain(
      'it takes the verdict of the release remark on Other notable changes · API Machinery',
    );
    expect(page).toContain('Most of these changes have no direct bearing on usage');
    expect(text('zh/items/k8s-1.7-pr-90001/')).toContain('无影响 · 按领域');
  });

  test('a note no verdict covers stays untriaged and names the team it waits for', () => {
    const page = text('en/items/k8s-1.7-pr-90002/');
    expect(page).toContain('Untriaged');
    expect(page).toMatch(/Assessed not yet/);
    expect(page).toMatch(/Waiting for Operations team|Waiting for Ops/);
  });

  test('exports carry the effective verdict and how it was reached', () => {
    const byId = new Map(exported.map((note) => [note.id, note]));
    expect(byId.get('k8s-1.7-pr-90001')).toMatchObject({
      impact: 'none',
      assessedBy: 'area',
      waitingFor: [],
    });
    expect(byId.get('k8s-1.7-pr-90002')).toMatchObject({
      impact: 'untriaged',
      assessedBy: 'nobody',
      waitingFor: ['ops'],
    });
    expect(byId.get('k8s-1.7-cluster-autoscaler')).toMatchObject({ assessedBy: 'note' });
  });
});

describe('coverage and the untriaged queue', () => {
  test('the release page counts items assessed individually, by area and not at all', () => {
    const page = text('en/releases/kubernetes-1.7/');
    expect(page).toContain('43 of 44 upstream items assessed (97%)');
    expect(page).toContain('42 individually, 1 by area verdict, 1 untriaged');
    expect(page).toMatch(/Untriaged queue \(1\)/);
  });

  test('the queue lists only what nobody has assessed, under its area and its triaging team', () => {
    const page = text('en/releases/kubernetes-1.7/untriaged/');
    expect(page).toContain('New kubectl flag --frobnicate');
    expect(page).not.toContain('Tidy the API machinery');
    expect(page).toMatch(/kubectl \(CLI\) \(1\) Triaged by: Op/);
    const html = pages.get('en/releases/kubernetes-1.7/untriaged/index.html') ?? '';
    expect(html).toMatch(/id="k8s-1.7-pr-90002"|data-teams="ops"/);
  });

  test('the team page links to what waits for it', () => {
    const html = pages.get('en/teams/ops/index.html') ?? '';
    expect(html).toContain('/en/releases/kubernetes-1.7/untriaged/?team=ops');
    expect(text('en/teams/ops/')).toContain('1 untriaged items in its areas');
  });
});

describe('upgrade paths', () => {
  test('the index links every pair of releases, older to newer', () => {
    const html = pages.get('en/upgrade/index.html') ?? '';
    for (const path of [
      'kubernetes-1.7/kubernetes-1.8',
      'kubernetes-1.7/kubernetes-1.9',
      'kubernetes-1.8/kubernetes-1.9',
    ])
      expect(html).toContain(`/en/upgrade/${path}/`);
    expect(pages.has('en/upgrade/kubernetes-1.8/kubernetes-1.7/index.html')).toBe(false);
  });

  test('a path lists the items of the releases it crosses, chains collapsed to their latest note', () => {
    const longPath = text('en/upgrade/kubernetes-1.7/kubernetes-1.9/');
    expect(longPath).toContain('Releases crossed: Kubernetes 1.8, Kubernetes 1.9');
    expect(longPath).toContain('Final step of the affinity migration');
    expect(longPath).toContain(
      'Also stands for: Kubernetes 1.8: Affinity in annotations (AffinityInAnnotations) removed in 1.8',
    );
    expect(longPath).not.toContain('Cluster Autoscaler');
    const shortPath = text('en/upgrade/kubernetes-1.7/kubernetes-1.8/');
    expect(shortPath).toContain('Affinity in annotations (AffinityInAnnotations) removed in 1.8');
    expect(shortPath).not.toContain('Final step of the affinity migration');
  });

  test('a path counts the items it does not list, per release, and says when it is incomplete', () => {
    const page = text('en/upgrade/kubernetes-1.7/kubernetes-1.9/');
    expect(page).toContain('1 items on this path are not assessed yet, so it is not complete');
    expect(page).toContain(
      'Counted, not listed Release Investigate Watch No impact Untriaged Kubernetes 1.8 0 0 0 0 Kubernetes 1.9 0 0 0 1',
    );
    const html = pages.get('en/upgrade/kubernetes-1.7/kubernetes-1.9/index.html') ?? '';
    expect(html).toContain('href="/en/releases/kubernetes-1.9/untriaged/">1</a>');
    expect(text('en/upgrade/kubernetes-1.7/kubernetes-1.8/')).not.toContain('not assessed yet');
  });
});

describe('search', () => {
  test('indexes items and the upgrade index, not the queues and paths that repeat items', () => {
    expect(searchUrls).toContain('/en/items/k8s-1.7-pr-90002/');
    expect(searchUrls).toContain('/zh/upgrade/');
    expect(
      searchUrls.filter((url) => /releases\/.*\/untriaged|upgrade\/kubernetes/.test(url)),
    ).toEqual([]);
  });
});
