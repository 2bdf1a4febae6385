import { describe, expect, test } from 'vitest';
import { releaseModel } from '../../src/models/release.ts';
import { siteOf } from './project.ts';

describe('release page "on this page"', () => {
  const model = releaseModel(siteOf(), 'kubernetes-1.7', 'zh');

  test('lists the page’s parts, then each upstream section it shows, linking to their headings', () => {
    expect(model.toc.map((entry) => entry.href)).toEqual(
      expect.arrayContaining(['#coverage', '#chart', '#filters-title']),
    );
    const sections = model.toc.find((entry) => entry.sections)?.sections ?? [];
    expect(sections).toEqual(
      model.sections.map((group) => ({ href: `#section-${group.id}`, label: group.heading })),
    );
    expect(sections.length).toBeGreaterThan(0);
  });

  test('names the release’s highlights apart from the upstream "major themes" section', () => {
    const labels = model.toc.flatMap((entry) => [
      entry.label,
      ...(entry.sections ?? []).map((section) => section.label),
    ]);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
