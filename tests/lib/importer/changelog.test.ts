import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { areaId, type KnownArea } from '../../../src/lib/importer/areas.ts';
import { isPseudoHeading, parseChangelog } from '../../../src/lib/importer/changelog.ts';
import type { ChangelogRelease, UpstreamItem } from '../../../src/lib/importer/types.ts';
import { compareVersions, parseVersion } from '../../../src/lib/importer/versions.ts';
import { SECTIONS, type Section } from '../../../src/lib/sections.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/upstream/${name}`, import.meta.url), 'utf8');

/** The areas of data/areas.yaml that matter here, as the importer sees them. */
const KNOWN: KnownArea[] = [
  { id: 'networking', names: ['Networking'] },
  { id: 'storage', names: ['Storage'] },
  { id: 'kubectl', names: ['kubectl (CLI)'] },
  { id: 'cloud-providers', names: ['Cloud Providers'] },
  { id: 'cluster-provisioning', names: ['Cluster Provisioning'] },
  { id: 'cluster-lifecycle', names: ['Cluster Lifecycle'] },
  { id: 'kubeadm', names: ['kubeadm'] },
  { id: 'scheduling', names: ['Scheduling'] },
  { id: 'clients', names: ['Information for Kubernetes clients (openapi, swagger, client-go)'] },
];

function release(text: string, version: string): ChangelogRelease {
  const found = parseChangelog(text, { knownAreas: KNOWN }).find(
    (candidate) => candidate.version === version,
  );
  if (!found) throw new Error(`no ${version}`);
  return found;
}

function countBySection(items: readonly UpstreamItem[]): Record<Section, number> {
  const counts = Object.fromEntries(SECTIONS.map((section) => [section, 0])) as Record<
    Section,
    number
  >;
  for (const item of items) counts[item.section] += 1;
  return counts;
}

const SECTION_NAMES: Record<string, Section> = {
  'major themes': 'major-themes',
  'action required before upgrading': 'action-required',
  'before upgrading': 'action-required',
  'action required': 'action-required',
  'known issues': 'known-issues',
  deprecations: 'deprecations',
  'notable features': 'notable-features',
  'other notable changes': 'other-notable-changes',
};
const OUTSIDE =
  /^(?:downloads for|client binaries|server binaries|node binaries|external dependenc|previous releases|introduction to|changelog since)/;

/**
 * An independent, deliberately simple count of the items per section of a changelog text, to check
 * the parser against: a line-by-line walk that knows the section headings, skips fenced code, counts
 * one item per bullet that is not indented (by 2+ columns, a tab counting 2) under the bullet last
 * counted, does not count the pseudo-heading bullets listed by hand (read off the file), and counts
 * one item for each heading listed by hand as holding prose only.
 */
function simpleCounts(
  text: string,
  pseudoLabels: readonly string[],
  proseHeadings: readonly string[],
): Record<Section, number> {
  const counts = Object.fromEntries(SECTIONS.map((section) => [section, 0])) as Record<
    Section,
    number
  >;
  let section: Section | undefined;
  let itemCol: number | undefined;
  let inFence = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = /^#+\s+(.*)$/.exec(line);
    if (heading) {
      const name = (heading[1] ?? '').replace(/\*/g, '').trim().toLowerCase();
      const named = SECTION_NAMES[name];
      if (named) section = named;
      else if (OUTSIDE.test(name)) section = undefined;
      itemCol = undefined;
      if (section && proseHeadings.includes(name)) counts[section] += 1;
      continue;
    }
    const bullet = /^([ \t]*)[*-] +(.*)$/.exec(line);
    if (!bullet || !section) continue;
    const col = (bullet[1] ?? '').replace(/\t/g, '  ').length;
    if (itemCol !== undefined && col >= itemCol + 2) continue;
    if (pseudoLabels.includes((bullet[2] ?? '').trim())) {
      itemCol = undefined;
      continue;
    }
    counts[section] += 1;
    itemCol = col;
  }
  return counts;
}

