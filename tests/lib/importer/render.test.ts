import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseChangelog } from '../../../src/lib/importer/changelog.ts';
import { parseReleaseNotesJson } from '../../../src/lib/importer/json.ts';
import { maturityOf, titleOf } from '../../../src/lib/importer/render.ts';
import type { UpstreamItem } from '../../../src/lib/importer/types.ts';
import { titleText } from '../../../src/schemas/note.ts';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/upstream/${name}`, import.meta.url)), 'utf8');

function itemsOf(name: string): UpstreamItem[] {
  if (name.endsWith('.json')) {
    const parsed = parseReleaseNotesJson(fixture(name));
    return parsed.ok ? parsed.items : [];
  }
  return parseChangelog(fixture(name)).flatMap((release) => release.items);
}

describe('titles', () => {
  test.each([
    [
      'The fix makes scheduling goroutine waiting for cache (e.g. Pod) to be synced. ([#45453](https://github.com/kubernetes/kubernetes/pull/45453), [@k82cn](https://github.com/k82cn))',
      'The fix makes scheduling goroutine waiting for cache (e.g. Pod) to be synced',
    ],
    [
      '[beta] StatefulSet supports [RollingUpdate](https://kubernetes.io/a) and [OnDelete](https://kubernetes.io/b) update strategies.',
      'StatefulSet supports RollingUpdate and OnDelete update strategies',
    ],
    [
      '[action required] The WATCHLIST calls are now reported as WATCH verbs.',
      'The WATCHLIST calls are now reported as WATCH verbs',
    ],
    [
      '`kubectl version` now supports `--output` ([#39858](https://github.com/kubernetes/kubernetes/pull/39858), [@alejandroEsc](https://github.com/alejandroEsc))',
      '`kubectl version` now supports `--output`',
    ],
    [
      'Upgrade CAdvisor to v0.26.1. New features added:\n\n  * Add Docker overlay2 storage driver support.',
      'Upgrade CAdvisor to v0.26.1',
    ],
    [
      '[SIG Node][] is responsible for the components\nthat support the controlled interactions.',
      'SIG Node is responsible for the components',
    ],
    [
      'HPA controller starts to expose metrics.\\n- `reconciliations_total`: Number of reconciliation. ([#116010](https://github.com/kubernetes/kubernetes/pull/116010))',
      'HPA controller starts to expose metrics',
    ],
    [
      'Support for the `node.example.com/a.b` label in `v1.2.3` (i.e. the new one)! Then more.',
      'Support for the `node.example.com/a.b` label in `v1.2.3` (i.e. the new one)!',
    ],
    [
      'Kubernetes 1.7 is a milestone release that adds security, stateful application, and extensibility features motivated by widespread production use of Kubernetes.',
      'Kubernetes 1.7 is a milestone release that adds security, stateful application',
    ],
    [
      'Opaque Integer Resources (OIRs) are deprecated and will be removed in v1.9 and replaced by extended resources.',
      'Opaque Integer Resources (OIRs) are deprecated and will be removed in v1.9',
    ],
  ])('%j', (text, title) => {
    expect(titleOf(text)).toBe(title);
  });

  test('a code span longer than a title is cut at a word inside it and closed', () => {
    const code = titleOf(
      'Migrated `pkg/controller/nodeipam/ipam/cloud_cidr_allocator.go, pkg/controller/nodeipam/ipam/multi_cidr_range_allocator.go` to structured logging',
    );
    expect(code).toBe('Migrated `pkg/controller/nodeipam/ipam/cloud_cidr_allocator.go`');
  });

  // The rule the checker applies to every title (one line, at most 80 characters, no "…") holds for
  // whatever the importer makes of real upstream files.
  describe.each([
    'k8s-v1.7.0-release-notes.md',
    'k8s-v1.8.0-release-notes.md',
    'CHANGELOG-1.8.copy-2018-02.md',
    'release-notes-1.19.0.json',
    'release-notes-1.27.0.json',
  ])('every title made from %s', (name) => {
    const items = itemsOf(name);
    test('is a valid title, without a maturity tag', () => {
      expect(items.length).toBeGreaterThan(10);
      const invalid = items
        .map((item) => titleOf(item.text))
        .filter(
          (title) =>
            !titleText.safeParse(title).success || /^\[(?:alpha|beta|stable|ga)\]/i.test(title),
        );
      expect(invalid).toEqual([]);
    });
  });
});

describe('maturity from upstream tags', () => {
  test.each([
    ['[alpha] Encrypt secrets stored in etcd', 'alpha'],
    ['[Alpha] Something', 'alpha'],
    ['* [beta] Kubelet TLS Bootstrap', 'beta'],
    ['[stable] Mount options', 'ga'],
    ['[GA] The Docker-CRI implementation is GA', 'ga'],
    ['[prototype] Volume snapshots', undefined],
    ['Adds [alpha] support later in the text', undefined],
    ['[action required] The WATCHLIST calls', undefined],
  ])('%j → %s', (text, maturity) => {
    expect(maturityOf(text)).toBe(maturity);
  });

  test('the 1.7 release notes tag their notable features', () => {
    const items = itemsOf('k8s-v1.7.0-release-notes.md');
    const encrypt = items.find((item) => item.text.includes('Encrypt secrets stored in etcd'));
    expect(encrypt && maturityOf(encrypt.text)).toBe('alpha');
    expect(encrypt && titleOf(encrypt.text)).toBe('Encrypt secrets stored in etcd');
    const counts = Map.groupBy(items, (item) => maturityOf(item.text) ?? 'none');
    expect(counts.get('alpha')?.length).toBeGreaterThan(5);
    expect(counts.get('beta')?.length).toBeGreaterThan(5);
  });
});
