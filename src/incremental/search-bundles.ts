import { createHash } from 'node:crypto';

/** A built page as the search index sees it: path relative to the output folder, and what changes when it is written again. */
export interface BuiltPage {
  path: string;
  mtimeMs: number;
  size: number;
}

/** One search bundle of the manifest: where it lives under `pagefind/` and a digest of the pages it indexed. */
export interface BundleEntry {
  path: string;
  signature: string;
}

/** `pagefind/bundles.json`: the bundles the browser merges, the primary (with Pagefind's scripts) first. */
export interface BundleManifest {
  bundles: BundleEntry[];
}

/** The bundle of the list pages (home, releases, teams, components, impact levels) when there is no release. */
export const SITE_BUNDLE = 'site/';

/**
 * The bundle that holds the list pages and Pagefind's scripts: the oldest release's. While all
 * notes fit in one bundle (the default), the whole site is then one index per language, which the
 * browser loads with one entry, one metadata file and one index chunk per word.
 */
export function primaryBundle(releases: readonly { id: string; releaseDate: Date }[]): string {
  const [oldest] = [...releases].sort(
    (a, b) => a.releaseDate.getTime() - b.releaseDate.getTime() || a.id.localeCompare(b.id),
  );
  return oldest ? `releases/${oldest.id}/` : SITE_BUNDLE;
}

/**
 * The bundle of each note: releases, oldest first, are packed into bundles of at most `perBundle`
 * notes (a larger release gets one of its own), each named after its first release, so a new release
 * leaves older bundles as they are. Fewer bundles make the first search lighter, smaller ones make a
 * rebuild re-index less.
 */
export function bundleOfEachNote(
  releases: readonly { id: string; releaseDate: Date }[],
  notes: readonly { id: string; release: string }[],
  perBundle: number,
): Map<string, string> {
  const counts = new Map<string, number>();
  for (const note of notes) counts.set(note.release, (counts.get(note.release) ?? 0) + 1);
  const bundleOfRelease = new Map<string, string>();
  let current: { path: string; notes: number } | undefined;
  for (const release of [...releases].sort(
    (a, b) => a.releaseDate.getTime() - b.releaseDate.getTime() || a.id.localeCompare(b.id),
  )) {
    const count = counts.get(release.id) ?? 0;
    if (!current || current.notes + count > perBundle) {
      current = { path: `releases/${release.id}/`, notes: 0 };
    }
    current.notes += count;
    bundleOfRelease.set(release.id, current.path);
  }
  return new Map(
    notes.flatMap((note) => {
      const bundle = bundleOfRelease.get(note.release);
      return bundle === undefined ? [] : [[note.id, bundle] as const];
    }),
  );
}

const ITEM_PAGE = /^(?:zh|en)\/items\/([^/]+)\/index\.html$/;
const LANGUAGE_PAGE = /^(?:zh|en)\//;

/** Whether a built page is a note's item page (all of which are searchable). */
export function isItemPage(path: string): boolean {
  return ITEM_PAGE.test(path);
}

/**
 * The bundle a page belongs to, or undefined when it is not searched: an item page goes with its note's
 * releases, so changing a note re-indexes a few releases; list pages (release pages too, which rank
 * against the items they list) go to the `primary` bundle; pages outside the language folders only redirect.
 */
export function bundleOfPage(
  path: string,
  bundleOfNote: (id: string) => string | undefined,
  primary = SITE_BUNDLE,
): string | undefined {
  const item = ITEM_PAGE.exec(path);
  // A retired id's page only redirects to the note that replaced it: no bundle.
  if (item) return bundleOfNote(item[1] ?? '');
  return LANGUAGE_PAGE.test(path) ? primary : undefined;
}

/** Pages grouped by bundle, each group sorted by path; the primary bundle (the list pages') comes first. */
export function groupPagesByBundle(
  pages: readonly BuiltPage[],
  bundleOfNote: (id: string) => string | undefined,
  primary = SITE_BUNDLE,
): Map<string, BuiltPage[]> {
  const sorted = [...pages].sort((a, b) => a.path.localeCompare(b.path));
  const groups = Map.groupBy(sorted, (page) => bundleOfPage(page.path, bundleOfNote, primary));
  const searched = [...groups].filter((group): group is [string, BuiltPage[]] => !!group[0]);
  return new Map([[primary, []], ...searched]);
}

/** Digest of a bundle's pages and the indexer's settings: equal digests mean the bundle can be kept as it is. */
export function bundleSignature(pages: readonly BuiltPage[], settings: string): string {
  const hash = createHash('sha256').update(settings);
  for (const page of pages) hash.update(`\n${page.path}\t${page.mtimeMs}\t${page.size}`);
  return hash.digest('hex').slice(0, 32);
}

/** The bundles whose signature differs from the previous manifest's, or that are missing on disk. */
export function bundlesToRebuild(
  signatures: ReadonlyMap<string, string>,
  previous: BundleManifest | undefined,
  exists: (bundle: string) => boolean,
): string[] {
  const before = new Map(previous?.bundles.map((entry) => [entry.path, entry.signature]));
  return [...signatures]
    .filter(([bundle, signature]) => before.get(bundle) !== signature || !exists(bundle))
    .map(([bundle]) => bundle);
}
