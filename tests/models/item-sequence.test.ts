import { describe, expect, test } from 'vitest';
import { itemKey, itemModel } from '../../src/models/item.ts';
import { releaseModel } from '../../src/models/release.ts';
import { siteOf } from './project.ts';

const site = siteOf(undefined, { base: '/pict-notes/' });

describe('item page previous/next', () => {
  test('walks a release in the order its release page lists it, in both directions', () => {
    for (const lang of ['en', 'zh'] as const) {
      const order = releaseModel(site, 'kubernetes-1.7', lang).sections.flatMap((section) =>
        section.areas.flatMap((area) => area.cards.map((card) => card.href)),
      );
      expect(order.length).toBeGreaterThan(2);
      const idOf = (href: string) => /items\/([^/]+)\//.exec(href)?.[1] ?? '';
      const forward: string[] = [order[0] ?? ''];
      for (let next = itemModel(site, idOf(order[0] ?? ''), lang).sequence.next; next;) {
        forward.push(next.href);
        next = itemModel(site, idOf(next.href), lang).sequence.next;
      }
      expect(forward).toEqual(order);
      const last = itemModel(site, idOf(order.at(-1) ?? ''), lang);
      expect(last.sequence.next).toBeUndefined();
      expect(last.sequence.previous?.href).toBe(order.at(-2));
      expect(itemModel(site, idOf(order[0] ?? ''), lang).sequence.previous).toBeUndefined();
    }
  });

  test('does not cross into another release', () => {
    const model = itemModel(site, 'k8s-1.8-taints-removed', 'en');
    expect(model.sequence).toEqual({ previous: undefined, next: undefined });
  });

  test('an item page is keyed by its previous and next notes', () => {
    const before = itemKey(site, 'k8s-1.7-taints-alpha');
    const next = itemModel(site, 'k8s-1.7-taints-alpha', 'en').sequence.next?.href ?? '';
    const nextId = /items\/([^/]+)\//.exec(next)?.[1] ?? '';
    const changed = siteOf(undefined, { base: '/pict-notes/' });
    (changed.noteDigestById as Map<string, string>).set(nextId, 'changed');
    expect(itemKey(changed, 'k8s-1.7-taints-alpha')).not.toBe(before);
  });
});

describe('item page description and owners', () => {
  test('describes the item by its assessment as plain text, and names the owning teams', () => {
    const model = itemModel(site, 'k8s-1.7-taints-alpha', 'zh');
    expect(model.head.description).toBe('需要关注。');
    expect(model.owners).toEqual([{ href: '/pict-notes/zh/teams/ops/', label: '运维组' }]);
  });
});