/** Bullet lines in the sections of a changelog (outside fenced code), by the simple walk. */
function sectionBulletLines(text: string): string[] {
  const lines: string[] = [];
  let inSection = false;
  let inFence = false;
  for (const line of text.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = /^#+\s+(.*)$/.exec(line);
    if (heading) {
      const name = (heading[1] ?? '').replace(/\*/g, '').trim().toLowerCase();
      if (SECTION_NAMES[name]) inSection = true;
      else if (OUTSIDE.test(name)) inSection = false;
      continue;
    }
    const bullet = /^[ \t]*[*-] +(.*)$/.exec(line);
    if (bullet && inSection) lines.push((bullet[1] ?? '').trim());
  }
  return lines;
}

const PSEUDO_1_7 = [
  'Features',
  'Features:',
  'New commands',
  'Strategic Merge Patch',
  'Plugins',
  'Enhancement',
  'Printing/describe',
  'Bug fixes',
  'Bug fixes:',
  'Changes/deprecations',
  'AWS:',
  'Azure:',
  'GCP:',
  'OpenStack:',
  'vSphere:',
  'Juju:',
  'kubeadm',
  'hyperkube',
  'DNS and name resolution',
  'Kube-proxy',
];
const PROSE_1_8 = [
  ...[
    'api machinery',
    'apps',
    'auth',
    'autoscaling',
    'cluster lifecycle',
    'instrumentation',
    'multi-cluster (formerly known as sig federation)',
    'node',
    'network',
    'scalability',
    'scheduling',
    'storage',
  ].map((sig) => `sig ${sig}`),
  'workloads api (apps/v1beta2)',
  '[alpha] federated jobs',
  '[alpha] federated horizontal pod autoscaling (hpa)',
  'kube-proxy ipvs mode',
];

describe.each([
  {
    file: 'k8s-v1.7.0-release-notes.md',
    version: 'v1.7.0',
    pseudo: PSEUDO_1_7,
    prose: ['major themes'],
    // Checked by hand against the file: Major Themes is 4 paragraphs without bullets (1 item);
    // Action Required 1+4+3+1+2+2+2 under its 7 headings; Known Issues 5; Deprecations 2+1+1+1+1+1;
    // Notable Features 75 = Kubefed 1, Kubernetes API 3, Application Deployment 6, Security 7,
    // Application Autoscaling 1, Cluster Lifecycle 2, Federation 2, Instrumentation 1,
    // Internationalization 3, kubectl 36 (Features 6, New commands 2, Strategic Merge Patch 1,
    // Plugins 3, Enhancement 12, Printing/describe 4, Bug fixes 8), Networking 2, Node 6,
    // Scheduling 1, Storage 4; Other notable changes 244 by the simple count above.
    expected: {
      'major-themes': 1,
      'action-required': 15,
      'known-issues': 5,
      deprecations: 7,
      'notable-features': 75,
      'other-notable-changes': 244,
    },
  },
  {
    file: 'k8s-v1.8.0-release-notes.md',
    version: 'v1.8.0',
    pseudo: [],
    prose: PROSE_1_8,
    // Checked by hand: 12 SIG themes (prose); Before Upgrading 12 bullets; Known Issues 8 bullets
    // (each with its "For more information" paragraph); Deprecations 4+2+1+2+1+1; Notable Features
    // 113 bullets plus 4 prose items (the Workloads API paragraph, Federated Jobs, Federated HPA,
    // kube-proxy ipvs mode).
    expected: {
      'major-themes': 12,
      'action-required': 12,
      'known-issues': 8,
      deprecations: 11,
      'notable-features': 117,
      'other-notable-changes': 0,
    },
  },
])('$file', ({ file, version, pseudo, prose, expected }) => {
  const text = fixture(file);
  const parsed = release(text, version);

  test('has the one release section', () => {
    expect(parseChangelog(text).map((entry) => entry.version)).toEqual([version]);
  });

  test('counts per section equal a simple independent count of the file, and the hand count', () => {
    expect(countBySection(parsed.items)).toEqual(simpleCounts(text, pseudo, prose));
    expect(countBySection(parsed.items)).toEqual(expected);
  });

  test('every bullet line of the sections is in an item or is a pseudo-heading, and no line is in two', () => {
    const bullets = sectionBulletLines(text);
    const itemBullets = parsed.items
      .filter((item) => item.kind === 'bullet')
      .reduce((sum, item) => sum + 1 + (item.text.match(/^[ \t]*[*-] +/gm) ?? []).length, 0);
    const pseudoCount = bullets.filter((line) => pseudo.includes(line)).length;
    expect(itemBullets + pseudoCount).toBe(bullets.length);
    for (const line of bullets.filter((entry) => !pseudo.includes(entry))) {
      expect(
        parsed.items.some((item) => item.text.includes(line)),
        line,
      ).toBe(true);
    }
  });

  test('every PR linked in the sections is a PR of an item', () => {
    const prs = new Set(parsed.items.flatMap((item) => item.prs));
    const linked = sectionBulletLines(text)
      .join('\n')
      .match(/https:\/\/github\.com\/[\w-]+\/[\w-]+\/pull\/\d+/g);
    expect(linked?.length).toBeGreaterThan(10);
    for (const url of linked ?? []) expect(prs.has(url), url).toBe(true);
  });

  test('nothing outside the sections is imported, and only section intros are skipped', () => {
    expect(parsed.items.every((item) => item.text.includes('sha256') === false)).toBe(true);
    const dependencies =
      /Docker versions 1\.10\.3|Continuous integration builds|CHANGELOG\.md#v1[78]0-rc1/;
    expect(parsed.items.some((item) => dependencies.test(item.text))).toBe(false);
    expect(new Set(parsed.skipped.map((block) => block.reason))).toEqual(
      new Set(['intro', 'outside-section']),
    );
  });
});

