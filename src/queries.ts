/**
 * The one module pages take data from: the checked project and the note bodies, as ready-made lists.
 * It is evaluated once per build, so thousands of pages share one set of lists.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { createHash } from 'node:crypto';
import { siteConfig } from '../site.config.ts';
import type { Area } from './schemas/area.ts';
import type { Component } from './schemas/component.ts';
import type { Lang } from './schemas/fields.ts';
import type { Release } from './schemas/release.ts';
import type { Team } from './schemas/team.ts';
import { toExportRecord, type ExportRecord } from './lib/exports.ts';
import { IMPACTS, type Impact } from './lib/impact.ts';
import { langItemPaths } from './lib/paths.ts';
import { formatProblem } from './checker/problems.ts';
import { loadProject, resolveRedirect, type Project } from './checker/index.ts';
import { readProjectFiles } from './checker/files.ts';
import { sharedCheckedProject } from './checker/shared.ts';
import {
  compareNotes,
  compareOpenFirst,
  indexLinkedNotes,
  type LinkedNote,
  neighboursOf,
  toViewNote,
  type ViewNote,
} from './lib/views.ts';
import { countCoveredByRemark, coverageOf, type Coverage } from './lib/triage.ts';
import { collapseChains, releasesCrossed, summarisePath, upgradePairs } from './lib/upgrade.ts';

/**
 * The project as the checker validated it for this build; the dev server reads it again each time this
 * module is reloaded (on every note change), printing problems as a build would.
 */
function checkedProject(): Project {
  const shared = sharedCheckedProject();
  if (shared) return shared;
  const { project, problems } = loadProject(readProjectFiles(siteConfig.contentRoot));
  for (const problem of problems) console.error(formatProblem(problem));
  return project;
}

const project = checkedProject();

/** Releases, newest first. */
export const releases: Release[] = [...project.releases].sort(
  (a, b) => b.releaseDate.getTime() - a.releaseDate.getTime(),
);

/** Teams, in file order. */
export const teams: Team[] = project.teams;

/** Components, in file order. */
export const components: Component[] = project.components;

/** Upstream areas, in file order (the order release pages use). */
export const areas: Area[] = project.areas;

// Astro warns about an empty collection, and most projects have no note with a body.
const hasBodies = project.notes.some((note) => note.body.trim() !== '');

/** Note body entries by note id (notes with a Markdown body only), for rendering the body. */
export const noteEntryById: ReadonlyMap<string, CollectionEntry<'notes'>> = new Map(
  (hasBodies ? await getCollection('notes') : []).map((entry) => [entry.data.id, entry]),
);

/** Release by id. */
export const releaseById: ReadonlyMap<string, Release> = new Map(
  releases.map((release) => [release.id, release]),
);

/** Every note with its effective verdict (area verdicts applied), most urgent first. */
export const notes: ViewNote[] = project.notes
  .map((note) => toViewNote(note.data, note.file, releaseById.get(note.data.release), areas))
  .sort(compareNotes);

/** Notes by id. */
export const noteById: ReadonlyMap<string, ViewNote> = new Map(
  notes.map((note) => [note.id, note]),
);

/** For every note, the other notes of its release and area that its page shows, most urgent first. */
export const neighboursById: ReadonlyMap<string, ViewNote[]> = new Map(
  [...Map.groupBy(notes, (note) => `${note.release}\0${note.area ?? ''}`).values()].flatMap(
    (group) => group.map((note) => [note.id, neighboursOf(note, group)] as const),
  ),
);

/** Notes of each release. */
export const notesByRelease: ReadonlyMap<string, ViewNote[]> = Map.groupBy(
  notes,
  (note) => note.release,
);

function groupByEach(keysOf: (note: ViewNote) => string[]): Map<string, ViewNote[]> {
  const groups = new Map<string, ViewNote[]>();
  for (const note of notes) {
    for (const key of keysOf(note)) {
      const group = groups.get(key);
      if (group) group.push(note);
      else groups.set(key, [note]);
    }
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

/** Every note as the exports (`/notes.json`, `/notes.csv`) list it, by id. */
export const exportRecords: ExportRecord[] = [...notes]
  .sort((a, b) => a.id.localeCompare(b.id))
  .map((note) => toExportRecord(note, siteConfig.base));

/** Retired ids and the existing note id each now leads to. */
export const retiredIds: ReadonlyMap<string, string> = new Map(
  Object.keys(project.ledger.redirects).flatMap((id) => {
    const target = resolveRedirect(id, project.ledger.redirects);
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

/**
 * Digest of each note's file, shared by the cache keys below: with the shared data (release remarks,
 * area teams), it determines everything a page shows of the note.
 */
const noteDigestById: ReadonlyMap<string, string> = new Map(
  project.notes.map((note) => [note.data.id, note.digest]),
);

const digestOfNote = (note: ViewNote) => noteDigestById.get(note.id);

// Both languages' pages of a note share its key.
const itemPageKeys = new Map<string, string>();

/**
 * Cache key of an item page for Astro's incremental build: a digest of everything the page shows
 * (the note, its body, its neighbours, shared names), so it is rendered again only when one changes.
 */
export function itemPageKey(id: string): string {
  const known = itemPageKeys.get(id);
  if (known) return known;
  const key = digestOf([
    sharedDataDigest,
    noteDigestById.get(id),
    (neighboursById.get(id) ?? []).map(digestOfNote),
    (linkedNotesById.get(id) ?? []).map(({ link, note: linked }) => [link, digestOfNote(linked)]),
  ]);
  itemPageKeys.set(id, key);
  return key;
}

/**
 * Cache key of a list page (a release, team, component or impact level): a digest of the shared data,
 * what the page is about and the notes it lists, in order; everything else it shows derives from those.
 */
export function listPageKey(page: readonly string[], listed: readonly ViewNote[]): string {
  return digestOf([sharedDataDigest, page, listed.map(digestOfNote)]);
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
  const cacheKey = digestOf([
    sharedDataDigest,
    pair.from.id,
    pair.to.id,
    summary.listed.map(({ note, earlier }) => [note, ...earlier].map(digestOfNote)),
    summary.counts,
  ]);
  return { ...pair, crossed, ...summary, cacheKey };
});
