import { createHash } from 'node:crypto';
import { NOTE_FACETS, type FacetData, type NoteFacet } from '../facets.ts';
import { IMPACTS, type Impact } from '../lib/impact.ts';
import { resolveRedirect, type Project } from '../checker/index.ts';
import {
  countCoveredByRemark,
  coverageOf,
  isBlockingUntriaged,
  type Coverage,
} from '../lib/triage.ts';
import {
  collapseChains,
  releasesCrossed,
  summarisePath,
  upgradePairs,
  type PathSummary,
  type UpgradePair,
} from '../lib/upgrade.ts';
import {
  compareNotes,
  compareOpenFirst,
  groupBySectionAndArea,
  indexLinkedNotes,
  neighboursOf,
  toViewNote,
  type LinkedNote,
  type ViewNote,
} from '../lib/views.ts';
import type { Area } from '../schemas/area.ts';
import type { Component } from '../schemas/component.ts';
import type { Lang } from '../schemas/fields.ts';
import type { Release } from '../schemas/release.ts';
import type { Team } from '../schemas/team.ts';

/** Deployment settings the models need: where the site lives and where tickets are. */
export interface SiteOptions {
  /** Path the site is served under, e.g. `/` or `/pict-notes/`. */
  base: string;
  /** Tracker URL for a ticket key (`{key}` is replaced). */
  trackerUrlPattern: string;
  /** Repository web URL for "edit this note" links. */
  repositoryUrl: string;
  /** The note facets; the site's table unless a test adds one. */
  facets?: readonly NoteFacet[];
}

/** An upgrade between two releases, with the releases it crosses and its listed and counted notes. */
export interface Upgrade extends UpgradePair<Release>, PathSummary<ViewNote> {
  crossed: Release[];
}

/** The main navigation entries a page may be under. */
export type NavSection = 'home' | 'teams' | 'components' | 'impact' | 'upgrade';

/** What the page layout (`src/layouts/Base.astro`) takes: a page's `<head>` and navigation. */
export interface PageHead {
  /** Language of the page. */
  lang: Lang;
  /** Page title, without the site name. */
  title: string;
  /** Site-relative path of this page (e.g. `zh/items/k8s-1.7-x/`), for the language switch. */
  path: string;
  /** Meta and Open Graph description: plain text, no Markdown. */
  description: string;
  /** Which main navigation entry is current. */
  section?: NavSection;
  /** Whether search indexes the page; views that only repeat items (queues, upgrade paths) are left out. */
  searchable?: boolean;
}

/** What every page model has: its language, site-relative path, cache key and head. */
export interface PageModel {
  lang: Lang;
  path: string;
  /** The page's cache key for Astro's incremental build (see `pageKey`). */
  cacheKey: string;
  /** The page's `<head>` and navigation: what `Base.astro` takes. */
  head: PageHead;
}

// Here rather than in a module of its own: every page imports it with the layout, and Rollup would name
// the shared chunk, and so the site's one stylesheet (`_astro/Base.*.css`), after that module.
/** A page's head: the page's title is its description too unless `more` gives one. */
export function pageHead(
  lang: Lang,
  path: string,
  title: string,
  more: Partial<Pick<PageHead, 'description' | 'section' | 'searchable'>> = {},
): PageHead {
  return { lang, path, title, ...more, description: more.description ?? title };
}

/** A note's place in its release page's order (sections, then areas, most urgent first). */
export interface ReadingPlace {
  index: number;
  /** The notes of the release in the order its page lists them. */
  order: readonly ViewNote[];
}

/**
 * The checked project as lists every page model takes from, built once per build: notes with their
 * effective verdicts, grouped the ways pages list them, names in both languages, and the digests
 * cache keys are made of.
 */
