/**
 * Planning an import, without touching the file system: from the upstream file's text and the
 * project's files (data/ and notes/) to the notes to write, what is skipped and why, and the new
 * id ledger. `scripts/import.ts` reads and writes the files.
 */
import { addIdsToLedger, formatLedger } from '../../checker/ledger.ts';
import { formatProblem, type Problem } from '../../checker/problems.ts';
import { SOURCE_PATHS, loadProject, type SourceFile } from '../../checker/index.ts';
import { SECTIONS, type Section } from '../sections.ts';
import { ledgerSchema } from '../../schemas/ledger.ts';
import { parseYaml, splitFrontmatter } from '../../checker/yaml-source.ts';
import type { KnownArea } from './areas.ts';
import { parseChangelog } from './changelog.ts';
import { parseReleaseNotesJson } from './json.ts';
import { normaliseUrl, refKey, unique } from './links.ts';
import { draftNotes, renderNote, type NoteDraft } from './render.ts';
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

/**
 * What happens to a note: written now, left alone because a note with its id exists, left out
 * because its id was published before and retired (it is in notes/ids.json), or left out because a
 * note of the release already cites its PR ("already assessed").
 */
export type NoteStatus = 'create' | 'exists' | 'retired' | 'assessed';

/** A draft with its fate. */
export interface PlannedNote extends NoteDraft {
  status: NoteStatus;
  /** The file written (create), the file holding the id (exists), or the first note citing its PR (assessed). */
  file?: string;
  /** Existing notes that cite one of its PRs (assessed). */
  assessedIn: string[];
  /** The note's text (create). */
  text?: string;
}

/** Counts of one section: upstream items listed in it, and the notes whose section it is, by status. */
export interface SectionCount {
  section: Section;
  items: number;
  notes: number;
  create: number;
  exists: number;
  retired: number;
  assessed: number;
}

/** The planned import. */
export interface ImportPlan {
  release: string;
  layout: 'changelog' | 'json';
  /** The release sections imported (Markdown), newest first, or the JSON's release version. */
  versions: string[];
  items: UpstreamItem[];
  notes: PlannedNote[];
  skipped: SkippedBlock[];
  counts: SectionCount[];
  /** Area ids of items that data/areas.yaml lacks, with how many items have each. */
  missingAreas: { id: string; items: number }[];
  /** Files to write, relative to the project root: the new notes, then notes/ids.json (none when nothing is new). */
  writes: SourceFile[];
}

/** A plan, or the one-line reason there is none. */
export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; error: string };

const fail = (error: string): PlanResult => ({ ok: false, error });

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

/** An existing note of the release, read leniently from its raw frontmatter (it may have other problems). */
interface ExistingNote {
  file: string;
  id?: string;
  /** `owner/repo#N` keys of the PRs and issues in its `upstream`. */
  refs: Set<string>;
  /** Its other `upstream` URLs (docs, READMEs), normalised. */
  urls: Set<string>;
}

function existingNotes(files: readonly SourceFile[], release: string): ExistingNote[] {
  const folder = `${SOURCE_PATHS.notes}/${release}/`;
  return files
    .filter((file) => file.path.startsWith(folder) && /\.mdx?$/.test(file.path))
    .map((file) => {
      const split = splitFrontmatter(file.text);
      const data = split ? parseYaml(split.yaml, 2).data : undefined;
      const record =
        typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
      const upstream = Array.isArray(record['upstream']) ? record['upstream'] : [];
      const urls = upstream.flatMap((entry: unknown) => {
        if (typeof entry === 'string') return [entry];
        if (typeof entry === 'object' && entry !== null && 'url' in entry) {
          const { url } = entry;
          return typeof url === 'string' ? [url] : [];
        }
        return [];
      });
      const id = record['id'];
      return {
        file: file.path,
        ...(typeof id === 'string' ? { id } : {}),
        refs: new Set(urls.flatMap((url) => refKey(url) ?? [])),
        urls: new Set(urls.filter((url) => !refKey(url)).map(normaliseUrl)),
      };
    });
}

function keysOf(urls: readonly string[]): string[] {
  return urls.flatMap((url) => refKey(url) ?? []);
}

/** A problem as a comparable string without line and field (new ids shift the ledger's lines and indexes). */
function problemKey(problem: Problem): string {
  return `${problem.file} ${problem.found} ${problem.expected}`;
}

