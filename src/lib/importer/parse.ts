/**
 * Step one of an import: the upstream file's text to the items to import. A Markdown changelog gives
 * the release sections chosen with `--from`/`--to` (default the release's own `vX.Y.0`); release-notes
 * JSON gives its one release, which must be the release imported into.
 */
import type { Release } from '../../schemas/release.ts';
import type { KnownArea } from './areas.ts';
import { parseChangelog } from './changelog.ts';
import { parseReleaseNotesJson } from './json.ts';
import type { ChangelogRelease, SkippedBlock, UpstreamItem } from './types.ts';
import { compareVersions, parseVersion, type Version } from './versions.ts';

/** What to import. */
export interface ImportRequest {
  /** The upstream file: a name for messages and notes (its base name), and its text. */
  source: { name: string; text: string };
  /** The release id (`data/releases/<id>.yaml`) the notes belong to. */
  release: string;
  /** Markdown only: import every release section from this version on (pre-releases included)… */
  from?: string;
  /** …up to this one; default the release's own `vX.Y.0`. */
  to?: string;
}

/** The items of an upstream file, with what was skipped and the release sections they come from. */
export interface ParsedUpstream {
  layout: 'changelog' | 'json';
  /** The release sections imported (Markdown), newest first, or the JSON's release version. */
  versions: string[];
  items: UpstreamItem[];
  skipped: SkippedBlock[];
}

/** Parsed items, or the one-line reason there are none. */
export type ParseResult = ({ ok: true } & ParsedUpstream) | { ok: false; error: string };

function listVersions(releases: readonly ChangelogRelease[]): string {
  const versions = releases.map((release) => release.version);
  return versions.length <= 6
    ? versions.join(', ')
    : `${versions.slice(0, 3).join(', ')} … ${versions.at(-1) ?? ''}, ${versions.length} sections`;
}

/** The release sections to import: the release's own `vX.Y.0`, or the `from`…`to` range; newest first. */
function selectReleases(
  releases: readonly ChangelogRelease[],
  request: ImportRequest,
  releaseVersion: string,
): { ok: true; selected: ChangelogRelease[] } | { ok: false; error: string } {
  const name = request.source.name;
  const parsed = releases.map((release) => ({ release, version: parseVersion(release.version) }));
  const find = (version: Version) =>
    parsed.find((entry) => entry.version && compareVersions(entry.version, version) === 0);
  const option = (flag: string, text: string) => {
    const version = parseVersion(text);
    if (!version) {
      return { error: `${flag} ${text} is not a version like v1.8.0 or v1.8.0-alpha.1` };
    }
    if (!find(version)) {
      return {
        error: `${flag} ${text} is not a release section of ${name} (it has ${listVersions(releases)})`,
      };
    }
    return { version };
  };
  const ownText = releaseVersion.split('.').length >= 3 ? releaseVersion : `${releaseVersion}.0`;
  const own = parseVersion(ownText);
  let to: Version | undefined;
  if (request.to !== undefined) {
    const result = option('--to', request.to);
    if (result.error) return { ok: false, error: result.error };
    to = result.version;
  } else if (own && find(own)) {
    to = own;
  }
  if (request.from === undefined) {
    const target = to ? find(to) : undefined;
    if (!target) {
      return {
        ok: false,
        error: `${name} has no v${ownText} section for --release ${request.release} (it has ${listVersions(releases)}); choose sections with --from and --to`,
      };
    }
    return { ok: true, selected: [target.release] };
  }
  const from = option('--from', request.from);
  if (from.error || !from.version) return { ok: false, error: from.error ?? '' };
  if (!to) {
    return {
      ok: false,
      error: `${name} has no v${ownText} section to import up to; give --to <version>`,
    };
  }
  const start = from.version;
  const end = to;
  if (compareVersions(start, end) > 0) {
    return { ok: false, error: `--from ${request.from} comes after v${ownText}` };
  }
  const selected = parsed
    .filter(
      (entry) =>
        entry.version &&
        compareVersions(entry.version, start) >= 0 &&
        compareVersions(entry.version, end) <= 0,
    )
    .sort((a, b) => (b.version && a.version ? compareVersions(b.version, a.version) : 0))
    .map((entry) => entry.release);
  return { ok: true, selected };
}

/** Parses the upstream file of `request` for `release`, recognising its layout (JSON or Markdown). */
export function parseUpstream(
  request: ImportRequest,
  release: Release,
  knownAreas: readonly KnownArea[],
): ParseResult {
  const fail = (error: string): ParseResult => ({ ok: false, error });
  const name = request.source.name;
  const text = request.source.text.replace(/^\uFEFF/, '');
  if (/^\s*[[{]/.test(text)) {
    if (request.from !== undefined || request.to !== undefined) {
      return fail(`--from and --to apply to Markdown changelogs; ${name} is JSON`);
    }
    const parsed = parseReleaseNotesJson(text, knownAreas);
    if (!parsed.ok) return fail(`${name} ${parsed.error}`);
    const version = parsed.version === undefined ? undefined : parseVersion(parsed.version);
    const own = parseVersion(`${release.version}.0`) ?? parseVersion(release.version);
    if (version && own && (version.major !== own.major || version.minor !== own.minor)) {
      return fail(
        `${name} holds the release notes of ${parsed.version}, not of --release ${release.id} (version ${release.version})`,
      );
    }
    return {
      ok: true,
      layout: 'json',
      items: parsed.items,
      skipped: parsed.skipped,
      versions: parsed.version === undefined ? [] : [parsed.version],
    };
  }
  const releases = parseChangelog(text, { knownAreas });
  if (releases.length === 0) {
    return fail(
      `${name} is not a release-notes file: neither a Markdown changelog with "# vX.Y.Z" release headings nor release-notes JSON`,
    );
  }
  const selection = selectReleases(releases, request, release.version);
  if (!selection.ok) return fail(selection.error);
  const items = selection.selected.flatMap((selected) => selected.items);
  const versions = selection.selected.map((selected) => selected.version);
  if (items.length === 0) {
    return fail(`${name} has no release-note items in ${versions.join(', ')}`);
  }
  return {
    ok: true,
    layout: 'changelog',
    items,
    skipped: selection.selected.flatMap((selected) => selected.skipped),
    versions,
  };
}
