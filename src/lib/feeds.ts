/**
 * Atom feeds (RFC 4287) of assessment changes: one per language, one per team and language. Ids are
 * `urn:uuid:`s derived from what an entry is about (note and commit), so they stay the same across
 * builds, hosts and base paths; dates are RFC 3339 in UTC; links are absolute.
 */
import { createHash } from 'node:crypto';
import type { Area } from '../schemas/area.ts';
import type { Note } from '../schemas/note.ts';
import { isAssessment, type VerdictChange } from './history.ts';

/** One entry of a feed, ready to print. */
export interface FeedEntry {
  id: string;
  title: string;
  /** RFC 3339. */
  updated: string;
  /** Absolute URL of the page the entry is about. */
  url: string;
  summary: string;
  author: string;
}

/** A feed, ready to print. */
export interface Feed {
  id: string;
  title: string;
  /** Language of the texts (`zh-CN`, `en`). */
  lang: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Absolute URL of the page the feed accompanies. */
  pageUrl: string;
  /** RFC 3339; the newest entry's date, or `fallbackUpdated` when there is none. */
  updated: string;
  entries: FeedEntry[];
}

/** Path of a language's feed of assessment changes. */
export function toFeedPath(lang: string): string {
  return `${lang}/feed.xml`;
}

/** Path of a team's feed of items entering its queue and their verdict changes. */
export function toTeamFeedPath(lang: string, team: string): string {
  return `${lang}/teams/${team}/feed.xml`;
}

/** A stable `urn:uuid:` (name-based, SHA-1, RFC 9562 version 5 layout) for a name. */
export function stableUrn(name: string): string {
  const hex = createHash('sha1').update(`pict-upgrade-notes:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The id of the entry for one verdict change: the same for every build, host and language. */
export function entryIdOf(change: Pick<VerdictChange, 'id' | 'commit'>, lang: string): string {
  return stableUrn(`verdict/${lang}/${change.id}/${change.commit}`);
}

/** An absolute URL from the site origin, the base path and a site-relative path. */
export function absoluteUrl(site: string, base: string, path: string): string {
  return new URL(`${base.replace(/\/?$/, '/')}${path.replace(/^\//, '')}`, site).href;
}

// XML 1.0 forbids most control characters even escaped.
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text safe inside an XML element or attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A feed as Atom XML. */
export function atomXml(feed: Feed): string {
  const entries = feed.entries.map(
    (entry) => `  <entry>
    <id>${escapeXml(entry.id)}</id>
    <title>${escapeXml(entry.title)}</title>
    <updated>${entry.updated}</updated>
    <author><name>${escapeXml(entry.author)}</name></author>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <summary>${escapeXml(entry.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>
  <updated>${feed.updated}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.pageUrl)}"/>
${entries.join('')}</feed>
`;
}

/** The date a feed was last updated: its newest entry's, else `fallback`. */
export function feedUpdated(entries: readonly FeedEntry[], fallback: string): string {
  return (
    entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), '') ||
    fallback
  );
}

/** Teams a note's changes concern: its own teams and the teams that triage its area. */
export function teamsConcerned(
  note: Pick<Note, 'teams' | 'area'>,
  areas: readonly Area[],
): string[] {
  const areaTeams = areas.find((area) => area.id === note.area)?.teams ?? [];
  return [...new Set([...note.teams, ...areaTeams])];
}

/**
 * A team's changes, newest first, at most `limit`: notes entering its queue (added untriaged in an
 * area it triages) and verdict changes of notes it owns or triages. Changes of notes that no longer
 * exist are left out.
 */
export function teamChanges<N extends Pick<Note, 'teams' | 'area'>>(
  changes: readonly VerdictChange[],
  notesById: ReadonlyMap<string, N>,
  areas: readonly Area[],
  team: string,
  limit = 50,
): VerdictChange[] {
  return changes
    .filter((change) => {
      const note = notesById.get(change.id);
      return note !== undefined && teamsConcerned(note, areas).includes(team);
    })
    .slice(-limit)
    .reverse();
}

/** The assessments (verdicts set or changed) among `changes`, newest first, at most `limit`, of notes that exist. */
export function siteChanges(
  changes: readonly VerdictChange[],
  notesById: ReadonlyMap<string, unknown>,
  limit = 50,
): VerdictChange[] {
  return changes
    .filter((change) => isAssessment(change) && notesById.has(change.id))
    .slice(-limit)
    .reverse();
}

/** What a feed entry needs to know about the note a change is about. */
export interface EntryContext {
  lang: string;
  /** The note's title in the feed's language. */
  title: string;
  /** Absolute URL of the note's page in the feed's language. */
  url: string;
  /** An impact level's name in the feed's language. */
  impactName: (impact: string) => string;
  /** The words for a note entering the queue. */
  queued: string;
  /** `{from} → {to}` in the feed's language. */
  changed: (from: string, to: string) => string;
}

/** The feed entry of one verdict change. */
export function entryOf(change: VerdictChange, context: EntryContext): FeedEntry {
  const what = !isAssessment(change)
    ? context.queued
    : change.previous === undefined
      ? context.impactName(change.impact)
      : context.changed(context.impactName(change.previous), context.impactName(change.impact));
  return {
    id: entryIdOf(change, context.lang),
    title: `${context.title}: ${what}`,
    updated: change.date,
    url: context.url,
    summary: `${change.id}: ${what}`,
    author: change.author,
  };
}
