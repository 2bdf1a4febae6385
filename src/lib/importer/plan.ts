/**
 * Planning an import, without touching the file system: from the upstream file's text and the
 * project's files (data/ and notes/) to the notes to write, the release's themes (from upstream's
 * "Major Themes", `themes.ts`), what is skipped and why, and the new id ledger, in three steps:
 * parse (`parse.ts`), plan (here), verify (`verify.ts`).
 * `scripts/import.ts` reads and writes the files.
 */
import { addIdsToLedger, formatLedger } from '../../checker/ledger.ts';
import { SOURCE_PATHS, loadProject, type Project, type SourceFile } from '../../checker/index.ts';
import { parseYaml, splitFrontmatter } from '../../checker/yaml-source.ts';
import { SECTIONS, type Section } from '../sections.ts';
import { ledgerSchema, type Ledger } from '../../schemas/ledger.ts';
import type { Release } from '../../schemas/release.ts';
import type { KnownArea } from './areas.ts';
import { normaliseUrl, refKey, unique } from './links.ts';
import { parseUpstream, type ImportRequest, type ParsedUpstream } from './parse.ts';
import { draftNotes, renderNote, type NoteDraft } from './render.ts';
import { isTheme, themeText, withThemes } from './themes.ts';
import type { UpstreamItem } from './types.ts';
import { verifyWrites } from './verify.ts';

export type { ImportRequest } from './parse.ts';

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

/**
 * The release's themes from upstream's "Major Themes" prose (never notes): written into its data file
 * (`create`, English, Chinese pending), left alone because the release has themes (`kept`), or none.
 */
export interface PlannedThemes {
  status: 'create' | 'kept' | 'none';
  /** The release data file. */
  file: string;
  /** One plain-text theme per upstream item, in file order. */
  texts: string[];
  items: UpstreamItem[];
}

/** The planned import. */
export interface ImportPlan extends ParsedUpstream {
  release: string;
  notes: PlannedNote[];
  themes: PlannedThemes;
  counts: SectionCount[];
  /** Area ids of items that data/areas.yaml lacks, with how many items have each. */
  missingAreas: { id: string; items: number }[];
  /** Files to write, relative to the project root: the new notes, the release file (new themes), then notes/ids.json (none when nothing is new). */
  writes: SourceFile[];
  /** Ids of existing notes the ledger lacked (an interrupted import's), recorded by this one. */
  recorded: string[];
}

/** A plan, or the one-line reason there is none. */
export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; error: string };

const fail = (error: string): PlanResult => ({ ok: false, error });

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

/** The release imported into, or why the import cannot start (it, or the id ledger, did not load). */
function targetRelease(
  request: ImportRequest,
  files: readonly SourceFile[],
  project: Project,
): { ok: true; release: Release } | { ok: false; error: string } {
  const release = project.releases.find((candidate) => candidate.id === request.release);
  if (!release) {
    const file = `${SOURCE_PATHS.releases}/${request.release}.yaml`;
    if (files.some((candidate) => candidate.path === file)) {
      return { ok: false, error: `${file} has problems; run npm run check and fix them first` };
    }
    const known =
      project.releases
        .map((candidate) => candidate.id)
        .sort()
        .join(', ') || 'none';
    return {
      ok: false,
      error: `--release ${request.release} is not a release in data/releases/ (known: ${known})`,
    };
  }
  const ledgerFile = files.find((file) => file.path === SOURCE_PATHS.ledger);
  if (ledgerFile && !ledgerSchema.safeParse(parseYaml(ledgerFile.text).data).success) {
    // Never rewrite a ledger that did not load: the ids it lists would be lost.
    return {
      ok: false,
      error: `${SOURCE_PATHS.ledger} is not a valid id ledger; run npm run check and fix it first`,
    };
  }
  return { ok: true, release };
}

