import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { NOTE_FACETS } from '../../src/facets.ts';
import {
  csvColumns,
  EXPORT_SCHEMA_VERSION,
  notesJsonSchema,
  toCsv,
  toExportRecord,
} from '../../src/lib/exports.ts';
import type { ViewNote } from '../../src/lib/views.ts';
import { exportNotes } from '../../src/models/exports.ts';
import { siteOf } from '../models/project.ts';

const note: ViewNote = {
  id: 'k8s-1.7-x',
  release: 'kubernetes-1.7',
  section: 'deprecations',
  alsoIn: [],
  area: 'storage',
  impact: 'attention',
  teams: ['ops', 'platform'],
  components: ['kubelet'],
  upstream: [{ kind: 'pr', url: 'https://github.com/kubernetes/kubernetes/pull/1', label: '#1' }],
  authors: ['someone'],
  follows: [],
  supersedes: [],
  actionRequired: false,
  tickets: ['PICT-1'],
  pendingTranslation: [],
  status: 'open',
  zh: { title: '标题, "引号"', summary: '=SUM(A1)', assessment: '多行\n文本' },
  en: { title: 'Title', summary: 'Summary', assessment: 'Assessment' },
  file: 'notes/kubernetes-1.7/x.md',
  assessedBy: 'note',
  waitingFor: ['ops', 'platform'],
};

describe('toExportRecord', () => {
  test("adds both languages' page URLs under the base path", () => {
    expect(toExportRecord(note, NOTE_FACETS, '/pict-notes/').urls).toEqual({
      zh: '/pict-notes/zh/items/k8s-1.7-x/',
      en: '/pict-notes/en/items/k8s-1.7-x/',
    });
  });

  test('writes the facet fields, the texts and the URLs, and nothing else of the view', () => {
    const view = { ...note, internalDigest: 'abc', body: '# text' } as ViewNote;
    expect(Object.keys(toExportRecord(view, NOTE_FACETS, '/'))).toEqual([
      ...NOTE_FACETS.map((facet) => facet.key),
      'zh',
      'en',
      'urls',
    ]);
  });
});

describe('toCsv', () => {
  test('writes a BOM, a header and one quoted, injection-safe row per note with CRLF line ends', () => {
    const csv = toCsv([note], NOTE_FACETS, '/');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row, end] = csv.slice(1).split('\r\n');
    expect(header).toBe(csvColumns(NOTE_FACETS).join(','));
    expect(end).toBe('');
    expect(row).toContain('"标题, ""引号"""');
    expect(row).toContain(",'=SUM(A1),");
    expect(row).toContain('"多行\n文本"');
    expect(row).toContain(',ops platform,');
  });

  test('names its columns as docs/architecture.md documents them', () => {
    expect(csvColumns(NOTE_FACETS)).toMatchInlineSnapshot(`
      [
        "id",
        "release",
        "impact",
        "assessed_by",
        "reason",
        "teams",
        "components",
        "maturity",
        "section",
        "area",
        "upstream",
        "tickets",
        "status",
        "action_when",
        "follows",
        "supersedes",
        "title_zh",
        "title_en",
        "summary_zh",
        "summary_en",
        "detail_zh",
        "detail_en",
        "assessment_zh",
        "assessment_en",
        "action_zh",
        "action_en",
        "url_zh",
        "url_en",
      ]
    `);
  });
});

describe('/notes.json and its JSON Schema', () => {
  const site = siteOf(undefined, { base: '/pict-notes/' });
  const exported = exportNotes(site);
  const schema = notesJsonSchema(site.facets);
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

  test('every exported record validates against the published schema', () => {
    const document = JSON.parse(exported.json) as { schemaVersion: number; notes: unknown[] };
    expect(document.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
    expect(document.notes).toHaveLength(site.notes.length);
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  test('rejects a record with a field it does not declare, a bad value, or no schemaVersion', () => {
    const document = JSON.parse(exported.json) as { notes: Record<string, unknown>[] };
    const [first, ...rest] = document.notes;
    const withFirst = (record: Record<string, unknown>) => ({
      schemaVersion: 1,
      notes: [record, ...rest],
    });
    expect(validate(withFirst({ ...first }))).toBe(true);
    expect(validate(withFirst({ ...first, digest: 'abc' }))).toBe(false);
    expect(validate(withFirst({ ...first, impact: 'urgent' }))).toBe(false);
    expect(validate({ notes: document.notes })).toBe(false);
  });

  test('lists records by id with their area verdict and who they wait for', () => {
    const records = exported.records;
    expect(records.map((record) => record.id)).toEqual(
      [...site.notes.map((entry) => entry.id)].sort((a, b) => a.localeCompare(b)),
    );
    expect(records.find((record) => record.id === 'k8s-1.7-storage-untriaged')).toMatchObject({
      impact: 'none',
      assessedBy: 'area',
      areaVerdict: { en: 'Nothing needs direct attention.' },
      waitingFor: [],
      urls: { en: '/pict-notes/en/items/k8s-1.7-storage-untriaged/' },
    });
  });

  test('describes every field of the record', () => {
    const record = (schema as { properties: { notes: { items: { properties: object } } } })
      .properties.notes.items.properties;
    expect(Object.keys(record)).toEqual([
      ...NOTE_FACETS.map((facet) => facet.key),
      'zh',
      'en',
      'urls',
    ]);
  });
});
