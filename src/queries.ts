/**
 * The one module that queries content collections; pages import ready-made lists from here.
 * Top-level awaits run once per build, so thousands of pages share one set of lists.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { siteConfig } from '../site.config.ts';
import { ledgerSchema } from './schemas/ledger.ts';
import type { Area } from './schemas/area.ts';
import type { Component } from './schemas/component.ts';
import type { Lang } from './schemas/fields.ts';
import type { Release } from './schemas/release.ts';
import type { Team } from './schemas/team.ts';
import { IMPACTS, type Impact } from './lib/impact.ts';
import { langItemPaths } from './lib/paths.ts';
import { resolveRedirect } from './lib/project.ts';
import {
  compareNotes,
  compareOpenFirst,
  groupBy,
  indexLinkedNotes,
  type LinkedNote,
  neighboursOf,
  toViewNote,
  type ViewNote,
} from './lib/views.ts';
import { countCoveredByRemark, coverageOf, type Coverage } from './lib/triage.ts';
import { collapseChains, releasesCrossed, summarisePath, upgradePairs } from './lib/upgrade.ts';

const ledger = ledgerSchema.parse(
  JSON.parse(readFileSync(`${siteConfig.contentRoot}/notes/ids.json`, 'utf8')),
);

/** Releases, newest first. */
export const releases: Release[] = (await getCollection('releases'))
  .map((entry) => entry.data)
  .sort((a, b) => b.releaseDate.getTime() - a.releaseDate.getTime());

/** Teams, in file order. */
export const teams: Team[] = (await getCollection('teams')).map((entry) => entry.data);

/** Components, in file order. */
export const components: Component[] = (await getCollection('components')).map(
  (entry) => entry.data,
);

/** Upstream areas, in file order (the order release pages use). */
export const areas: Area[] = (await getCollection('areas')).map((entry) => entry.data);

const noteEntries = await getCollection('notes');

/** Note entries by id, for rendering a note's Markdown body. */
export const noteEntryById: ReadonlyMap<string, CollectionEntry<'notes'>> = new Map(
  noteEntries.map((entry) => [entry.data.id, entry]),
);

/** Release by id. */
export const releaseById: ReadonlyMap<string, Release> = new Map(
  releases.map((release) => [release.id, release]),
);

/** Every note with its effective verdict (area verdicts applied), most urgent first. */
export const notes: ViewNote[] = noteEntries
  .map((entry) =>
    toViewNote(entry.data, entry.filePath ?? '', releaseById.get(entry.data.release), areas),
  )
  .sort(compareNotes);

/** Notes by id. */
export const noteById: ReadonlyMap<string, ViewNote> = new Map(
  notes.map((note) => [note.id, note]),
);

/** Notes of each release. */
export const notesByRelease: ReadonlyMap<string, ViewNote[]> = groupBy(
  notes,
  (note) => note.release,
);

function groupByEach(keysOf: (note: ViewNote) => string[]): Map<string, ViewNote[]> {
  const groups = new Map<string, ViewNote[]>();
  for (const note of notes) {
    for (const key of keysOf(note)) groups.set(key, [...(groups.get(key) ?? []), note]);
  }
  return groups;
}

/** Notes of each team, open follow-ups first. */
export const notesByTeam: ReadonlyMap<string, ViewNote[]> = new Map(
  [...groupByEach((note) => note.teams)].map(([team, list]) => [team, list.sort(compareOpenFirst)]),
);

/** Notes waiting for each team (to triage, or with an open follow-up), open follow-ups first. */
export const notesWaitingByTeam: ReadonlyMap<string, ViewNote[]> = new Map(
  [...groupByEach((note) => note.waitingFor)].map(([team, list]) => [
    team,
    list.sort(compareOpenFirst),
  ]),
);

/** Notes of each release that nobody has assessed and no area verdict covers. */
export const untriagedByRelease: ReadonlyMap<string, ViewNote[]> = new Map(
  releases.map((release) => [
    release.id,
    (notesByRelease.get(release.id) ?? []).filter((note) => note.assessedBy === 'nobody'),
  ]),
);

/** Coverage of each release: items assessed individually, by an area verdict, or not yet. */
export const coverageByRelease: ReadonlyMap<string, Coverage> = new Map(
  releases.map((release) => [release.id, coverageOf(notesByRelease.get(release.id) ?? [])]),
);

/** For each release, how many items take their verdict from each of its remarks (remark order). */
export const remarkCoverageByRelease: ReadonlyMap<string, number[]> = new Map(
  releases.map((release) => [
    release.id,
    countCoveredByRemark(notesByRelease.get(release.id) ?? [], release.remarks),
  ]),
);

