import { describe, expect, test } from 'vitest';
import { t } from '../../src/i18n/index.ts';
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

  test.each(['zh', 'en'] as const)(
    'names the release’s highlights apart from the upstream "major themes" section (%s)',
    (lang) => {
      expect(t(lang, 'release.themes')).not.toBe(t(lang, 'section.major-themes'));
    },
  );
});
