import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseReleaseNotesJson } from '../../../src/lib/importer/json.ts';
import type { UpstreamItem } from '../../../src/lib/importer/types.ts';
import type { Section } from '../../../src/lib/sections.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/upstream/${name}`, import.meta.url), 'utf8');

const KNOWN = ['networking', 'storage', 'api-machinery', 'kubectl', 'scheduling'].map((id) => ({
  id,
  names: [],
}));

interface RawNote {
  pr_number: number;
  kinds?: string[];
  action_required?: boolean;
  do_not_publish?: boolean;
}

/** The section of a raw note by the documented rule, written out independently of the parser. */
function expectedSection(note: RawNote): Section {
  if (note.action_required) return 'action-required';
  if (note.kinds?.includes('deprecation')) return 'deprecations';
  if (note.kinds?.includes('feature')) return 'notable-features';
  return 'other-notable-changes';
}

function tally(sections: readonly Section[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const section of sections) counts[section] = (counts[section] ?? 0) + 1;
  return counts;
}

describe.each([
  // 388 objects, none marked do_not_publish; 401 objects, 76 of them do_not_publish ("NONE").
  { file: 'release-notes-1.19.0.json', objects: 388, published: 388, version: '1.19.0' },
  { file: 'release-notes-1.27.0.json', objects: 401, published: 325, version: undefined },
])('$file', ({ file, objects, published, version }) => {
  const text = fixture(file);
  const raw = Object.values(JSON.parse(text) as Record<string, RawNote>);
  const result = parseReleaseNotesJson(text, KNOWN);
  const items: UpstreamItem[] = result.ok ? result.items : [];

  test('parses', () => expect(result.ok).toBe(true));

  test('one item per object, leaving out those marked do_not_publish (duplicates are kept)', () => {
    expect(raw).toHaveLength(objects);
    const kept = raw.filter((note) => note.do_not_publish !== true);
    expect(kept).toHaveLength(published);
    expect(items).toHaveLength(published);
    expect(items.map((item) => item.prs[0])).toEqual(
      kept.map((note) => `https://github.com/kubernetes/kubernetes/pull/${note.pr_number}`),
    );
    if (result.ok) expect(result.skipped).toHaveLength(objects - published);
  });

  test('sections follow action_required and the kinds', () => {
    const kept = raw.filter((note) => note.do_not_publish !== true);
    expect(tally(items.map((item) => item.section))).toEqual(tally(kept.map(expectedSection)));
    expect(items.filter((item) => item.actionRequired)).toHaveLength(
      kept.filter((note) => note.action_required).length,
    );
  });

  test('the release version, author and verbatim Markdown are kept', () => {
    if (result.ok) expect(result.version).toBe(version);
    for (const item of items) {
      expect(item.kind).toBe('json');
      expect(item.authors.length).toBeGreaterThan(0);
      expect(item.text).toBe(item.text.trim());
    }
  });
});

describe('release-notes-1.19.0.json items', () => {
  const result = parseReleaseNotesJson(fixture('release-notes-1.19.0.json'), KNOWN);
  const byPr = (pr: number) =>
    result.ok ? result.items.find((item) => item.prs[0]?.endsWith(`/pull/${pr}`)) : undefined;

  test('area: the first SIG that is a known area, else the first meaningful SIG', () => {
    // sigs [apps, storage, testing]: storage is a known area.
    expect(byPr(64829)?.area).toBe('storage');
    // sigs [api-machinery, cli, instrumentation, testing]
    expect(byPr(73032)).toMatchObject({
      area: 'api-machinery',
      section: 'notable-features',
      authors: ['liggitt'],
    });
  });

  test('an action-required note also lists its kind section', () => {
    const urgent = result.ok ? result.items.filter((item) => item.actionRequired) : [];
    expect(urgent.length).toBeGreaterThan(0);
    for (const item of urgent) {
      expect(item.section).toBe('action-required');
      expect(item.alsoIn.length).toBeGreaterThan(0);
    }
  });
});

describe('bad JSON', () => {
  test.each([
    ['{"a": ', /^is not valid JSON \(/],
    ['[1, 2]', /^has an unknown layout: JSON array, expected an object of release notes/],
    ['{}', /^has an unknown layout: an empty JSON object/],
    ['{"123": {"title": "x"}}', /^has an unknown layout: entry "123" is not a release note/],
  ])('%j', (text, message) => {
    const result = parseReleaseNotesJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
