import { z } from 'astro/zod';
import { IMPACTS } from '../lib/impact.ts';
import { SECTIONS } from '../lib/sections.ts';
import { LANGS, isoDate, localizedText, slug, text, webUrl } from './fields.ts';

/** How far PICT's assessment of a release has got. */
export const ASSESSMENT_STATUSES = ['not-started', 'in-progress', 'complete'] as const;

/** A statement about a whole upstream section or area rather than one item, e.g. "nothing to watch here". */
export const remarkSchema = z.strictObject({
  /** The upstream section the remark is about. */
  section: z.enum(SECTIONS, { error: `one of ${SECTIONS.join(', ')}` }),
  /** The upstream area (sub-heading) it is about; absent when it covers the whole section. */
  area: slug.optional(),
  /** The verdict it states for everything it covers that is not assessed one by one, if it states one. */
  impact: z.enum(IMPACTS, { error: `one of ${IMPACTS.join(', ')}` }).optional(),
  /** The remark itself. */
  text: localizedText,
});

/**
 * One of a release's major themes: a paragraph in both languages, or, fresh from an import, in
 * English with `pendingTranslation: [zh]` (the page shows the English with a "not yet translated"
 * note until the Chinese is written).
 */
export const themeSchema = z
  .strictObject({
    zh: text.optional(),
    en: text.optional(),
    /** Languages whose text is a translation of upstream's (the page says so in small print). */
    translated: z.array(z.enum(LANGS, { error: 'zh or en' })).default([]),
    /** The language whose text is still to be written. */
    pendingTranslation: z.array(z.enum(LANGS, { error: 'zh or en' })).default([]),
  })
  .superRefine((theme, ctx) => {
    for (const lang of LANGS) {
      const pending = theme.pendingTranslation.includes(lang);
      if (theme[lang] === undefined && !pending) {
        ctx.addIssue({
          code: 'custom',
          path: [lang],
          input: undefined,
          message: `the ${lang === 'zh' ? 'Chinese' : 'English'} text, or "${lang}" listed in pendingTranslation`,
        });
      }
      if (theme[lang] !== undefined && pending) {
        ctx.addIssue({
          code: 'custom',
          path: ['pendingTranslation'],
          input: lang,
          message: `no "${lang}" here, since the ${lang} text is written`,
        });
      }
    }
    if (theme.zh === undefined && theme.en === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        input: theme,
        message: 'a text in at least one language',
      });
    }
  });

/** One upstream release that PICT assesses (`data/releases/<id>.yaml`). */
export const releaseSchema = z
  .strictObject({
    /** Stable id, `<product>-<version>`, e.g. `kubernetes-1.7`; also the folder name under `notes/`. */
    id: slug,
    /** The upstream product, e.g. `Kubernetes`. */
    product: z.string({ error: 'the product name' }).trim().min(1, { error: 'the product name' }),
    /** The upstream version as a quoted string (`"1.10"`, never a number that YAML would turn into 1.1). */
    version: z
      .string({ error: 'a quoted version string like "1.7"' })
      .regex(/^\d+(?:\.\d+)*$/, { error: 'a quoted version string like "1.7"' }),
    /** Prefix every note id of this release starts with, e.g. `k8s-1.7`. */
    idPrefix: slug,
    /** The day upstream published the release. */
    releaseDate: isoDate,
    /** The upstream changelog of the release. */
    changelogUrl: webUrl,
    /** One paragraph on what the release is about. */
    summary: localizedText.optional(),
    /** The release's major themes, as upstream and PICT summarise them (upstream's "Major Themes" prose, imported). */
    themes: z.array(themeSchema).default([]),
    /** Where PICT's assessment stands. */
    assessment: z.strictObject({
      /** How far the assessment has got. */
      status: z.enum(ASSESSMENT_STATUSES, { error: `one of ${ASSESSMENT_STATUSES.join(', ')}` }),
      /** When the assessment reached that status; absent when not recorded. */
      date: isoDate.optional(),
    }),
    /** Every note of the release has texts in both languages: the checker then reports any note pending translation. */
    translationComplete: z.boolean({ error: 'true or false' }).default(false),
    /** Statements about whole sections or areas, e.g. 暂无需要直接关注的内容. */
    remarks: z.array(remarkSchema).default([]),
  })
  .superRefine((release, ctx) => {
    if (!release.translationComplete) return;
    release.themes.forEach((theme, index) => {
      if (theme.pendingTranslation.length === 0) return;
      ctx.addIssue({
        code: 'custom',
        path: ['themes', index, 'pendingTranslation'],
        input: theme.pendingTranslation,
        message: 'texts in both languages, since the release sets translationComplete',
      });
    });
  });

/** A validated release theme. */
export type Theme = z.infer<typeof themeSchema>;

/** A validated release. */
export type Release = z.infer<typeof releaseSchema>;

/** A validated release-level remark. */
export type Remark = z.infer<typeof remarkSchema>;