describe('the v1.7.0 quirks', () => {
  const parsed = release(fixture('k8s-v1.7.0-release-notes.md'), 'v1.7.0');
  const item = (start: string) => {
    const found = parsed.items.find((candidate) => candidate.text.startsWith(start));
    if (!found) throw new Error(`no item starting ${start}`);
    return found;
  };

  test('`## Kubefed` at the wrong level is an area of Notable Features, not a section', () => {
    const kubefed = item('Deprecate the `--secret-name` flag from `kubefed join`');
    expect(kubefed).toMatchObject({ section: 'notable-features', area: 'kubefed' });
    expect(item('[beta] ThirdPartyResource is deprecated')).toMatchObject({
      section: 'notable-features',
      area: 'kubernetes-api',
      headings: ['Kubernetes API', 'User Provided Extensions'],
    });
  });

  test('pseudo-heading bullets under kubectl group separate items', () => {
    expect(item('Add `kubectl config rename-context`')).toMatchObject({
      area: 'kubectl',
      groups: ['Features', 'New commands'],
      prs: ['https://github.com/kubernetes/kubernetes/pull/46114'],
      authors: ['arthur0'],
    });
    expect(item('`kubectl version` has new flag --output').groups).toEqual([
      'Features',
      'Printing/describe',
    ]);
    expect(parsed.items.some((candidate) => /^(?:Features|Bug fixes)$/.test(candidate.text))).toBe(
      false,
    );
  });

  test('the NetworkPolicy action keeps its tab-indented paragraphs and YAML block verbatim', () => {
    const policy = item('NetworkPolicy has been promoted');
    expect(policy.actionRequired).toBe(true);
    expect(policy.area).toBe('networking');
    expect(policy.text).toContain(
      '**Action Required:** When upgrading to Kubernetes 1.7 (and a [network plugin]',
    );
    expect(policy.text).toContain(
      '  ```yaml\n  kind: NetworkPolicy\n  apiVersion: networking.k8s.io/v1\n  metadata:\n    name: default-deny\n  spec:\n    podSelector:\n  ```',
    );
    expect(policy.text.split('\n').at(-1)).toMatch(/^In Namespaces that previously did not have/);
  });

  test('nested bullets of an item stay in its text', () => {
    const groups = item('The following alpha API groups were unintentionally enabled');
    expect(groups.text.split('\n')).toEqual([
      expect.stringContaining('will no longer be enabled by default in v1.8:'),
      '',
      '  * rbac.authorization.k8s.io/v1alpha1',
      '',
      '  * settings.k8s.io/v1alpha1',
      '',
      expect.stringMatching(/^ {2}\* If you wish to continue using them in v1\.8/),
    ]);
  });

  test('multi-line bullets and several PRs: the trailer PR comes first', () => {
    const discovery = item('The kube-apiserver discovery APIs');
    expect(discovery.text.split('\n')).toHaveLength(6);
    expect(discovery.prs).toEqual([
      'https://github.com/kubernetes/kubernetes/pull/47977',
      'https://github.com/kubernetes/kubernetes/pull/44957',
    ]);
    const aws = item('cluster/aws: Removed due to');
    expect(aws.prs[0]).toBe('https://github.com/kubernetes/kubernetes/pull/42196');
  });

  test('issue and enhancement links are kept apart from PRs', () => {
    expect(item('Local volume source paths')).toMatchObject({
      prs: [],
      issues: ['https://github.com/kubernetes/kubernetes/issues/48331'],
    });
    expect(item('[alpha] Manual [upgrades for kubeadm').issues).toEqual([
      'https://github.com/kubernetes/enhancements/issues/296',
    ]);
  });

  test('tab-indented bullets are siblings of two-space ones (tab stops of 2)', () => {
    const aws = parsed.items.filter((candidate) => candidate.groups.join() === 'AWS');
    expect(aws).toHaveLength(14);
    expect(aws.map((candidate) => candidate.text).join('\n')).toContain(
      'Start recording cloud provider metrics for AWS',
    );
  });

  test('areas map onto data/areas.yaml ids', () => {
    expect(item('add rancher credential provider').area).toBe('credential-provider');
    expect(item('Add Host field to TCPSocketAction').area).toBe('clients');
    expect(item('cluster/ubuntu: Removed').area).toBe('cluster-provisioning');
    expect(item('[alpha] Manual [upgrades for kubeadm').area).toBe('cluster-lifecycle');
  });
});

