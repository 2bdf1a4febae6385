import type { APIRoute } from 'astro';
import { exportNotes } from '../models/exports.ts';
import { site } from '../queries.ts';

/** `/notes.csv`: one row per note for spreadsheets. */
export const GET: APIRoute = () =>
  new Response(exportNotes(site).csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
