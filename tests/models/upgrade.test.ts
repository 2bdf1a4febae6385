import { describe, expect, test } from 'vitest';
import { upgradeModel, upgradePaths, upgradesIndexModel } from '../../src/models/upgrade.ts';
import { siteOf } from './project.ts';

const site = siteOf();

describe('upgradeModel', () => {
  const model = upgradeModel(site, 'kubernetes-1.7', 'kubernetes-1.8', 'en');

  test('lists the items of the releases crossed, chains collapsed to their latest note', () => {
    expect(model.crossed).toEqual([
      { href: '/en/releases/kubernetes-1.8/', label: 'Kubernetes 1.8' },
    ]);
    expect(model.listed.map((item) => [item.card.id, item.earlier])).toEqual([
      ['k8s-1.8-taints-removed', []],
    ]);
    expect(model.untriaged).toBe(0);
  });

  test('counts the items it does not list per release, linking each count', () => {
    expect(model.counted).toEqual(['Investigate', 'Watch', 'No impact', 'Untriaged']);
    expect(model.counts).toEqual([
      {
        release: { href: '/en/releases/kubernetes-1.8/', label: 'Kubernetes 1.8' },
        cells: [
          { count: 0, href: '/en/releases/kubernetes-1.8/?impact=investigate' },
          { count: 0, href: '/en/releases/kubernetes-1.8/?impact=watch' },
          { count: 0, href: '/en/releases/kubernetes-1.8/?impact=none' },
          { count: 0, href: '/en/releases/kubernetes-1.8/untriaged/' },
        ],
      },
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

describe('upgradesIndexModel', () => {
  test('links every pair of releases of a product, older to newer', () => {
    expect(upgradesIndexModel(site, 'en')).toEqual({
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