describe('the v1.8.0 quirks', () => {
  const parsed = release(fixture('k8s-v1.8.0-release-notes.md'), 'v1.8.0');
  const item = (start: string) => {
    const found = parsed.items.find((candidate) => candidate.text.startsWith(start));
    if (!found) throw new Error(`no item starting ${start}`);
    return found;
  };

  test('SIG themes are prose items with the SIG as area', () => {
    const themes = parsed.items.filter((candidate) => candidate.section === 'major-themes');
    expect(themes.map((theme) => theme.area)).toEqual([
      'api-machinery',
      'apps',
      'auth',
      'autoscaling',
      'cluster-lifecycle',
      'instrumentation',
      'multi-cluster',
      'node',
      'networking',
      'scalability',
      'scheduling',
      'storage',
    ]);
    expect(themes.every((theme) => theme.kind === 'prose')).toBe(true);
  });

  test('"Before Upgrading" is the action-required section', () => {
    expect(item('The kubelet now fails if swap is enabled')).toMatchObject({
      section: 'action-required',
      actionRequired: true,
    });
  });

  test('a known issue keeps its unindented "For more information" paragraph and issue link', () => {
    const issue = item('Kubelets using TLS bootstrapping');
    expect(issue.text).toMatch(
      /\n\nFor more information, see \[#53288\]\(https:\/\/issue\.k8s\.io\/53288\)\.$/,
    );
    expect(issue.issues).toEqual(['https://github.com/kubernetes/kubernetes/issues/53288']);
  });

  test('an inline [Action required] tag flags the item', () => {
    expect(item('[Action required] The validation rule')).toMatchObject({
      section: 'notable-features',
      actionRequired: true,
    });
  });

  describe('a known area heading after the bullets of the heading above it is its sibling', () => {
    // As data/areas.yaml has it: "Workloads API" is an area too, so nesting would take it.
    const known = [...KNOWN, { id: 'workloads-api', names: ['Workloads API'] }];
    const [own] = parseChangelog(fixture('k8s-v1.8.0-release-notes.md'), { knownAreas: known });
    const at = (start: string) => {
      const found = own?.items.find((candidate) => candidate.text.startsWith(start));
      if (!found) throw new Error(`no item starting ${start}`);
      return { headings: found.headings, area: found.area };
    };

    test.each([
      ['`kubectl rollout` and `rollback` now support StatefulSet.', ['CLI Changes'], 'kubectl'],
      ['Added German translation for kubectl.', ['CLI Changes'], 'kubectl'],
      ['[alpha] Users can now add taints to nodes by condition', ['Scheduling'], 'scheduling'],
      ['[stable] Mount options', ['Storage'], 'storage'],
      ['[prototype] Volume snapshots', ['Storage'], 'storage'],
    ])('%s: under %j, area %s (not Workloads API (batch))', (start, headings, area) => {
      expect(at(start)).toEqual({ headings, area });
    });

    test('the parent keeps its own bullets; headings after prose or nothing stay children', () => {
      expect(at('CronJob is now at `batch/v1beta1`')).toEqual({
        headings: ['Workloads API (batch)'],
        area: 'workloads-api',
      });
      expect(at('Job can now set a failure policy').headings).toEqual(['Workloads API (batch)']);
      // "Workloads API (apps/v1beta2)" has a paragraph, not bullets, before its sub-headings.
      expect(at('The default spec.revisionHistoryLimit for all applicable kinds')).toEqual({
        headings: ['Workloads API (apps/v1beta2)', 'Defaults'],
        area: 'workloads-api',
      });
      // "Cluster Lifecycle" has nothing before "kubeadm", a known area: it stays nested.
      expect(at('[beta] A new `upgrade` subcommand').headings).toEqual([
        'Cluster Lifecycle',
        'kubeadm',
      ]);
    });

    test('[stable] Mount options keeps its nested bullets', () => {
      const mount = own?.items.find((candidate) =>
        candidate.text.startsWith('[stable] Mount options'),
      );
      expect(mount?.text.split('\n')).toHaveLength(7);
    });
  });
});

describe('hand-written edge cases (tests/fixtures/upstream/edge-cases.md)', () => {
  const text = fixture('edge-cases.md');
  const releases = parseChangelog(text, { knownAreas: KNOWN });
  const [main] = releases;
  const items = main?.items ?? [];
  const item = (start: string) => {
    const found = items.find((candidate) => candidate.text.startsWith(start));
    if (!found) throw new Error(`no item starting ${start}`);
    return found;
  };

  test('finds the release sections in file order, ignoring the table of contents', () => {
    expect(releases.map((entry) => [entry.version, entry.items.length])).toEqual([
      ['v9.1.0', 18],
      ['v9.1.0-rc.1', 2],
      ['v9.1.0-beta.0', 1],
    ]);
  });

  test('counts per section', () => {
    expect(countBySection(items)).toEqual({
      'major-themes': 1,
      'action-required': 2,
      'known-issues': 2,
      deprecations: 1,
      'notable-features': 7,
      'other-notable-changes': 5,
    });
  });

  test('a code block inside a bullet is text: no heading, no bullet, indentation re-based', () => {
    expect(item('Widgets moved to the new').text).toBe(
      [
        'Widgets moved to the new widgets.k8s.io/v1 API group. ([#100](https://github.com/kubernetes/kubernetes/pull/100), [@alice](https://github.com/alice))',
        '',
        '**Action Required:** Recreate your widgets, for example:',
        '',
        '  ```yaml',
        '  kind: Widget',
        '  # a comment, not a heading',
        '  * a star, not a bullet',
        '  ```',
        '',
        'A tab-indented continuation paragraph.',
      ].join('\n'),
    );
  });

  test('several PRs, authors, and links of other repositories', () => {
    expect(item('`kubectl frob`')).toMatchObject({
      prs: [
        'https://github.com/kubernetes/kubernetes/pull/101',
        'https://github.com/kubernetes/kubernetes/pull/102',
      ],
      authors: ['bob'],
    });
    expect(item('Upgrade Foo to v1.2')).toMatchObject({
      prs: ['https://github.com/kubernetes/foo/pull/1'],
      authors: ['gina'],
      groups: [],
    });
  });

  test('lazy continuation lines and a trailing unindented paragraph belong to the bullet', () => {
    expect(item('A known issue written over several lines').text.split('\n')).toHaveLength(3);
    expect(item('A known issue whose reference')).toMatchObject({
      text: 'A known issue whose reference follows in an unindented paragraph.\n\nFor more information, see [#104](https://issue.k8s.io/104).',
      issues: ['https://github.com/kubernetes/kubernetes/issues/104'],
    });
  });

  test('no PR, a bullet indented by one space', () => {
    expect(item('A bullet indented by one space')).toMatchObject({
      section: 'deprecations',
      area: 'cluster-provisioning',
      prs: [],
      issues: [],
    });
  });

  test('pseudo-headings and tab-indented siblings', () => {
    expect(
      items
        .filter(
          (candidate) => candidate.area === 'kubectl' && candidate.section === 'notable-features',
        )
        .map((candidate) => [candidate.groups.join(' › '), candidate.prs.length]),
    ).toEqual([
      ['Features', 1],
      ['Features › New commands', 1],
      ['Features › Bug fixes', 1],
      ['Features › Bug fixes', 1],
      ['', 0],
    ]);
    expect(item('Fix routes, a tab-indented sibling').groups).toEqual(['AWS']);
  });

  test('a heading at the wrong level stays inside its section', () => {
    expect(item('A kubefed change')).toMatchObject({
      section: 'notable-features',
      area: 'kubefed',
    });
  });

  test('prose: a section without bullets, a leaf area heading; intros skipped', () => {
    expect(item('Kubernetes 9.1 is a test release')).toMatchObject({
      kind: 'prose',
      section: 'major-themes',
      text: 'Kubernetes 9.1 is a test release that packs the quirks of the changelog layout into a few lines.\n\nIt has a second paragraph.',
    });
    expect(item('Federated Jobs are now supported')).toMatchObject({ area: 'federated-jobs' });
    expect(items.some((candidate) => candidate.text.startsWith('Populated via'))).toBe(false);
    expect(main?.skipped.filter((block) => block.reason === 'intro')).toHaveLength(2);
  });

  test('downloads, dependencies and previous releases are skipped', () => {
    expect(
      items.some((candidate) => /Docker|kubernetes\.tar\.gz|v9\.1\.0-rc\.1\]/.test(candidate.text)),
    ).toBe(false);
  });
});

