import { z } from 'astro/zod';
import { IMPACTS, NO_IMPACT_REASONS, needsWork } from '../lib/impact.ts';
import { SECTIONS } from '../lib/sections.ts';
import { UPSTREAM_KINDS, toUpstreamLink } from '../lib/upstream.ts';
import { LANGS, slug, text, webUrl } from './fields.ts';

/** Maturity of the upstream feature an item is about. */
export const MATURITIES = ['alpha', 'beta', 'ga', 'deprecated', 'removed'] as const;

/** Where PICT's follow-up work on an item stands. */
export const FOLLOW_UP_STATUSES = ['open', 'in-progress', 'done', 'accepted'] as const;

/** When a PICT action on an item is done, relative to the upgrade. */
export const ACTION_TIMES = ['before-upgrade', 'during-upgrade', 'after-upgrade'] as const;

/** One time of an action. */
export type ActionTime = (typeof ACTION_TIMES)[number];

/** What PICT must do about an item and when, in both languages. */
export const actionSchema = z.strictObject({
  /** Before, during or after the upgrade. */
  when: z.enum(ACTION_TIMES, { error: `one of ${ACTION_TIMES.join(', ')}` }),
  /** What to do, in Chinese. */
  zh: text,
  /** What to do, in English. */
  en: text,
});

/** A note's action. */
export type Action = z.infer<typeof actionSchema>;

/** What the checker asks for when an action-required note has no action. */
export const ACTION_EXPECTED = `an action { when: ${ACTION_TIMES.join(' | ')}, zh: …, en: … }, since the impact is action-required`;

/** A tracker key such as `PICT-1234`. */
export const TICKET_PATTERN = /^[A-Z][A-Z0-9]*-\d+$/;

const section = z.enum(SECTIONS, { error: `one of ${SECTIONS.join(', ')}` });

/** Longest title, in characters: one line in lists, search results and ticket links. */
export const TITLE_MAX_LENGTH = 80;

/** A title: one line, a whole phrase of at most {@link TITLE_MAX_LENGTH} characters, never cut off with "…". */
export const titleText = text
  .refine((title) => !/[\r\n\u2028\u2029]/.test(title), { error: 'a title on one line' })
  .refine((title) => [...title].length <= TITLE_MAX_LENGTH, {
    error: `a title of at most ${TITLE_MAX_LENGTH} characters, a whole phrase naming the change`,
  })
  .refine((title) => !/(?:…|\.\.\.)$/.test(title), {
    error: 'a whole phrase, not a sentence cut off with "…"',
  });

/** Texts of a language that may be translations of upstream's; PICT's assessment never is one. */
export const TRANSLATABLE_TEXTS = ['title', 'summary', 'detail'] as const;

/** One language's texts of a note. */
export const noteTextsSchema = z.strictObject({
  /** A concise title naming the change (component + what changed). */
  title: titleText,
  /** What changed upstream. */
  summary: text,
  /** More of the upstream text where it is worth having beyond the summary. */
  detail: text.optional(),
  /** What it means for PICT and what to do; may wait while the note is untriaged. */
  assessment: text.optional(),
  /** Which of these texts are translations of the upstream text rather than written by PICT. */
  translated: z
    .array(
      z.enum(TRANSLATABLE_TEXTS, {
        error: `one of ${TRANSLATABLE_TEXTS.join(', ')} (an assessment is PICT's own, never marked translated)`,
      }),
    )
    .optional(),
});

/** An upstream reference: a bare URL, or an object when the kind or label needs saying. */
export const upstreamLinkSchema = z.union(
  [
    webUrl.transform(toUpstreamLink),
    z
      .strictObject({
        /** What the link points at; guessed from the URL when absent. */
        kind: z.enum(UPSTREAM_KINDS, { error: `one of ${UPSTREAM_KINDS.join(', ')}` }).optional(),
        /** The URL. */
        url: webUrl,
        /** How to show it; derived from the URL when absent. */
        label: text.optional(),
      })
      .transform(({ kind, url, label }) => {
        const derived = toUpstreamLink(url);
        return { kind: kind ?? derived.kind, url, label: label ?? derived.label };
      }),
  ],
  { error: 'an http(s) URL, or { url, kind?, label? }' },
);

