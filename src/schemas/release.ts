import { z } from 'astro/zod';
import { IMPACTS } from '../lib/impact.ts';
import { SECTIONS } from '../lib/sections.ts';
import { isoDate, localizedText, slug, webUrl } from './fields.ts';

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

/** One upstream release that PICT assesses (`data/releases/<id>.yaml`). */
export const releaseSchema = z.strictObject({
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
  /** The release's major themes, as upstream and PICT summarise them. */
  themes: z.array(localizedText).default([]),
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
});

/** A validated release. */
export type Release = z.infer<typeof releaseSchema>;

/** A validated release-level remark. */
export type Remark = z.infer<typeof remarkSchema>;
