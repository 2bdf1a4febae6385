import { z } from 'astro/zod';
import type { NoteFacet } from '../facets.ts';
import { LANGS, type Lang } from '../schemas/fields.ts';
import { TRANSLATABLE_TEXTS } from '../schemas/note.ts';
import { toItemPath, withBase } from './urls.ts';
import type { ViewNote } from './views.ts';

/** Version of the export format; raised when a field is renamed, removed or changes meaning. */
export const EXPORT_SCHEMA_VERSION = 1;

/** Site-relative path of the JSON Schema of `/notes.json`, published next to it. */
export const EXPORT_SCHEMA_PATH = 'notes.schema.json';

/**
 * One note as exported: one field per facet (see `NOTE_FACETS`), the texts of each language and the
 * page URLs. Only these fields are written; nothing else of the note's view reaches the exports.
 */
export interface ExportRecord {
  id: string;
  /** Facet fields, by facet key. */
  [field: string]: unknown;
  zh?: ExportTexts;
  en?: ExportTexts;
  urls: Record<Lang, string>;
}

/** One language's texts of a note as exported. */
export interface ExportTexts {
  title: string;
  summary: string;
  detail?: string;
  assessment?: string;
  /** The texts that are translations of upstream's (absent when none is). */
  translated?: string[];
}

/** The texts of a language the exports carry, in order (the CSV has a column per text and language). */
const EXPORTED_TEXTS = ['title', 'summary', 'detail', 'assessment'] as const;

/** The document `/notes.json` serves. */
export interface NotesExport {
  schemaVersion: typeof EXPORT_SCHEMA_VERSION;
  notes: ExportRecord[];
}

const textsSchema = z.strictObject({
  title: z.string().describe('Short title naming the change.'),
  summary: z.string().describe('What changed upstream.'),
  detail: z.string().optional().describe('More of the upstream text, where the note keeps it.'),
  assessment: z.string().optional().describe('What it means for PICT and what to do.'),
  translated: z
    .array(z.enum(TRANSLATABLE_TEXTS))
    .optional()
    .describe('Texts that are translations of the upstream text, not written by PICT.'),
});

/** The schema of one export record: the facet fields, the texts and the URLs. */
export function exportRecordSchema(facets: readonly NoteFacet[]) {
  return z.strictObject({
    ...Object.fromEntries(facets.map((facet) => [facet.key, facet.json.schema])),
    zh: textsSchema.optional().describe('Chinese texts; absent while the translation is pending.'),
    en: textsSchema.optional().describe('English texts; absent while the translation is pending.'),
    urls: z
      .strictObject({ zh: z.string(), en: z.string() })
      .describe('Site-relative URLs of the item page in each language, including the base path.'),
  });
}

/** The schema of `/notes.json`. */
export function notesExportSchema(facets: readonly NoteFacet[]) {
  return z.strictObject({
    schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
    notes: z.array(exportRecordSchema(facets)),
  });
}

/** The JSON Schema (draft 2020-12) of `/notes.json`, published as `/notes.schema.json`. */
export function notesJsonSchema(facets: readonly NoteFacet[]): Record<string, unknown> {
  return {
    ...z.toJSONSchema(notesExportSchema(facets), { target: 'draft-2020-12' }),
    title: 'PICT Upgrade Notes export',
    description:
      'Every note of the site: one record per note, its facets, texts in both languages and page URLs. Dates are written YYYY-MM-DD.',
  };
}

/** The export record of a note; URLs are site-relative and include the base path. */
export function toExportRecord(
  note: ViewNote,
  facets: readonly NoteFacet[],
  base: string,
): ExportRecord {
  const fields = Object.fromEntries(facets.map((facet) => [facet.key, facet.json.value(note)]));
  const record: ExportRecord = {
    ...fields,
    id: note.id,
    urls: {
      zh: withBase(base, toItemPath('zh', note.id)),
      en: withBase(base, toItemPath('en', note.id)),
    },
  };
  for (const lang of LANGS) {
    const shown = note[lang];
    if (!shown) continue;
    const texts = Object.fromEntries(
      EXPORTED_TEXTS.flatMap((text) => (shown[text] === undefined ? [] : [[text, shown[text]]])),
    ) as unknown as ExportTexts;
    if (shown.translated?.length) texts.translated = [...shown.translated];
    record[lang] = texts;
  }
  // Texts before the URLs, as the schema lists them.
  const { urls, ...rest } = record;
  return { ...rest, urls };
}

/** The text of `/notes.json`. */
export function toNotesJson(records: readonly ExportRecord[]): string {
  const document: NotesExport = { schemaVersion: EXPORT_SCHEMA_VERSION, notes: [...records] };
  return JSON.stringify(document, null, 2);
}

/** Columns of `/notes.csv`, in order: a column per exported facet, then texts and URLs. */
export function csvColumns(facets: readonly NoteFacet[]): string[] {
  return [
    ...facets.flatMap((facet) => (facet.csv === false ? [] : [facet.csv ?? facet.key])),
    ...EXPORTED_TEXTS.flatMap((text) => LANGS.map((lang) => `${text}_${lang}`)),
    ...LANGS.map((lang) => `action_${lang}`),
    ...LANGS.map((lang) => `url_${lang}`),
  ];
}

function csvCell(value: string): string {
  // Cells a spreadsheet would run as a formula are prefixed with a quote (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text of the notes: a header row, one row per note, lists joined by spaces, CRLF line ends. */
export function toCsv(
  notes: readonly ViewNote[],
  facets: readonly NoteFacet[],
  base: string,
): string {
  const rows = notes.map((note) => {
    const texts = EXPORTED_TEXTS.flatMap((text) => LANGS.map((lang) => note[lang]?.[text] ?? ''));
    const cells = [
      ...facets.flatMap((facet) => (facet.csv === false ? [] : [facet.values(note).join(' ')])),
      ...texts,
      ...LANGS.map((lang) => note.action?.[lang] ?? ''),
      ...LANGS.map((lang) => withBase(base, toItemPath(lang, note.id))),
    ];
    return cells.map(csvCell).join(',');
  });
  return `\uFEFF${[csvColumns(facets).join(','), ...rows].join('\r\n')}\r\n`;
}
