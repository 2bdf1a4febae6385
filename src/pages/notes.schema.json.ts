import type { APIRoute } from 'astro';
import { exportNotes } from '../models/exports.ts';
import { site } from '../queries.ts';

/** `/notes.schema.json`: the JSON Schema of `/notes.json`. */
export const GET: APIRoute = () =>
  new Response(exportNotes(site).schema, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
