import { toItemPath, withBase } from './urls.ts';
import type { ViewNote } from './views.ts';

/**
 * One note as exported in `/notes.json`: every field, both languages, its effective verdict
 * (`impact`, with `assessedBy` and the `areaVerdict` it inherits), and its page URLs.
 */
export type ExportRecord = ViewNote & { urls: { zh: string; en: string } };

/** The export record of a note; URLs are site-relative and include the base path. */
export function toExportRecord(note: ViewNote, base: string): ExportRecord {
  return {
    ...note,
    urls: {
      zh: withBase(base, toItemPath('zh', note.id)),
      en: withBase(base, toItemPath('en', note.id)),
    },
  };
}

/** Columns of `/notes.csv`, in order. */
export const CSV_COLUMNS = [
  'id',
  'release',
  'section',
  'area',
  'impact',
  'assessed_by',
  'reason',
  'maturity',
  'status',
  'teams',
  'components',
  'tickets',
  'upstream',
  'follows',
  'supersedes',
  'title_zh',
  'title_en',
  'summary_zh',
  'summary_en',
  'assessment_zh',
  'assessment_en',
  'url_zh',
  'url_en',
] as const;

function csvCell(value: string): string {
  // Cells a spreadsheet would run as a formula are prefixed with a quote (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text of the export records: a header row, one row per note, lists joined by spaces, CRLF line ends. */
export function toCsv(records: readonly ExportRecord[]): string {
  const rows = records.map((note) => {
    const row: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: note.id,
      release: note.release,
      section: note.section,
      area: note.area ?? '',
      impact: note.impact,
      assessed_by: note.assessedBy,
      reason: note.reason ?? '',
      maturity: note.maturity ?? '',
      status: note.status ?? '',
      teams: note.teams.join(' '),
      components: note.components.join(' '),
      tickets: note.tickets.join(' '),
      upstream: note.upstream.map((link) => link.url).join(' '),
      follows: note.follows.join(' '),
      supersedes: note.supersedes.join(' '),
      title_zh: note.zh?.title ?? '',
      title_en: note.en?.title ?? '',
      summary_zh: note.zh?.summary ?? '',
      summary_en: note.en?.summary ?? '',
      assessment_zh: note.zh?.assessment ?? '',
      assessment_en: note.en?.assessment ?? '',
      url_zh: note.urls.zh,
      url_en: note.urls.en,
    };
    return CSV_COLUMNS.map((column) => csvCell(row[column])).join(',');
  });
  return `\uFEFF${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
