import { z } from 'astro/zod';

/** Lowercase URL-safe slug: letters, digits, and single `-` or `.` between them. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/** An id that is safe in a URL and stable for years, e.g. `k8s-1.7-affinity-in-annotations`. */
export const slug = z
  .string({ error: 'a lowercase URL-safe id (a-z, 0-9, "-", ".")' })
  .regex(SLUG_PATTERN, { error: 'a lowercase URL-safe id (a-z, 0-9, "-", ".")' });

/** A non-empty line or paragraph of text, trimmed. */
export const text = z
  .string({ error: 'non-empty text' })
  .trim()
  .min(1, { error: 'non-empty text' });

/** A calendar date written as YYYY-MM-DD (YAML may already have made it a Date). */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.iso
    .date({ error: 'a date written YYYY-MM-DD' })
    .transform((day) => new Date(`${day}T00:00:00Z`)),
);

/** An http(s) URL; anything else (e.g. `javascript:`) is rejected. */
export const webUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: 'an http(s) URL',
});

/** The two languages of the site; Chinese is the original language of assessments. */
export const LANGS = ['zh', 'en'] as const;

/** One of the site's languages. */
export type Lang = (typeof LANGS)[number];

/** The same short text in Chinese and English. */
export const localizedText = z.strictObject({
  zh: text,
  en: text,
});

/** A short text in both languages. */
export type LocalizedText = z.infer<typeof localizedText>;
