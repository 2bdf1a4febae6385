import { describe, expect, test } from 'vitest';
import { siteOf } from './project.ts';

describe('buildSite', () => {
  const site = siteOf();

  test('lists every note once, most urgent first, with effective verdicts', () => {
    expect(site.notes.map((note) => [note.id, note.impact, note.assessedBy])).toEqual([
      ['k8s-1.8-taints-removed', 'action-required', 'note'],
      ['k8s-1.7-taints-alpha', 'attention', 'note'],
      ['k8s-1.7-local-volume-unmount', 'none', 'note'],
      ['k8s-1.7-storage-untriaged', 'none', 'area'],
      ['k8s-1.7-known-untriaged', 'untriaged', 'nobody'],
    ]);
  });

  test('groups notes by release (newest first), team and component', () => {
    expect(site.releases.map((release) => release.id)).toEqual([
      'kubernetes-1.8',
      'kubernetes-1.7',
    ]);
    expect(site.notesByTeam.get('ops')?.map((note) => note.id)).toEqual([
      'k8s-1.8-taints-removed',
      'k8s-1.7-taints-alpha',
      'k8s-1.7-local-volume-unmount',
    ]);
    expect(site.untriagedByRelease.get('kubernetes-1.7')?.map((note) => note.id)).toEqual([
      'k8s-1.7-known-untriaged',
    ]);
  });

  test('leads a retired id to its successor', () => {
    expect([...site.retiredIds]).toEqual([['k8s-1.7-old-name', 'k8s-1.7-taints-alpha']]);
  });

  test('names referenced data in a language, the id when unknown', () => {
    expect(site.names.area('storage', 'zh')).toBe('存储');
    expect(site.names.team('nobody', 'en')).toBe('nobody');
    expect(site.names.release('kubernetes-1.8')).toBe('Kubernetes 1.8');
  });

  test('places every note once in its release page’s order', () => {
    expect([...site.readingPlaceById.keys()].sort()).toEqual(
      site.notes.map((note) => note.id).sort(),
    );
    for (const [id, place] of site.readingPlaceById) {
      expect(place.order[place.index]?.id).toBe(id);
      expect(place.order.every((note) => note.release === site.noteById.get(id)?.release)).toBe(
        true,
      );
    }
  });
});