export interface Site extends FacetData {
  options: Required<SiteOptions>;
  facets: readonly NoteFacet[];
  /** Releases, newest first. */
  releases: Release[];
  teams: Team[];
  components: Component[];
  areas: Area[];
  releaseById: ReadonlyMap<string, Release>;
  /** Every note with its effective verdict, most urgent first. */
  notes: ViewNote[];
  noteById: ReadonlyMap<string, ViewNote>;
  notesByRelease: ReadonlyMap<string, ViewNote[]>;
  /** Notes of each team, open follow-ups first. */
  notesByTeam: ReadonlyMap<string, ViewNote[]>;
  /** Notes waiting for each team (to triage, or with an open follow-up), open follow-ups first. */
  notesWaitingByTeam: ReadonlyMap<string, ViewNote[]>;
  notesByComponent: ReadonlyMap<string, ViewNote[]>;
  /** Notes of each impact level (every level present). */
  notesByImpact: ReadonlyMap<Impact, ViewNote[]>;
  /** Notes of each release that nobody has assessed and no area verdict covers. */
  untriagedByRelease: ReadonlyMap<string, ViewNote[]>;
  /** Notes of each release that upstream marks action-required and nobody has assessed: they block its upgrades. */
  blockingByRelease: ReadonlyMap<string, ViewNote[]>;
  coverageByRelease: ReadonlyMap<string, Coverage>;
  /** For each release, how many items take their verdict from each of its remarks (remark order). */
  remarkCoverageByRelease: ReadonlyMap<string, number[]>;
  /** For every note, the other notes of its release and area that its page shows. */
  neighboursById: ReadonlyMap<string, ViewNote[]>;
  /** For every note, its place in the order its release page lists it (previous and next on item pages). */
  readingPlaceById: ReadonlyMap<string, ReadingPlace>;
  /** For every note, the notes linked to it across releases, both ways. */
  linkedNotesById: ReadonlyMap<string, LinkedNote<ViewNote>[]>;
  /** Retired ids and the existing note id each now leads to. */
  retiredIds: ReadonlyMap<string, string>;
  /** Retired ids whose item became part of a release page (its themes), and that release's id. */
  retiredToRelease: ReadonlyMap<string, string>;
  upgrades: Upgrade[];
  /** Digest of the data every page may show (release, team, component and area data). */
  sharedDigest: string;
  /** Digest of each note's file. */
  noteDigestById: ReadonlyMap<string, string>;
}

/** Notes under each key `keysOf` gives (a note may be under several), keys in first-seen order. */
function groupByEach(
  notes: readonly ViewNote[],
  keysOf: (note: ViewNote) => readonly string[],
  sort?: (a: ViewNote, b: ViewNote) => number,
): Map<string, ViewNote[]> {
  const pairs = notes.flatMap((note) => keysOf(note).map((key) => ({ key, note })));
  return new Map(
    [...Map.groupBy(pairs, (pair) => pair.key)].map(([key, group]) => {
      const list = group.map((pair) => pair.note);
      return [key, sort ? list.sort(sort) : list];
    }),
  );
}

/** Every note's place in the order its release page lists it, computed once per release. */
function readingPlaces(
  notesByRelease: ReadonlyMap<string, ViewNote[]>,
  areas: readonly Area[],
): Map<string, ReadingPlace> {
  return new Map(
    [...notesByRelease.values()].flatMap((notes) => {
      const order = groupBySectionAndArea(notes, areas).flatMap((section) =>
        section.areas.flatMap((area) => area.notes),
      );
      return order.map((note, index) => [note.id, { index, order }] as const);
    }),
  );
}

