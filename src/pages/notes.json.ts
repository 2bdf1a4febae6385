import type { APIRoute } from 'astro';
import { exportRecords } from '../queries.ts';

/** `/notes.json`: every note with all fields, both languages and its page URLs. */
export const GET: APIRoute = () =>
  new Response(JSON.stringify({ notes: exportRecords }, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
