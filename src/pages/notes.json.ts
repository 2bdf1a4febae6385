import type { APIRoute } from 'astro';
import { exportNotes } from '../models/exports.ts';
import { site } from '../queries.ts';

/** `/notes.json`: every note as an export record (see `/notes.schema.json`). */
export const GET: APIRoute = () =>
  new Response(exportNotes(site).json, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
