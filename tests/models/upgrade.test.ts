import { describe, expect, test } from 'vitest';
import { upgradeModel, upgradePaths, upgradesIndexModel } from '../../src/models/upgrade.ts';
import { blockingProject, siteOf } from './project.ts';

const site = siteOf();

describe('upgradeModel', () => {
  const model = upgradeModel(site, 'kubernetes-1.7', 'kubernetes-1.8', 'en');

  test('goes release by release, chains collapsed to their latest note', () => {
    expect(model.crossed).toEqual([{ href: '#to-kubernetes-1.8', label: 'Kubernetes 1.8' }]);
    expect(
      model.steps.map((step) => [
        step.id,
        step.heading,
        step.release,
        step.groups.map((group) => [
          group.id,
          group.items.map((item) => [item.card.id, item.earlier]),
        ]),
      ]),
    ).toEqual([
      [
        'to-kubernetes-1.8',
        'Upgrading to Kubernetes 1.8',
        { href: '/en/releases/kubernetes-1.8/', label: 'Kubernetes 1.8' },
        [['kubernetes-1.8-before-upgrade', [['k8s-1.8-taints-removed', []]]]],
      ],
    ]);
    expect(model.untriaged).toBe(0);
    expect(model.blocking.count).toBe(0);
    expect(model.steps[0]?.blocking.items).toEqual([]);
  });

  test('counts the items it does not list under each release, linking each count to the filtered release page', () => {
    expect(model.steps.map((step) => [step.counted, step.all])).toEqual([
      [
        [
          {
            label: 'Investigate',
            count: 0,
            href: '/en/releases/kubernetes-1.8/?impact=investigate',
          },
          { label: 'Watch', count: 0, href: '/en/releases/kubernetes-1.8/?impact=watch' },
          { label: 'No impact', count: 0, href: '/en/releases/kubernetes-1.8/?impact=none' },
          { label: 'Untriaged', count: 0, href: '/en/releases/kubernetes-1.8/untriaged/' },
        ],
        { href: '/en/releases/kubernetes-1.8/', label: 'all 1 item' },
      ],
    ]);
  });

  test('is keyed by what it shows, in both languages', () => {
    expect(upgradePaths(site)).toEqual([
      {
        params: { lang: 'zh', from: 'kubernetes-1.7', to: 'kubernetes-1.8' },
        props: { lang: 'zh', from: 'kubernetes-1.7', to: 'kubernetes-1.8' },
        cacheKey: model.cacheKey,
      },
      {
        params: { lang: 'en', from: 'kubernetes-1.7', to: 'kubernetes-1.8' },
        props: { lang: 'en', from: 'kubernetes-1.7', to: 'kubernetes-1.8' },
        cacheKey: model.cacheKey,
      },
    ]);
  });
});

describe('upgradeModel with untriaged items upstream marks action-required', () => {
  const blockingSite = siteOf(blockingProject());
  const model = upgradeModel(blockingSite, 'kubernetes-1.7', 'kubernetes-1.8', 'en');

  test('lists them as blocking — not yet assessed under their release, with their triaging teams, and says how many remain', () => {
    expect({
      count: model.blocking.notice,
      steps: model.steps.map((step) => ({
        heading: step.blocking.heading,
        items: step.blocking.items.map((item) => [
          item.id,
          item.label,
          `${item.triagedBy}: ${item.teams.map((team) => team.label).join(', ')}`,
        ]),
      })),
    }).toMatchInlineSnapshot(`
      {
        "count": "Items upstream marks action required that are not yet assessed: 2.",
        "steps": [
          {
            "heading": "Blocking — not yet assessed (2)",
            "items": [
              [
                "k8s-1.8-flag-removed",
                "blocking — not yet assessed",
                "To triage: Ops",
              ],
              [
                "k8s-1.8-swap",
                "blocking — not yet assessed",
                "To triage: Platform",
              ],
            ],
          },
        ],
      }
    `);
  });

  test('groups the listed items of a release by when their action is done and prints what to do', () => {
    expect(
      model.steps.flatMap((step) =>
        step.groups.map((group) => [
          group.heading,
          group.items.map((item) => [item.card.id, item.action]),
        ]),
      ),
    ).toMatchInlineSnapshot(`
      [
        [
          "Before the upgrade",
          [
            [
              "k8s-1.8-taints-removed",
              {
                "text": "Move taint annotations before upgrading.",
                "when": "Before the upgrade",
              },
            ],
          ],
        ],
        [
          "After the upgrade",
          [
            [
              "k8s-1.8-metrics",
              {
                "text": "Check the metrics after upgrading.",
                "when": "After the upgrade",
              },
            ],
          ],
        ],
      ]
    `);
    expect(model.listedCount).toBe(2);
  });

  test('counts the untriaged items (blocking ones included) under their release', () => {
    expect(model.untriaged).toBe(3);
    expect(model.steps[0]?.counted.at(-1)).toEqual({
      label: 'Untriaged',
      count: 3,
      href: '/en/releases/kubernetes-1.8/untriaged/',
    });
  });

  test('is keyed by its blocking items too', () => {
    const edited = blockingProject().map((file) =>
      file.path === 'notes/kubernetes-1.8/flag-removed.md'
        ? { ...file, text: file.text.replace('Flag removed', 'A flag removed') }
        : file,
    );
    expect(
      upgradeModel(siteOf(edited), 'kubernetes-1.7', 'kubernetes-1.8', 'en').cacheKey,
    ).not.toBe(model.cacheKey);
  });
});

describe('upgradesIndexModel', () => {
  test('links every pair of releases of a product, older to newer', () => {
    expect(upgradesIndexModel(site, 'en')).toEqual({
      head: expect.objectContaining({ path: 'en/upgrade/', section: 'upgrade' }),
      any: true,
      products: [
        {
          product: 'Kubernetes',
          columns: ['1.8'],
          rows: [
            {
              version: '1.7',
              cells: [
                {
                  href: '/en/upgrade/kubernetes-1.7/kubernetes-1.8/',
                  label: 'Kubernetes 1.7 → 1.8',
                },
              ],
            },
          ],
        },
      ],
    });
  });
});
