/**
 * The assessment history and feeds, as pages take them: read from git once per build (none without
 * git history). Kept apart from queries.ts, which it builds on.
 */
import { createHash } from 'node:crypto';
import { siteConfig } from '../site.config.ts';
import { t } from './i18n/index.ts';
import type { Lang } from './schemas/fields.ts';
import {
  absoluteUrl,
  atomXml,
  entryOf,
  feedUpdated,
  siteChanges,
  stableUrn,
  teamChanges,
  toFeedPath,
  toTeamFeedPath,
  type Feed,
} from './lib/feeds.ts';
import { htmlLang } from './i18n/index.ts';
import {
  changesById,
  readVerdictChanges,
  recentAssessments,
  type VerdictChange,
} from './lib/history.ts';
import { toItemPath, toTeamPath, withBase } from './lib/urls.ts';
import { textsFor } from './lib/views.ts';
import { site } from './queries.ts';

const { areas, noteById, releases, teams } = site;

/** Every verdict change of the notes, in commit order. */
export const verdictChanges: VerdictChange[] = readVerdictChanges(siteConfig.contentRoot);

/** Verdict changes of each note, oldest first. */
export const historyById: ReadonlyMap<string, VerdictChange[]> = changesById(verdictChanges);

/** The last 30 assessments of each release's notes, newest first. */
export const recentByRelease: ReadonlyMap<string, VerdictChange[]> = new Map(
  releases.map((release) => [
    release.id,
    recentAssessments(
      verdictChanges.filter((change) => noteById.get(change.id)?.release === release.id),
    ),
  ]),
);

/** The last 30 assessments of a release's notes, newest first, with each note's title and page in `lang`. */
export function recentlyAssessed(
  release: string,
  lang: Lang,
): { change: VerdictChange; title: string; href: string }[] {
  return (recentByRelease.get(release) ?? []).flatMap((change) => {
    const note = noteById.get(change.id);
    if (!note) return [];
    const title = textsFor(note, lang).texts.title;
    return [{ change, title, href: withBase(siteConfig.base, toItemPath(lang, note.id)) }];
  });
}

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/** What an item page shows of the history, as a cache-key part. */
export function historyKeyOf(id: string): string {
  return digest((historyById.get(id) ?? []).map((change) => change.commit));
}

/** What a release page shows of the history, as a cache-key part. */
export function recentKeyOf(release: string): string {
  return digest((recentByRelease.get(release) ?? []).map((change) => [change.id, change.commit]));
}

const url = (path: string) => absoluteUrl(siteConfig.site, siteConfig.base, path);

// A feed with no entry yet still needs an `updated` that stays put between builds.
const fallbackUpdated = releases
  .map((release) => release.releaseDate.toISOString())
  .reduce((newest, date) => (date > newest ? date : newest), '1970-01-01T00:00:00.000Z');

function feedOf(
  lang: Lang,
  changes: VerdictChange[],
  head: Pick<Feed, 'id' | 'title' | 'selfUrl' | 'pageUrl'>,
): string {
  const entries = changes.flatMap((change) => {
    const note = noteById.get(change.id);
    if (!note) return [];
    return [
      entryOf(change, {
        lang,
        title: textsFor(note, lang).texts.title,
        url: url(toItemPath(lang, note.id)),
        impactName: (impact) => t(lang, `impact.${impact}` as 'impact.none'),
        queued: t(lang, 'feed.queued'),
        changed: (from, to) => t(lang, 'feed.changed', { from, to }),
      }),
    ];
  });
  return atomXml({
    ...head,
    lang: htmlLang(lang),
    updated: feedUpdated(entries, fallbackUpdated),
    entries,
  });
}

/** A language's Atom feed of assessment changes (the last 50). */
export function siteFeed(lang: Lang): string {
  return feedOf(lang, siteChanges(verdictChanges, noteById), {
    id: stableUrn(`feed/${lang}`),
    title: t(lang, 'feed.title'),
    selfUrl: url(toFeedPath(lang)),
    pageUrl: url(`${lang}/`),
  });
}

/** A team's Atom feed: items entering its queue and verdict changes of its items (the last 50). */
export function teamFeed(lang: Lang, team: string): string {
  const name = teams.find((candidate) => candidate.id === team)?.name[lang] ?? team;
  return feedOf(lang, teamChanges(verdictChanges, noteById, areas, team), {
    id: stableUrn(`feed/${lang}/team/${team}`),
    title: t(lang, 'feed.teamTitle', { name }),
    selfUrl: url(toTeamFeedPath(lang, team)),
    pageUrl: url(toTeamPath(lang, team)),
  });
}
