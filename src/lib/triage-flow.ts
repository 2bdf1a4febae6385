/**
 * What `npm run triage` works through and shows beside each note: the queue (in the order of the
 * site's untriaged page) and the notes of other releases about the same change.
 */
import type { Area } from '../schemas/area.ts';
import type { Note } from '../schemas/note.ts';
import type { Release } from '../schemas/release.ts';
import { groupByArea, type ViewNote } from './views.ts';

/** Which part of a release's queue to work through. */
export interface QueueFilter {
  release: string;
  area?: string;
  team?: string;
}

/**
 * The untriaged notes of a release (nobody assessed them and no area verdict covers them), optionally
 * of one area or waiting for one team, in the order of the release's untriaged page: by area in the
 * order of `areas`, notes without an area first.
 */
export function triageQueue<N extends ViewNote>(
  notes: readonly N[],
  areas: readonly Area[],
  filter: QueueFilter,
): N[] {
  const waiting = notes.filter(
    (note) =>
      note.release === filter.release &&
      note.assessedBy === 'nobody' &&
      (filter.area === undefined || note.area === filter.area) &&
      (filter.team === undefined || note.waitingFor.includes(filter.team)),
  );
  return groupByArea(waiting, areas).flatMap((group) => group.notes);
}

/** Upstream pull requests a note cites, as `owner/repo#number`. */
export function pullRequestsOf(note: Pick<Note, 'upstream'>): string[] {
  return note.upstream.flatMap((link) => {
    const match = /github\.com\/([^/]+\/[^/]+)\/pull\/(\d+)/.exec(link.url);
    return match ? [`${match[1]}#${match[2]}`] : [];
  });
}

// CamelCase names next to "feature gate", or in `--feature-gates=Name=…`: loose words are not gates.
const GATE_PATTERNS = [
  /`?\b([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)`?\s+(?:(?:alpha|beta)\s+)?feature[- ]gate/g,
  /feature[- ]gates?\s+`?([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)`?/g,
  /feature-gates=`?([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)/g,
];

/** Feature gates a note's upstream texts name. */
export function featureGatesOf(note: Pick<Note, 'en' | 'zh'>): string[] {
  const text = [note.en?.title, note.en?.summary, note.zh?.title, note.zh?.summary].join('\n');
  const gates = GATE_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].flatMap((match) => (match[1] ? [match[1]] : [])),
  );
  return [...new Set(gates)];
}

/** A note of another release about the same change, and what they share. */
export interface RelatedNote<N> {
  note: N;
  /** `pr owner/repo#123` or `feature gate Name`. */
  via: string[];
}

/** Notes of other releases that cite the same pull request or name the same feature gate as `note`. */
export function relatedNotes<N extends Note>(note: Note, notes: readonly N[]): RelatedNote<N>[] {
  const keysOf = (other: Note) => [
    ...pullRequestsOf(other).map((pr) => `pr ${pr}`),
    ...featureGatesOf(other).map((gate) => `feature gate ${gate}`),
  ];
  const own = new Set(keysOf(note));
  if (own.size === 0) return [];
  return notes.flatMap((other) => {
    if (other.release === note.release) return [];
    const via = keysOf(other).filter((key) => own.has(key));
    return via.length > 0 ? [{ note: other, via }] : [];
  });
}

/** Related notes of releases older than the note's that it does not follow yet: candidates for `follows`. */
export function followsCandidates<N extends Note>(
  note: Note,
  related: readonly RelatedNote<N>[],
  releases: readonly Pick<Release, 'id' | 'releaseDate'>[],
): N[] {
  const dateOf = (id: string) => releases.find((release) => release.id === id)?.releaseDate;
  const own = dateOf(note.release);
  return related
    .map(({ note: other }) => other)
    .filter((other) => {
      const date = dateOf(other.release);
      return own && date && date < own && !note.follows.includes(other.id);
    });
}

/** The teams a triage flow proposes for a note: its own, else the teams that triage its area. */
export function proposedTeams(
  note: Pick<Note, 'teams' | 'area'>,
  areas: readonly Area[],
): string[] {
  if (note.teams.length > 0) return note.teams;
  return areas.find((area) => area.id === note.area)?.teams ?? [];
}
