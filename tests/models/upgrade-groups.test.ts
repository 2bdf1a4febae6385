import { describe, expect, test } from 'vitest';
import { upgradeModel } from '../../src/models/upgrade.ts';
import { siteOf } from './project.ts';

describe('upgradeModel groups', () => {
  const model = upgradeModel(siteOf(), 'kubernetes-1.7', 'kubernetes-1.8', 'en');

  test('groups the listed items by when their action is done, each group with its count', () => {
    expect(
      model.groups.map((group) => [
        group.heading,
        group.count,
        group.items.map((item) => item.card.id),
      ]),
    ).toEqual([['Before the upgrade', 1, ['k8s-1.8-taints-removed']]]);
  });

  test('keeps the assessment of an action-required item and names its release on the card', () => {
    const [card] = model.groups[0]?.items.map((item) => item.card) ?? [];
    expect(card?.impact.impact).toBe('action-required');
    expect(card?.assessment?.text).toBeTruthy();
    expect(card?.meta.join(' ')).toContain('Kubernetes 1.8');
  });
});