/** Notes affecting each component. */
export const notesByComponent: ReadonlyMap<string, ViewNote[]> = groupByEach(
  (note) => note.components,
);

/** Notes of each impact level (every level present). */
export const notesByImpact: ReadonlyMap<Impact, ViewNote[]> = new Map(
  IMPACTS.map((impact) => [impact, notes.filter((note) => note.impact === impact)]),
);

/** Retired ids and the existing note id each now leads to. */
export const retiredIds: ReadonlyMap<string, string> = new Map(
  Object.keys(ledger.redirects).flatMap((id) => {
    const target = resolveRedirect(id, ledger.redirects);
    return target !== undefined && noteById.has(target) ? [[id, target] as const] : [];
  }),
);

/** Name of an area in a language; the id when unknown. */
export function areaName(id: string | undefined, lang: Lang): string | undefined {
  if (id === undefined) return undefined;
  return areas.find((area) => area.id === id)?.name[lang] ?? id;
}

/** Name of a team in a language. */
export function teamName(id: string, lang: Lang): string {
  return teams.find((team) => team.id === id)?.name[lang] ?? id;
}

/** Name of a component in a language. */
export function componentName(id: string, lang: Lang): string {
  return components.find((component) => component.id === id)?.name[lang] ?? id;
}

/** A release's display name, e.g. "Kubernetes 1.7". */
export function releaseName(id: string): string {
  const release = releaseById.get(id);
  return release ? `${release.product} ${release.version}` : id;
}

/** For every note, the notes linked to it across releases, both ways. */
export const linkedNotesById: ReadonlyMap<string, LinkedNote<ViewNote>[]> = indexLinkedNotes(notes);

/** Digest of the data shared by every page (names of releases, teams, components, areas). */
const sharedDataDigest = createHash('sha256')
  .update(JSON.stringify([releases, teams, components, areas]))
  .digest('hex');

const digestOf = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

/** Digest of each note as pages show it, computed once and shared by the cache keys below. */
const noteDigestById: ReadonlyMap<string, string> = new Map(
  notes.map((note) => [note.id, digestOf([note, noteEntryById.get(note.id)?.body ?? ''])]),
);

// Both languages' pages of a note share its key.
const itemPageKeys = new Map<string, string>();

/**
 * Cache key of an item page for Astro's incremental build: a digest of everything the page shows
 * (the note, its body, its neighbours, shared names), so it is rendered again only when one changes.
 */
export function itemPageKey(id: string): string {
  const known = itemPageKeys.get(id);
  if (known) return known;
  const note = noteById.get(id);
  const neighbours = note ? neighboursOf(note, notesByRelease.get(note.release) ?? []) : [];
  const key = digestOf([
    sharedDataDigest,
    noteDigestById.get(id),
    neighbours.map((neighbour) => noteDigestById.get(neighbour.id)),
    (linkedNotesById.get(id) ?? []).map(({ link, note: linked }) => [
      link,
      noteDigestById.get(linked.id),
    ]),
  ]);
  itemPageKeys.set(id, key);
  return key;
}

/**
 * Cache key of a list page (a release, team, component or impact level): a digest of the shared data,
 * what the page is about and the notes it lists, in order; everything else it shows derives from those.
 */
export function listPageKey(page: readonly string[], listed: readonly ViewNote[]): string {
  return digestOf([sharedDataDigest, page, listed.map((note) => noteDigestById.get(note.id))]);
}

/**
 * `getStaticPaths` of a page per release and language that lists `listed`'s notes of the release,
 * keyed by what it lists (the release, checklist and queue pages).
 */
export function releasePagePaths(page: string, listed: ReadonlyMap<string, ViewNote[]>) {
  return langItemPaths(
    releases,
    'release',
    (release) => release.id,
    (release) => listPageKey([page, release.id], listed.get(release.id) ?? []),
  );
}

/** Every upgrade between two releases of a product, with the releases it crosses and their notes. */
export const upgrades = upgradePairs(releases).map((pair) => {
  const crossed = releasesCrossed(releases, pair);
  const pathNotes = crossed.flatMap((release) => notesByRelease.get(release.id) ?? []);
  const summary = summarisePath(
    collapseChains(pathNotes),
    crossed.map((release) => release.id),
  );
  // Everything the page shows: the listed notes, their chains and the counts.
  const cacheKey = digestOf([sharedDataDigest, pair.from.id, pair.to.id, summary]);
  return { ...pair, crossed, ...summary, cacheKey };
});
