import { describe, expect, test } from 'vitest';
import { upgradeModel } from '../../src/models/upgrade.ts';
import { siteOf } from './project.ts';

describe('upgradeModel groups', () => {
  const model = upgradeModel(siteOf(), 'kubernetes-1.7', 'kubernetes-1.8', 'en');

  test('groups the listed items per release crossed, each with its count', () => {
    expect(
      model.groups.map((group) => [
        group.release.label,
        group.count,
        group.items.map((item) => item.card.id),
      ]),
    ).toEqual([['Kubernetes 1.8', 1, ['k8s-1.8-taints-removed']]]);
  });

  test('keeps the assessment of an action-required item; the release is in the heading, not on each card', () => {
    const [card] = model.groups[0]?.items.map((item) => item.card) ?? [];
    expect(card?.impact.impact).toBe('action-required');
    expect(card?.assessment?.text).toBeTruthy();
    expect(card?.meta).not.toContain('Kubernetes 1.8');
  });
});
