import {
  notesJsonSchema,
  toCsv,
  toExportRecord,
  toNotesJson,
  type ExportRecord,
} from '../lib/exports.ts';
import type { Site } from './site.ts';

/** The exports of a site: records (by id), `/notes.json`, `/notes.csv` and `/notes.schema.json`. */
export interface ExportsModel {
  records: ExportRecord[];
  json: string;
  csv: string;
  schema: string;
}

const cache = new WeakMap<Site, ExportsModel>();

/** The exports of the site's notes, ordered by id; computed once per site. */
export function exportNotes(site: Site): ExportsModel {
  const known = cache.get(site);
  if (known) return known;
  const { base } = site.options;
  const notes = [...site.notes].sort((a, b) => a.id.localeCompare(b.id));
  const records = notes.map((note) => toExportRecord(note, site.facets, base));
  const model = {
    records,
    json: toNotesJson(records),
    csv: toCsv(notes, site.facets, base),
    schema: JSON.stringify(notesJsonSchema(site.facets), null, 2),
  };
  cache.set(site, model);
  return model;
}
