import { describe, expect, test } from 'vitest';
import {
  absoluteUrl,
  atomXml,
  entryIdOf,
  entryOf,
  feedUpdated,
  siteChanges,
  stableUrn,
  teamChanges,
  type EntryContext,
} from '../../src/lib/feeds.ts';
import type { VerdictChange } from '../../src/lib/history.ts';
import { atomProblems, childrenNamed, parseXml } from '../support/atom.ts';

const change = (id: string, commit: string, impact: string, previous?: string): VerdictChange => ({
  id,
  commit,
  impact,
  ...(previous === undefined ? {} : { previous }),
  date: `2026-01-0${commit.length}T08:00:00.000Z`,
  author: 'Alice & <Bob>',
});

const context: EntryContext = {
  lang: 'en',
  title: 'Title with <markup> & "quotes"',
  url: 'https://notes.example/en/items/k8s-1.8-pr-1/',
  impactName: (impact) => impact.toUpperCase(),
  queued: 'entered the queue',
  changed: (from, to) => `${from} → ${to}`,
};

describe('atomXml', () => {
  const entries = [
    entryOf(change('k8s-1.8-pr-1', 'bb', 'watch', 'untriaged'), context),
    entryOf(change('k8s-1.8-pr-1', 'a', 'untriaged'), context),
  ];
  const xml = atomXml({
    id: stableUrn('feed/en'),
    title: 'Changes \u0001 with a control character',
    lang: 'en',
    selfUrl: 'https://notes.example/en/feed.xml',
    pageUrl: 'https://notes.example/en/',
    updated: feedUpdated(entries, '2000-01-01T00:00:00.000Z'),
    entries,
  });

  test('is well-formed Atom by the rules readers depend on', () => {
    expect(atomProblems(xml)).toEqual([]);
  });

  test('escapes text and says what changed', () => {
    const feed = parseXml(xml);
    const [first, second] = childrenNamed(feed, 'entry');
    expect(childrenNamed(first!, 'title')[0]?.text).toBe(
      'Title with <markup> & "quotes": UNTRIAGED → WATCH',
    );
    expect(childrenNamed(second!, 'title')[0]?.text).toBe(
      'Title with <markup> & "quotes": entered the queue',
    );
    expect(childrenNamed(childrenNamed(first!, 'author')[0]!, 'name')[0]?.text).toBe(
      'Alice & <Bob>',
    );
    expect(childrenNamed(feed, 'updated')[0]?.text).toBe('2026-01-02T08:00:00.000Z');
  });

  test('an empty feed takes the fallback date and is still valid', () => {
    const empty = atomXml({
      id: stableUrn('feed/zh'),
      title: '空',
      lang: 'zh-CN',
      selfUrl: 'https://notes.example/zh/feed.xml',
      pageUrl: 'https://notes.example/zh/',
      updated: feedUpdated([], '2017-09-28T00:00:00.000Z'),
      entries: [],
    });
    expect(atomProblems(empty)).toEqual([]);
    expect(empty).toContain('<updated>2017-09-28T00:00:00.000Z</updated>');
  });
});

describe('ids and links', () => {
  test('entry ids are UUID URNs that depend only on language, note and commit', () => {
    const id = entryIdOf({ id: 'k8s-1.8-pr-1', commit: 'abc' }, 'en');
    expect(id).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(entryIdOf({ id: 'k8s-1.8-pr-1', commit: 'abc' }, 'en')).toBe(id);
    expect(entryIdOf({ id: 'k8s-1.8-pr-1', commit: 'abd' }, 'en')).not.toBe(id);
    expect(entryIdOf({ id: 'k8s-1.8-pr-1', commit: 'abc' }, 'zh')).not.toBe(id);
  });

  test.each([
    ['https://a.example', '/', 'en/feed.xml', 'https://a.example/en/feed.xml'],
    [
      'https://a.example',
      '/pict-notes/',
      'en/feed.xml',
      'https://a.example/pict-notes/en/feed.xml',
    ],
    [
      'https://a.example/',
      '/sub',
      '/zh/teams/ops/feed.xml',
      'https://a.example/sub/zh/teams/ops/feed.xml',
    ],
  ])('absoluteUrl(%s, %s, %s)', (site, base, path, expected) => {
    expect(absoluteUrl(site, base, path)).toBe(expected);
  });
});

describe('which changes a feed lists', () => {
  const notes = new Map([
    ['owned', { teams: ['ops'], area: undefined }],
    ['in-area', { teams: [], area: 'storage' }],
    ['other', { teams: ['platform'], area: 'networking' }],
  ]);
  const areas = [{ id: 'storage', name: { zh: '存储', en: 'Storage' }, teams: ['ops'] }];
  const changes = [
    change('in-area', 'a', 'untriaged'),
    change('owned', 'b', 'watch', 'untriaged'),
    change('other', 'c', 'none', 'untriaged'),
    change('gone', 'd', 'watch', 'untriaged'),
    change('in-area', 'e', 'attention', 'untriaged'),
  ];

  test('a team: items entering its queue and verdicts of items it owns or triages, newest first', () => {
    expect(teamChanges(changes, notes, areas, 'ops').map((entry) => entry.commit)).toEqual([
      'e',
      'b',
      'a',
    ]);
  });

  test('the site: assessments of existing notes only, newest first, at most the limit', () => {
    expect(siteChanges(changes, notes).map((entry) => entry.commit)).toEqual(['e', 'c', 'b']);
    expect(siteChanges(changes, notes, 2).map((entry) => entry.commit)).toEqual(['e', 'c']);
  });
});

describe('the Atom check itself', () => {
  test('finds a relative link, a date that is not RFC 3339, a missing id and a missing author', () => {
    const bad = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><updated>2026-01-01 08:00</updated>
      <link rel="self" href="/en/feed.xml"/><entry><title>e</title><updated>2026-01-01T08:00:00Z</updated></entry></feed>`;
    expect(atomProblems(bad)).toMatchInlineSnapshot(`
      [
        "feed: 0 <id>, expected 1",
        "feed: id "" is not an absolute IRI",
        "feed: updated "2026-01-01 08:00" is not an RFC 3339 date",
        "feed: link "/en/feed.xml" is not absolute",
        "entry 0: 0 <id>, expected 1",
        "entry 0: id "" is not an absolute IRI",
        "entry 0: no author",
        "entry 0: no alternate link",
      ]
    `);
  });

  test('rejects XML that is not well-formed', () => {
    expect(() => parseXml('<feed><title>a & b</title></feed>')).toThrow();
  });
});
