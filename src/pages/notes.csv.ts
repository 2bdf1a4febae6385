import type { APIRoute } from 'astro';
import { toCsv } from '../lib/exports.ts';
import { exportRecords } from '../queries.ts';

/** `/notes.csv`: one row per note for spreadsheets. */
export const GET: APIRoute = () =>
  new Response(toCsv(exportRecords), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