/** A short hex digest of a JSON value. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
}

/** Builds the lists every page model takes from the checked project. */
export function buildSite(project: Project, options: SiteOptions): Site {
  const facets = options.facets ?? NOTE_FACETS;
  const releases = [...project.releases].sort(
    (a, b) => b.releaseDate.getTime() - a.releaseDate.getTime(),
  );
  const { teams, components, areas } = project;
  const releaseById = new Map(releases.map((release) => [release.id, release]));
  const notes = project.notes
    .map((note) => toViewNote(note.data, note.file, releaseById.get(note.data.release), areas))
    .sort(compareNotes);
  const noteById = new Map(notes.map((note) => [note.id, note]));
  const notesByRelease = Map.groupBy(notes, (note) => note.release);
  const neighboursById = new Map(
    [...Map.groupBy(notes, (note) => `${note.release}\0${note.area ?? ''}`).values()].flatMap(
      (group) => group.map((note) => [note.id, neighboursOf(note, group)] as const),
    ),
  );
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const componentNames = new Map(components.map((component) => [component.id, component.name]));
  const areaNames = new Map(areas.map((area) => [area.id, area.name]));
  const names = {
    team: (id: string, lang: Lang) => teamNames.get(id)?.[lang] ?? id,
    component: (id: string, lang: Lang) => componentNames.get(id)?.[lang] ?? id,
    area: (id: string, lang: Lang) => areaNames.get(id)?.[lang] ?? id,
    release: (id: string) => {
      const release = releaseById.get(id);
      return release ? `${release.product} ${release.version}` : id;
    },
  };
  const upgrades = upgradePairs(releases).map((pair) => {
    const crossed = releasesCrossed(releases, pair);
    const pathNotes = crossed.flatMap((release) => notesByRelease.get(release.id) ?? []);
    const summary = summarisePath(
      collapseChains(pathNotes),
      crossed.map((release) => release.id),
    );
    return { ...pair, crossed, ...summary };
  });
  return {
    options: { ...options, facets },
    facets,
    names,
    releases,
    teams,
    components,
    areas,
    releaseById,
    notes,
    noteById,
    notesByRelease,
    notesByTeam: groupByEach(notes, (note) => note.teams, compareOpenFirst),
    notesWaitingByTeam: groupByEach(notes, (note) => note.waitingFor, compareOpenFirst),
    notesByComponent: groupByEach(notes, (note) => note.components),
    notesByImpact: new Map(
      IMPACTS.map((impact) => [impact, notes.filter((note) => note.impact === impact)]),
    ),
    untriagedByRelease: new Map(
      releases.map((release) => [
        release.id,
        (notesByRelease.get(release.id) ?? []).filter((note) => note.assessedBy === 'nobody'),
      ]),
    ),
    blockingByRelease: new Map(
      releases.map((release) => [
        release.id,
        (notesByRelease.get(release.id) ?? []).filter(isBlockingUntriaged),
      ]),
    ),
    coverageByRelease: new Map(
      releases.map((release) => [release.id, coverageOf(notesByRelease.get(release.id) ?? [])]),
    ),
    remarkCoverageByRelease: new Map(
      releases.map((release) => [
        release.id,
        countCoveredByRemark(notesByRelease.get(release.id) ?? [], release.remarks),
      ]),
    ),
    neighboursById,
    readingPlaceById: readingPlaces(notesByRelease, areas),
    linkedNotesById: indexLinkedNotes(notes),
    retiredIds: new Map(
      Object.keys(project.ledger.redirects).flatMap((id) => {
        const target = resolveRedirect(id, project.ledger.redirects);
        return target !== undefined && noteById.has(target) ? [[id, target] as const] : [];
      }),
    ),
    retiredToRelease: new Map(
      Object.entries(project.ledger.releaseRedirects).filter(([, release]) =>
        releases.some((candidate) => candidate.id === release),
      ),
    ),
    upgrades,
    sharedDigest: digestOf([releases, teams, components, areas]),
    noteDigestById: new Map(project.notes.map((note) => [note.data.id, note.digest])),
  };
}

/**
 * The cache key of a page for Astro's incremental build: a digest of the shared data, which page it
 * is, and the files of every note it shows (`shown`, plus `extra` for what derives from other data).
 * Builders compute it from the same inputs they build the page from, so a page is rendered again
 * exactly when something it shows changed.
 */
export function pageKey(
  site: Site,
  page: readonly string[],
  shown: readonly ViewNote[],
  extra: unknown = null,
): string {
  return digestOf([
    site.sharedDigest,
    page,
    shown.map((note) => site.noteDigestById.get(note.id) ?? note.id),
    extra,
  ]);
}

/** The parts every page model starts with; its head from `title` and `more` (see `pageHead`). */
export function pageModel(
  lang: Lang,
  path: string,
  cacheKey: string,
  title: string,
  more?: Parameters<typeof pageHead>[3],
): PageModel {
  return { lang, path, cacheKey, head: pageHead(lang, path, title, more) };
}