/** Parses the upstream file and plans the notes to write into `notes/<release>/`. */
export function planImport(request: ImportRequest, files: readonly SourceFile[]): PlanResult {
  const { project, problems } = loadProject(files);
  const release = project.releases.find((candidate) => candidate.id === request.release);
  if (!release) {
    const file = `${SOURCE_PATHS.releases}/${request.release}.yaml`;
    if (files.some((candidate) => candidate.path === file)) {
      return fail(`${file} has problems; run npm run check and fix them first`);
    }
    const known =
      project.releases
        .map((candidate) => candidate.id)
        .sort()
        .join(', ') || 'none';
    return fail(
      `--release ${request.release} is not a release in data/releases/ (known: ${known})`,
    );
  }
  const ledgerFile = files.find((file) => file.path === SOURCE_PATHS.ledger);
  if (ledgerFile && !ledgerSchema.safeParse(parseYaml(ledgerFile.text).data).success) {
    // Never rewrite a ledger that did not load: the ids it lists would be lost.
    return fail(
      `${SOURCE_PATHS.ledger} is not a valid id ledger; run npm run check and fix it first`,
    );
  }
  const knownAreas: KnownArea[] = project.areas.map((area) => ({
    id: area.id,
    names: [area.name.en, area.name.zh],
  }));
  const name = request.source.name;
  const text = request.source.text.replace(/^\uFEFF/, '');

  let layout: ImportPlan['layout'];
  let items: UpstreamItem[];
  let skipped: SkippedBlock[];
  let versions: string[];
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
    layout = 'json';
    items = parsed.items;
    skipped = parsed.skipped;
    versions = parsed.version === undefined ? [] : [parsed.version];
  } else {
    const releases = parseChangelog(text, { knownAreas });
    if (releases.length === 0) {
      return fail(
        `${name} is not a release-notes file: neither a Markdown changelog with "# vX.Y.Z" release headings nor release-notes JSON`,
      );
    }
    const selection = selectReleases(releases, request, release.version);
    if (!selection.ok) return fail(selection.error);
    layout = 'changelog';
    items = selection.selected.flatMap((selected) => selected.items);
    skipped = selection.selected.flatMap((selected) => selected.skipped);
    versions = selection.selected.map((selected) => selected.version);
    if (items.length === 0) {
      return fail(`${name} has no release-note items in ${versions.join(', ')}`);
    }
  }

  const knownAreaIds = new Set(project.areas.map((area) => area.id));
  const drafts = draftNotes(items, release.idPrefix, knownAreaIds);
  const existing = existingNotes(files, release.id);
  const idFiles = new Map(existing.flatMap((note) => (note.id ? [[note.id, note.file]] : [])));
  const retired = new Set([...project.ledger.ids, ...Object.keys(project.ledger.redirects)]);
  const taken = new Set(files.map((file) => file.path));
  const source = name.split(/[\\/]/).at(-1) ?? name;

  const notes: PlannedNote[] = drafts.map((draft) => {
    const existingFile = idFiles.get(draft.id);
    if (existingFile) return { ...draft, status: 'exists', file: existingFile, assessedIn: [] };
    if (retired.has(draft.id)) return { ...draft, status: 'retired', assessedIn: [] };
    // "Already assessed": a note of the release cites one of the item's PRs; for an item without
    // a PR, one of its issues or other links (docs, READMEs).
    const prKeys = keysOf(draft.items.flatMap((item) => item.prs));
    const keys = prKeys.length > 0 ? prKeys : keysOf(draft.items.flatMap((item) => item.issues));
    const urls = prKeys.length > 0 ? [] : draft.items.flatMap((item) => item.urls);
    const assessedIn = existing
      .filter(
        (note) => keys.some((key) => note.refs.has(key)) || urls.some((url) => note.urls.has(url)),
      )
      .map((note) => note.file);
    if (assessedIn.length > 0) {
      return { ...draft, status: 'assessed', file: assessedIn[0] ?? '', assessedIn };
    }
    const stem = draft.id.slice(release.idPrefix.length + 1);
    let file = `${SOURCE_PATHS.notes}/${release.id}/${stem}.md`;
    for (let suffix = 2; taken.has(file); suffix += 1) {
      file = `${SOURCE_PATHS.notes}/${release.id}/${stem}-${suffix}.md`;
    }
    taken.add(file);
    return { ...draft, status: 'create', file, assessedIn: [], text: renderNote(draft, source) };
  });

  const created = notes.filter((note) => note.status === 'create');
  const writes: SourceFile[] = created.map((note) => ({
    path: note.file ?? '',
    text: note.text ?? '',
  }));
  if (created.length > 0) {
    writes.push({
      path: SOURCE_PATHS.ledger,
      text: formatLedger(
        addIdsToLedger(
          project.ledger,
          created.map((note) => note.id),
        ),
      ),
    });
  }

  if (writes.length > 0) {
    const before = new Set(problems.map(problemKey));
    const written = new Set(writes.map((file) => file.path));
    const after = loadProject([...files.filter((file) => !written.has(file.path)), ...writes]);
    const added = after.problems.filter((problem) => !before.has(problemKey(problem)));
    const [first] = added;
    if (first) {
      return fail(
        `the imported notes would not pass the checker: ${formatProblem(first)}${added.length > 1 ? ` (and ${added.length - 1} more)` : ''}`,
      );
    }
  }

  const counts = SECTIONS.map((section) => {
    const own = notes.filter((note) => note.section === section);
    const count = (status: NoteStatus) => own.filter((note) => note.status === status).length;
    return {
      section,
      items: items.filter((item) => item.section === section).length,
      notes: own.length,
      create: count('create'),
      exists: count('exists'),
      retired: count('retired'),
      assessed: count('assessed'),
    };
  });
  const missing = new Map<string, number>();
  for (const item of items) {
    if (item.area !== undefined && !knownAreaIds.has(item.area)) {
      missing.set(item.area, (missing.get(item.area) ?? 0) + 1);
    }
  }
  return {
    ok: true,
    plan: {
      release: release.id,
      layout,
      versions: unique(versions),
      items,
      notes,
      skipped,
      counts,
      missingAreas: [...missing].map(([id, count]) => ({ id, items: count })),
      writes,
    },
  };
}
