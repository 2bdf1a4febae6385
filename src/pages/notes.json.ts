import { siteConfig } from '../../site.config.ts';
import type { APIRoute } from 'astro';
import { toExportRecord } from '../lib/exports.ts';
import { notes } from '../queries.ts';

/** `/notes.json`: every note with all fields, both languages and its page URLs. */
export const GET: APIRoute = () => {
  const records = [...notes]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((note) => toExportRecord(note, siteConfig.base));
  return new Response(JSON.stringify({ notes: records }, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
