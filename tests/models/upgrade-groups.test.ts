import { describe, expect, test } from 'vitest';
import { upgradeModel } from '../../src/models/upgrade.ts';
import { RELEASE_1_8, validNote } from '../fixtures/minimal-project.ts';
import { modelProject, siteOf, withNotes } from './project.ts';
import { withFile } from '../fixtures/minimal-project.ts';

/**
 * The model project plus a 1.9 release: an action-required item to do during the upgrade, an
 * attention item with no action recorded, and an untriaged item upstream marks action-required.
 */
function threeReleases() {
  const files = withFile(
    modelProject(),
    'data/releases/kubernetes-1.9.yaml',
    RELEASE_1_8.replaceAll('1.8', '1.9').replace('2017-09-28', '2017-12-15'),
  );
  return withNotes(files, {
    'notes/kubernetes-1.9/drain.md': validNote({
      id: 'id: k8s-1.9-drain',
      section: 'section: action-required',
      impact: 'impact: action-required',
      reason: undefined,
      action:
        'action:\n  when: during-upgrade\n  zh: 逐个排空节点。\n  en: Drain nodes one by one.',
      zh: 'zh:\n  title: 排空\n  summary: 排空。\n  assessment: 升级时处理。',
      en: 'en:\n  title: Drain changed\n  summary: Drain.\n  assessment: Act during the upgrade.',
    }),
    'notes/kubernetes-1.9/watch-this.md': validNote({
      id: 'id: k8s-1.9-watch-this',
      section: 'section: notable-features',
      impact: 'impact: attention',
      reason: undefined,
      zh: 'zh:\n  title: 关注\n  summary: 关注。\n  assessment: 关注。',
      en: 'en:\n  title: Watch this\n  summary: Watch.\n  assessment: Look.',
    }),
    'notes/kubernetes-1.9/untriaged.md': validNote({
      id: 'id: k8s-1.9-untriaged',
      section: 'section: action-required',
      impact: 'impact: untriaged',
      reason: undefined,
      teams: undefined,
      components: undefined,
      zh: 'zh:\n  title: 未评估\n  summary: 未评估。',
      en: 'en:\n  title: Not assessed\n  summary: Not assessed.',
    }),
  });
}

describe('upgradeModel across several releases', () => {
  const model = upgradeModel(siteOf(threeReleases()), 'kubernetes-1.7', 'kubernetes-1.9', 'en');

  test('goes release by release in the order the upgrade crosses them, each with its action groups', () => {
    expect(model.crossed.map((link) => link.label)).toEqual(['Kubernetes 1.8', 'Kubernetes 1.9']);
    expect(
      model.steps.map((step) => [
        step.heading,
        step.groups.map((group) => [
          group.heading,
          group.count,
          group.items.map((item) => item.card.id),
        ]),
        step.blocking.items.map((item) => item.id),
      ]),
    ).toEqual([
      ['Upgrading to Kubernetes 1.8', [['Before the upgrade', 1, ['k8s-1.8-taints-removed']]], []],
      [
        'Upgrading to Kubernetes 1.9',
        [
          ['During the upgrade', 1, ['k8s-1.9-drain']],
          ['No action recorded', 1, ['k8s-1.9-watch-this']],
        ],
        ['k8s-1.9-untriaged'],
      ],
    ]);
    expect(model.blocking.count).toBe(1);
    expect(model.listedCount).toBe(3);
  });

  test('gives each section and group an id of its own', () => {
    const ids = model.steps.flatMap((step) => [step.id, ...step.groups.map((group) => group.id)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(model.crossed.map((link) => link.href)).toEqual(
      model.steps.map((step) => `#${step.id}`),
    );
  });

  test('keeps the assessment of an action-required item, drops that of an attention item', () => {
    const cards = model.steps.flatMap((step) =>
      step.groups.flatMap((group) => group.items.map((item) => item.card)),
    );
    const byId = new Map(cards.map((card) => [card.id, card]));
    expect(byId.get('k8s-1.9-drain')?.assessment?.text).toBeTruthy();
    expect(byId.get('k8s-1.9-drain')?.compact).toBeUndefined();
    expect(byId.get('k8s-1.9-watch-this')).toMatchObject({
      assessment: undefined,
      meta: [],
      badges: [],
      compact: true,
    });
  });

  test('filters by impact and team only, and its cards carry only those attributes', () => {
    expect(
      model.filters.filters
        .filter((filter) => filter.options.length > 0)
        .map((filter) => filter.param),
    ).toEqual(['impact', 'team']);
    const cards = model.steps.flatMap((step) =>
      step.groups.flatMap((group) => group.items.map((item) => item.card)),
    );
    for (const card of cards)
      expect(Object.keys(card.filters)).toEqual(['data-impact', 'data-teams']);
  });

  test('counts each release on its own: 1.9 has three items, one untriaged', () => {
    expect(model.steps.map((step) => [step.all.label, step.counted.at(-1)?.count])).toEqual([
      ['all 1 item', 0],
      ['all 3 items', 1],
    ]);
  });
});
