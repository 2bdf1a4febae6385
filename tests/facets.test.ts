import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'astro/zod';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  filterAttributes,
  isoDay,
  NOTE_FACETS,
  searchFilterNames,
  type NoteFacet,
} from '../src/facets.ts';
import type { UiKey } from '../src/i18n/en.ts';
import { UI } from '../src/i18n/index.ts';
import { csvColumns, notesJsonSchema } from '../src/lib/exports.ts';
import { parseFilters } from '../src/lib/filters.ts';
import type { ViewNote } from '../src/lib/views.ts';
import { noteCard } from '../src/models/card.ts';
import { exportNotes } from '../src/models/exports.ts';
import { itemModel } from '../src/models/item.ts';
import { filterForm } from '../src/models/lists.ts';
import { siteOf } from './models/project.ts';

describe('NOTE_FACETS', () => {
  test('gives every facet its own key, CSV column, filter parameter and search name', () => {
    const unique = (values: (string | undefined)[]) => {
      const present = values.filter((value) => value !== undefined);
      return new Set(present).size === present.length;
    };
    expect(unique(NOTE_FACETS.map((facet) => facet.key))).toBe(true);
    expect(unique(csvColumns(NOTE_FACETS))).toBe(true);
    expect(unique(NOTE_FACETS.map((facet) => facet.filter?.param))).toBe(true);
    expect(unique(NOTE_FACETS.map((facet) => facet.search?.name))).toBe(true);
  });

  test('has a UI string for every filter legend and search filter label', () => {
    const keys = [
      ...Object.keys(filterAttributes(NOTE_FACETS)),
      ...searchFilterNames(NOTE_FACETS),
    ].map((name) => `filters.${name}`);
    expect(keys.filter((key) => !(key in UI.en))).toEqual([]);
  });

  test('keeps the filters, search filters and URL parameters pasted links rely on', () => {
    expect(filterAttributes(NOTE_FACETS)).toEqual({
      impact: 'data-impact',
      team: 'data-teams',
      component: 'data-components',
      maturity: 'data-maturity',
      section: 'data-section',
    });
    expect(searchFilterNames(NOTE_FACETS)).toEqual([
      'release',
      'impact',
      'team',
      'component',
      'maturity',
      'section',
      'area',
    ]);
  });
});

// docs/architecture.md, "Adding a note field": a `deadline` (a date) shown on the item page,
// filterable, searchable and exported. Of the four files the walk-through touches, the schema is
// stood in for by setting the field on a loaded note, the two language files by adding their two
// strings to UI; the facet is the one the walk-through adds to src/facets.ts.
describe('adding a note field (the walk-through of docs/architecture.md)', () => {
  type WithDeadline = ViewNote & { deadline?: Date };
  const deadlineOf = (note: ViewNote) => (note as WithDeadline).deadline;
  const deadline: NoteFacet = {
    key: 'deadline',
    values: (note) => {
      const date = deadlineOf(note);
      return date ? [isoDay(date)] : [];
    },
    filter: { param: 'deadline', attribute: 'data-deadline' },
    search: { name: 'deadline' },
    card: { as: 'labelled' },
    item: { label: 'item.deadline' as UiKey, as: 'text', empty: 'item.none' },
    json: {
      schema: z.iso.date().optional(),
      value: (note) => {
        const date = deadlineOf(note);
        return date && isoDay(date);
      },
    },
  };
  const strings = {
    en: { 'item.deadline': 'Deadline', 'filters.deadline': 'Deadline' },
    zh: { 'item.deadline': '截止日期', 'filters.deadline': '截止日期' },
  };
  beforeAll(() => {
    Object.assign(UI.en, strings.en);
    Object.assign(UI.zh, strings.zh);
  });
  afterAll(() => {
    for (const lang of ['en', 'zh'] as const) {
      for (const key of Object.keys(strings[lang]))
        delete (UI[lang] as Record<string, string>)[key];
    }
  });

  const site = siteOf(undefined, { facets: [...NOTE_FACETS, deadline] });
  const note = site.noteById.get('k8s-1.7-taints-alpha') as WithDeadline;
  note.deadline = new Date('2027-01-31T00:00:00Z');

  test('the item page lists it, and search can filter by it', () => {
    const model = itemModel(site, note.id, 'zh');
    expect(model.facts.at(-1)).toEqual({ label: '截止日期', as: 'text', text: '2027-01-31' });
    expect(model.search.filters).toContain('deadline:2027-01-31');
    expect(searchFilterNames(site.facets)).toContain('deadline');
    const other = itemModel(site, 'k8s-1.7-local-volume-unmount', 'en');
    expect(other.facts.at(-1)).toEqual({ label: 'Deadline', as: 'text', text: 'None' });
  });

  test('filter forms offer it, cards carry it, and the browser reads it from the URL', () => {
    const notes = site.notesByRelease.get('kubernetes-1.7') ?? [];
    expect(filterForm(site, notes, 'en').filters.at(-1)).toEqual({
      param: 'deadline',
      legend: 'Deadline',
      attribute: 'data-deadline',
      options: [{ value: '2027-01-31', label: '2027-01-31' }],
    });
    const card = noteCard(site, note, 'en');
    expect(card.filters['data-deadline']).toBe('2027-01-31');
    expect(card.meta).toContain('Deadline: 2027-01-31');
    const kinds = Object.keys(filterAttributes(site.facets));
    expect(parseFilters('?deadline=2027-01-31', kinds)['deadline']).toEqual(['2027-01-31']);
  });

  test('both exports and the JSON Schema have it, the date written YYYY-MM-DD', () => {
    const exported = exportNotes(site);
    const record = exported.records.find((candidate) => candidate.id === note.id);
    expect(record?.['deadline']).toBe('2027-01-31');
    const [header, ...rows] = exported.csv.slice(1).split('\r\n');
    const column = header?.split(',').indexOf('deadline') ?? -1;
    expect(column).toBeGreaterThan(0);
    expect(rows.find((row) => row.startsWith(`${note.id},`))?.split(',')[column]).toBe(
      '2027-01-31',
    );
    const validate = new Ajv2020({ strict: false }).compile(notesJsonSchema(site.facets));
    expect(validate(JSON.parse(exported.json))).toBe(true);
    expect(validate({ schemaVersion: 1, notes: [{ ...record, deadline: '31/01/2027' }] })).toBe(
      false,
    );
  });
});
