import { describe, expect, test } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { UI, t, uiStringsSchema } from '../../src/i18n/index.ts';
import { fillTemplate } from '../../src/i18n/template.ts';
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

describe('fillTemplate', () => {
  test.each([
    ['{count} {count|item|items}', { count: 1 }, 'en', '1 item'],
    ['{count} {count|item|items}', { count: 0 }, 'en', '0 items'],
    ['{count} {count|item|items} {count|is|are} open', { count: 2 }, 'en', '2 items are open'],
    ['{count} {count|item|items}', {}, 'en', '{count} {count|item|items}'],
    ['{count} {count|item|items}', { count: '1' }, 'en', '1 {count|item|items}'],
    ['{count} 条', { count: 1 }, 'zh-CN', '1 条'],
  ])('%s with %j in %s → %s', (template, params, locale, expected) => {
    expect(fillTemplate(template, params, locale)).toBe(expected);
  });

  test('no English string says "1 items": a count word follows the number, or a `…One` string serves 1', () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    const ones = keys
      .filter((key) => !keys.includes(`${key}One` as keyof typeof en))
      .map((key) => t('en', key, { count: 1, total: 1 }));
    expect(ones.filter((text) => /\b1 (items|results|notes)\b/.test(text))).toEqual([]);
  });
});
