import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { UI, t, uiStringsSchema } from '../../src/i18n/index.ts';
import { IMPACTS } from '../../src/lib/impact.ts';

describe('uiStringsSchema', () => {
  test('accepts the Chinese strings, which have exactly the English keys', () => {
    expect(Object.keys(UI.zh).sort()).toEqual(Object.keys(en).sort());
  });

  test('rejects a translation with a missing or an extra key', () => {
    const { ['home.title']: _dropped, ...missing } = en;
    expect(uiStringsSchema.safeParse(missing).success).toBe(false);
    expect(uiStringsSchema.safeParse({ ...en, 'home.typo': 'x' }).success).toBe(false);
  });
});

describe('t', () => {
  test('fills placeholders', () => {
    expect(t('en', 'filters.showing', { shown: 3, total: 42 })).toBe('Showing 3 of 42 items');
    expect(t('zh', 'filters.showing', { shown: 3, total: 42 })).toBe('显示 3 / 42 条');
  });

  test('has a distinct label for every impact level in each language', () => {
    for (const lang of ['zh', 'en'] as const) {
      const labels = IMPACTS.map((impact) => t(lang, `impact.${impact}`));
      expect(new Set(labels).size).toBe(IMPACTS.length);
    }
  });
});
