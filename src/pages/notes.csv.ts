import { siteConfig } from '../../site.config.ts';
import type { APIRoute } from 'astro';
import { toCsv, toExportRecord } from '../lib/exports.ts';
import { notes } from '../queries.ts';

/** `/notes.csv`: one row per note for spreadsheets. */
export const GET: APIRoute = () => {
  const records = [...notes]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((note) => toExportRecord(note, siteConfig.base));
  return new Response(toCsv(records), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
