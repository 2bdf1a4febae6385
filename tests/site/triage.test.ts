import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readPages, readSearchUrls } from '../support/dist.ts';
import { builtSite } from '../support/sites.ts';

// The fixture site's triage cases: in 1.7, untriaged notes under API Machinery (which a 1.7 remark
// rules out as a whole: pr-40848, pr-43301, pr-90001) and under kubectl (no verdict there; the ops
// team triages kubectl: pr-90002 and an imported notable feature); a 1.9 release whose note
// supersedes the 1.8 one, and an untriaged 1.9 kubectl note.
let pages = new Map<string, string>();
let searchUrls: string[] = [];
let exported: { id: string; impact: string; assessedBy: string; waitingFor: string[] }[] = [];

beforeAll(() => {
  const dist = builtSite('kubernetes');
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
    // 46 notes assessed one by one; pr-40848, pr-43301 and pr-90001 under the API Machinery verdict;
    // pr-90002 and the imported kubectl notable feature untriaged.
    expect(page).toContain('49 of 51 upstream items assessed (96%)');
    expect(page).toContain('46 individually, 3 by area verdict, 2 untriaged');
    expect(page).toMatch(/Untriaged queue \(2\)/);
  });

  test('the queue lists only what nobody has assessed, under its area and its triaging team', () => {
    const page = text('en/releases/kubernetes-1.7/untriaged/');
    expect(page).toContain('New kubectl flag --frobnicate');
    expect(page).not.toContain('Tidy the API machinery');
    expect(page).toMatch(/kubectl \(CLI\) \(\s*2\s*\) Triaged by: Op/);
    const html = pages.get('en/releases/kubernetes-1.7/untriaged/index.html') ?? '';
    expect(html).toMatch(/id="k8s-1.7-pr-90002"|data-teams="ops"/);
  });

  test('the team page links to what waits for it', () => {
    const html = pages.get('en/teams/ops/index.html') ?? '';
    expect(html).toContain('/en/releases/kubernetes-1.7/untriaged/?team=ops');
    expect(text('en/teams/ops/')).toContain('Kubernetes 1.7: 2 untriaged items in its areas');
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

  test('a path goes through the releases it crosses in order, chains collapsed to their latest note', () => {
    const longPath = text('en/upgrade/kubernetes-1.7/kubernetes-1.9/');
    expect(longPath).toContain('Releases crossed: Kubernetes 1.8, Kubernetes 1.9');
    const to18 = longPath.indexOf('Upgrading to Kubernetes 1.8');
    const to19 = longPath.indexOf('Upgrading to Kubernetes 1.9');
    expect(to18).toBeGreaterThan(0);
    expect(to19).toBeGreaterThan(to18);
    // The 1.9 note that ends the chain is listed under 1.9, and stands for the 1.8 note it follows.
    expect(longPath.indexOf('Final step of the affinity migration')).toBeGreaterThan(to19);
    expect(longPath).toMatch(
      /Also stands for \(1\)\s*Kubernetes 1\.8: Affinity in annotations \(AffinityInAnnotations\) removed in 1\.8/,
    );
    expect(longPath).not.toContain('Cluster Autoscaler');
    const shortPath = text('en/upgrade/kubernetes-1.7/kubernetes-1.8/');
    expect(shortPath).toContain('Affinity in annotations (AffinityInAnnotations) removed in 1.8');
    expect(shortPath).not.toContain('Final step of the affinity migration');
    const html = pages.get('en/upgrade/kubernetes-1.7/kubernetes-1.9/index.html') ?? '';
    expect(html).toContain('<a href="#to-kubernetes-1.8">Kubernetes 1.8</a>');
    expect(html).toMatch(/<h2 id="to-kubernetes-1.9">/);
  });

  test('a path lists the blocking untriaged items under their release, with who must triage them', () => {
    const page = text('en/upgrade/kubernetes-1.7/kubernetes-1.9/');
    expect(page).toContain('Items upstream marks action required that are not yet assessed: 1.');
    expect(page).toMatch(
      /Upgrading to Kubernetes 1\.8 Blocking — not yet assessed \(1\) The CronJob object is now enabled by default at v1beta1 · To triage: \S/,
    );
    expect(page.indexOf('The CronJob object')).toBeLessThan(
      page.indexOf('Upgrading to Kubernetes 1.9'),
    );
  });

  test('a path counts the items it does not list under each release, and says when it is incomplete', () => {
    const page = text('en/upgrade/kubernetes-1.7/kubernetes-1.9/');
    // Four imported 1.8 notes and pr-90004 of 1.9 are untriaged.
    expect(page).toContain('Items on this path not assessed yet: 5. The path is not complete');
    const counted = [...page.matchAll(/Counted, not listed: (.*?) · all (\d+) items?/g)].map(
      (match) => match[1],
    );
    expect(counted).toEqual([
      'Investigate 0 · Watch 0 · No impact 0 · Untriaged 4',
      'Investigate 0 · Watch 0 · No impact 0 · Untriaged 1',
    ]);
    const html = pages.get('en/upgrade/kubernetes-1.7/kubernetes-1.9/index.html') ?? '';
    expect(html).toContain('href="/en/releases/kubernetes-1.8/untriaged/">4</a>');
    expect(html).toContain('href="/en/releases/kubernetes-1.9/untriaged/">1</a>');
    expect(text('en/upgrade/kubernetes-1.8/kubernetes-1.9/')).toContain(
      'Items on this path not assessed yet: 1.',
    );
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