/** The frontmatter of one note (`notes/<release-id>/<name>.md`), cleaned: defaults applied, links expanded. */
export const noteSchema = z
  .strictObject({
    /** Stable id tickets cite: unique across releases, starts with the release's `idPrefix`, never changes. */
    id: slug,
    /** The release; taken from the folder, and if written it must agree with it. */
    release: slug,
    /** The upstream section the item is listed in. */
    section,
    /** Further sections upstream lists the same item in (one note, never two). */
    alsoIn: z.array(section).default([]),
    /** The upstream sub-heading (an id from `data/areas.yaml`); absent where upstream has none. */
    area: slug.optional(),
    /** PICT's verdict. */
    impact: z.enum(IMPACTS, { error: `one of ${IMPACTS.join(', ')}` }),
    /** Why there is no impact; only with `impact: none`. */
    reason: z
      .enum(NO_IMPACT_REASONS, { error: `one of ${NO_IMPACT_REASONS.join(', ')}` })
      .optional(),
    /** Maturity of the upstream feature; absent where it does not apply. */
    maturity: z.enum(MATURITIES, { error: `one of ${MATURITIES.join(', ')}` }).optional(),
    /** Earlier notes (usually of older releases) this one continues, e.g. removed in 1.8 after deprecated in 1.7. */
    follows: z.array(slug).default([]),
    /** Notes whose assessment this one replaces. */
    supersedes: z.array(slug).default([]),
    /** Owning PICT teams (ids from `data/teams.yaml`). */
    teams: z.array(slug).default([]),
    /** Affected upstream components (ids from `data/components.yaml`). */
    components: z.array(slug).default([]),
    /** Upstream release-note anchors, PRs, issues, KEPs, docs. */
    upstream: z.array(upstreamLinkSchema).default([]),
    /** Upstream authors (GitHub handles without @), as the release notes credit them. */
    authors: z
      .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, { error: 'a GitHub handle' }))
      .default([]),
    /** Upstream flagged the change "action required" (release-note JSON `action_required`, or the Markdown section). */
    actionRequired: z.boolean({ error: 'true or false' }).default(false),
    /** PICT tracker keys, linked through the site's tracker URL pattern. */
    tickets: z
      .array(z.string().regex(TICKET_PATTERN, { error: 'a tracker key like PICT-1234' }))
      .default([]),
    /** What PICT must do and when; required for `impact: action-required`, written only where the assessment or upstream says what to do. */
    action: actionSchema.optional(),
    /** Follow-up status; defaults to `open` where the impact calls for work. */
    status: z
      .enum(FOLLOW_UP_STATUSES, { error: `one of ${FOLLOW_UP_STATUSES.join(', ')}` })
      .optional(),
    /** Languages whose texts are still to be written; the site shows the other language meanwhile. */
    pendingTranslation: z.array(z.enum(LANGS, { error: `one of ${LANGS.join(', ')}` })).default([]),
    /** Chinese texts. */
    zh: noteTextsSchema.optional(),
    /** English texts. */
    en: noteTextsSchema.optional(),
  })
  // Runs even when other fields are wrong, so that every problem is reported at once; the input
  // may then be only partly valid, hence the defensive reads.
  .superRefine(
    (parsed, ctx) => {
      const note = parsed as Partial<typeof parsed>;
      const pendingTranslation = Array.isArray(note.pendingTranslation)
        ? note.pendingTranslation
        : [];
      // Checks that depend on the impact wait until the impact itself is valid.
      const impact = IMPACTS.find((level) => level === note.impact);
      if (note.reason && impact !== undefined && impact !== 'none') {
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          input: note.reason,
          message: 'no reason unless impact is none',
        });
      }
      if (impact === 'action-required' && note.action === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['action'],
          input: undefined,
          message: ACTION_EXPECTED,
        });
      }
      for (const lang of LANGS) {
        const texts = note[lang];
        const pending = pendingTranslation.includes(lang);
        if (!texts && !pending) {
          ctx.addIssue({
            code: 'custom',
            path: [lang],
            input: undefined,
            message: `${lang === 'zh' ? 'Chinese' : 'English'} texts (title, summary, assessment), or "${lang}" listed in pendingTranslation`,
          });
        }
        if (texts && pending) {
          ctx.addIssue({
            code: 'custom',
            path: ['pendingTranslation'],
            input: lang,
            message: `no "${lang}" here, since ${lang} texts are written`,
          });
        }
        // title and summary are required, so only an absent detail can be marked translated in vain.
        if (texts && typeof texts === 'object' && Array.isArray(texts.translated)) {
          texts.translated.forEach((field, index) => {
            if (field === 'detail' && !texts.detail) {
              ctx.addIssue({
                code: 'custom',
                path: [lang, 'translated', index],
                input: field,
                message: `only texts the note has (no ${lang}.detail here)`,
              });
            }
          });
        }
        if (
          texts &&
          typeof texts === 'object' &&
          !texts.assessment &&
          impact !== undefined &&
          impact !== 'untriaged'
        ) {
          ctx.addIssue({
            code: 'custom',
            path: [lang, 'assessment'],
            input: undefined,
            message: 'an assessment, since the note is triaged',
          });
        }
      }
      if (pendingTranslation.length === LANGS.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['pendingTranslation'],
          input: pendingTranslation,
          message:
            'at most one language pending, since a note needs texts in one language at least',
        });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .transform((note) => ({
    ...note,
    status: note.status ?? (needsWork(note.impact) ? ('open' as const) : undefined),
  }));

/** A note's frontmatter as written (before defaults). */
export type NoteInput = z.input<typeof noteSchema>;

/** A validated, cleaned note. */
export type Note = z.output<typeof noteSchema>;

/** One language's texts of a note. */
export type NoteTexts = z.infer<typeof noteTextsSchema>;