describe('isPseudoHeading', () => {
  test.each([
    ['Features', true],
    ['Bug fixes:', true],
    ['DNS and name resolution', true],
    ['Changes/deprecations', true],
    ['[stable] Mount options', false],
    ['Upgrade CAdvisor to v0.26.1. New features added:', false],
    [
      'Updates kube-dns to 1.14.2 ([#45684](https://github.com/kubernetes/kubernetes/pull/45684))',
      false,
    ],
    ['Upgrade etcd to 3.1', false],
  ])('%j → %s', (label, expected) => {
    expect(isPseudoHeading(label, true, false)).toBe(expected);
  });

  test('needs nested bullets and no text of its own', () => {
    expect(isPseudoHeading('Features', false, false)).toBe(false);
    expect(isPseudoHeading('Features', true, true)).toBe(false);
  });
});

describe('areaId', () => {
  test.each([
    ['API Machinery', 'api-machinery'],
    ['**kubectl (CLI)**', 'kubectl'],
    ['Network', 'networking'],
    ['Networking', 'networking'],
    ['Information for Kubernetes clients (openapi, swagger, client-go)', 'clients'],
    ['SIG Multi-cluster (formerly known as SIG Federation)', 'multi-cluster'],
    ['Container Runtime Interface (CRI)', 'container-runtime-interface'],
    ['Cloud Provider Enhancement', 'cloud-providers'],
    ['cli', 'kubectl'],
  ])('%j → %s', (heading, expected) => {
    expect(areaId(heading, KNOWN)).toBe(expected);
  });
});