/** Step two of an import: each item's note and its fate (create, exists, retired, assessed). */
function planNotes(
  items: readonly UpstreamItem[],
  release: Release,
  project: Project,
  files: readonly SourceFile[],
  sourceName: string,
): PlannedNote[] {
  const knownAreaIds = new Set(project.areas.map((area) => area.id));
  const drafts = draftNotes(items, release.idPrefix, knownAreaIds);
  const existing = existingNotes(files, release.id);
  const idFiles = new Map(existing.flatMap((note) => (note.id ? [[note.id, note.file]] : [])));
  const retired = new Set([...project.ledger.ids, ...Object.keys(project.ledger.redirects)]);
  const taken = new Set(files.map((file) => file.path));
  const source = sourceName.split(/[\\/]/).at(-1) ?? sourceName;
  return drafts.map((draft) => {
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
}

/**
 * The files the planned notes need written: the new notes, then the ledger with their ids (nothing
 * when none is new). Notes that exist but whose id the ledger lacks (written by an import that was
 * interrupted before it wrote the ledger) get their ids recorded too, so a second run completes it.
 */
function writesOf(notes: readonly PlannedNote[], ledger: Ledger): SourceFile[] {
  const created = notes.filter((note) => note.status === 'create');
  const listed = new Set(ledger.ids);
  const unrecorded = notes.filter((note) => note.status === 'exists' && !listed.has(note.id));
  if (created.length === 0 && unrecorded.length === 0) return [];
  return [
    ...created.map((note) => ({ path: note.file ?? '', text: note.text ?? '' })),
    {
      path: SOURCE_PATHS.ledger,
      text: formatLedger(
        addIdsToLedger(
          ledger,
          [...created, ...unrecorded].map((note) => note.id),
        ),
      ),
    },
  ];
}

/** The themes an import gives the release, and the release file's new text when it writes them. */
function planThemes(
  items: readonly UpstreamItem[],
  release: Release,
  files: readonly SourceFile[],
): { plan: PlannedThemes; write?: SourceFile } {
  const file = `${SOURCE_PATHS.releases}/${release.id}.yaml`;
  const texts = items.map(themeText);
  if (items.length === 0) return { plan: { status: 'none', file, texts, items: [] } };
  const current = files.find((candidate) => candidate.path === file)?.text ?? '';
  const text = withThemes(current, texts);
  const plan: PlannedThemes = {
    status: text === undefined ? 'kept' : 'create',
    file,
    texts,
    items: [...items],
  };
  return text === undefined ? { plan } : { plan, write: { path: file, text } };
}

/** The writes with the release file's (new themes) before the ledger, which comes last. */
function withReleaseFile(
  writes: readonly SourceFile[],
  themes: { write?: SourceFile },
): SourceFile[] {
  if (!themes.write) return [...writes];
  const ledger = writes.at(-1);
  return ledger ? [...writes.slice(0, -1), themes.write, ledger] : [themes.write];
}

function countBySection(
  items: readonly UpstreamItem[],
  notes: readonly PlannedNote[],
): SectionCount[] {
  return SECTIONS.map((section) => {
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
}

function missingAreas(
  items: readonly UpstreamItem[],
  areas: readonly { id: string }[],
): ImportPlan['missingAreas'] {
  const known = new Set(areas.map((area) => area.id));
  const missing = new Map<string, number>();
  for (const item of items) {
    if (item.area !== undefined && !known.has(item.area)) {
      missing.set(item.area, (missing.get(item.area) ?? 0) + 1);
    }
  }
  return [...missing].map(([id, count]) => ({ id, items: count }));
}

/** Plans the notes to write into `notes/<release>/`: parse the upstream file, plan each note, verify the writes. */
export function planImport(request: ImportRequest, files: readonly SourceFile[]): PlanResult {
  const { project, problems } = loadProject(files);
  const target = targetRelease(request, files, project);
  if (!target.ok) return fail(target.error);
  const { release } = target;
  const knownAreas: KnownArea[] = project.areas.map((area) => ({
    id: area.id,
    names: [area.name.en, area.name.zh],
  }));
  const parsed = parseUpstream(request, release, knownAreas);
  if (!parsed.ok) return fail(parsed.error);
  const noteItems = parsed.items.filter((item) => !isTheme(item));
  const notes = planNotes(noteItems, release, project, files, request.source.name);
  const themes = planThemes(parsed.items.filter(isTheme), release, files);
  const writes = withReleaseFile(writesOf(notes, project.ledger), themes);
  const rejected = verifyWrites(files, problems, writes);
  if (rejected !== undefined) return fail(rejected);
  return {
    ok: true,
    plan: {
      release: release.id,
      layout: parsed.layout,
      versions: unique(parsed.versions),
      items: parsed.items,
      notes,
      themes: themes.plan,
      skipped: parsed.skipped,
      counts: countBySection(parsed.items, notes),
      missingAreas: missingAreas(parsed.items, project.areas),
      writes,
      recorded: notes
        .filter((note) => note.status === 'exists' && !project.ledger.ids.includes(note.id))
        .map((note) => note.id),
    },
  };
}
