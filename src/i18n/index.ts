import { z } from 'astro/zod';
import type { Lang } from '../schemas/fields.ts';
import { en, type UiKey } from './en.ts';
import { fillTemplate } from './template.ts';
import { zh } from './zh.ts';

/** A translation must have every English key, non-empty, and no other key. */
export const uiStringsSchema = z.strictObject(
  Object.fromEntries(Object.keys(en).map((key) => [key, z.string().min(1)])) as Record<
    UiKey,
    z.ZodString
  >,
);

/** UI strings per language, validated against the English keys when this module loads. */
export const UI: Record<Lang, Record<UiKey, string>> = {
  en,
  zh: uiStringsSchema.parse(zh),
};

/** The UI string `key` in `lang`, with its placeholders filled from `params` (`fillTemplate`). */
export function t(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(UI[lang][key], params, htmlLang(lang));
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** The value of `<html lang>` for a site language. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}