describe('versions', () => {
  test('order pre-releases before the release', () => {
    const sorted = ['v1.8.0', 'v1.8.0-rc.1', 'v1.8.0-alpha.2', 'v1.7.16', 'v1.8.0-beta.1', 'v1.8.1']
      .map((text) => ({ text, version: parseVersion(text) }))
      .sort((a, b) => (a.version && b.version ? compareVersions(a.version, b.version) : 0))
      .map((entry) => entry.text);
    expect(sorted).toEqual([
      'v1.7.16',
      'v1.8.0-alpha.2',
      'v1.8.0-beta.1',
      'v1.8.0-rc.1',
      'v1.8.0',
      'v1.8.1',
    ]);
    expect(parseVersion('1.8')).toBeUndefined();
  });

  test('the 2018 copy of the 1.8 changelog has every section from v1.8.8 down to v1.8.0-alpha.1', () => {
    const versions = parseChangelog(fixture('CHANGELOG-1.8.copy-2018-02.md')).map(
      (entry) => entry.version,
    );
    expect(versions).toEqual([
      'v1.8.8',
      'v1.8.7',
      'v1.8.6',
      'v1.8.5',
      'v1.8.4',
      'v1.8.3',
      'v1.8.2',
      'v1.8.1',
      'v1.8.0',
      'v1.8.0-rc.1',
      'v1.8.0-beta.1',
      'v1.8.0-alpha.3',
      'v1.8.0-alpha.2',
      'v1.8.0-alpha.1',
    ]);
  });
});
