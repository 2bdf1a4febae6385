import type { Note } from '../schemas/note.ts';
import type { Release } from '../schemas/release.ts';
import type { Impact } from './impact.ts';
import { isBlockingUntriaged } from './triage.ts';
import { compareNotes, countByImpact } from './views.ts';

/** Compares dotted version strings number by number (`1.9` before `1.10`). */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Releases by product, then oldest version first. */
export function inVersionOrder<R extends Pick<Release, 'product' | 'version'>>(
  releases: readonly R[],
): R[] {
  return [...releases].sort(
    (a, b) => a.product.localeCompare(b.product) || compareVersions(a.version, b.version),
  );
}

/** One upgrade a reader can ask about: from a release they run to a later release of the same product. */
export interface UpgradePair<R> {
  from: R;
  to: R;
}

/** Every upgrade between two releases of the same product, oldest starting point first. */
export function upgradePairs<R extends Pick<Release, 'product' | 'version'>>(
  releases: readonly R[],
): UpgradePair<R>[] {
  const ordered = inVersionOrder(releases);
  return ordered.flatMap((from, index) =>
    ordered
      .slice(index + 1)
      .filter((to) => to.product === from.product)
      .map((to) => ({ from, to })),
  );
}

/** The releases an upgrade crosses: those of the product later than `from`, up to and including `to`, oldest first. */
export function releasesCrossed<R extends Pick<Release, 'product' | 'version'>>(
  releases: readonly R[],
  { from, to }: UpgradePair<R>,
): R[] {
  return inVersionOrder(releases).filter(
    (release) =>
      release.product === from.product &&
      compareVersions(release.version, from.version) > 0 &&
      compareVersions(release.version, to.version) <= 0,
  );
}

/** One entry of an upgrade path: a note at its latest state, and the earlier notes of its chain it stands for. */
export interface PathItem<N> {
  note: N;
  earlier: N[];
}

/**
 * Collapses `follows`/`supersedes` chains: a note that a later note of the list continues or replaces
 * is listed under that later note instead of on its own, in list order. A note is never dropped:
 * members of a cycle (which only bad data makes) stay listed, at the end.
 */
export function collapseChains<N extends Note>(notes: readonly N[]): PathItem<N>[] {
  const byId = new Map(notes.map((note) => [note.id, note]));
  const pointedAt = (note: N) =>
    [...note.follows, ...note.supersedes].flatMap((id) => byId.get(id) ?? []);
  const continued = new Set(notes.flatMap((note) => pointedAt(note).map((other) => other.id)));
  const collapsed = new Set<string>();
  const items: PathItem<N>[] = [];
  const earlierOf = (note: N): N[] => {
    const found: N[] = [];
    const queue = pointedAt(note);
    while (queue.length > 0) {
      const next = queue.shift() as N;
      if (next.id === note.id || found.includes(next)) continue;
      found.push(next);
      queue.push(...pointedAt(next));
    }
    return found;
  };
  for (const note of notes) {
    if (continued.has(note.id)) continue;
    const earlier = earlierOf(note);
    for (const other of earlier) collapsed.add(other.id);
    items.push({ note, earlier });
  }
  for (const note of notes) {
    if (!continued.has(note.id) || collapsed.has(note.id)) continue;
    items.push({ note, earlier: [] });
  }
  return items;
}

/** Impact levels an upgrade path lists item by item; the others are counted per release. */
export const PATH_LISTED_IMPACTS: readonly Impact[] = ['action-required', 'attention'];

/** One release an upgrade crosses, as its path shows it. */
export interface PathStep<N> {
  release: string;
  /** Its action and attention items (chains collapsed to their latest note), most urgent first. */
  listed: PathItem<N>[];
  /** Its untriaged items upstream marks action-required: each blocks the upgrade until assessed. */
  blocking: N[];
  /** How many of its items (chains collapsed) have each impact. */
  byImpact: Record<Impact, number>;
}

/**
 * What an upgrade path shows: per release crossed, in the order the upgrade crosses them, the items it
 * lists, the blocking untriaged items and the counts of the rest; and all listed and blocking items of
 * the path, for what spans the whole page (its filters, its cache key).
 */
export interface PathSummary<N> {
  steps: PathStep<N>[];
  listed: PathItem<N>[];
  blocking: N[];
}

/** Splits a path's items per release crossed into those listed one by one, those blocking and counts of the rest (untriaged included). */
export function summarisePath<N extends Note>(
  items: readonly PathItem<N>[],
  crossed: readonly string[],
): PathSummary<N> {
  const byRelease = Map.groupBy(items, (item) => item.note.release);
  const steps = crossed.map((release): PathStep<N> => {
    const own = byRelease.get(release) ?? [];
    const notes = own.map((item) => item.note);
    return {
      release,
      listed: own
        .filter((item) => PATH_LISTED_IMPACTS.includes(item.note.impact))
        .sort((a, b) => compareNotes(a.note, b.note)),
      blocking: notes.filter(isBlockingUntriaged).sort((a, b) => a.id.localeCompare(b.id)),
      byImpact: countByImpact(notes),
    };
  });
  return {
    steps,
    listed: steps.flatMap((step) => step.listed),
    blocking: steps.flatMap((step) => step.blocking),
  };
}
