import type { z } from 'astro/zod';
import { createHash } from 'node:crypto';
import { conflictingRemarks } from './triage.ts';
import { areaSchema, type Area } from '../schemas/area.ts';
import { componentSchema, type Component } from '../schemas/component.ts';
import { ledgerSchema, type Ledger } from '../schemas/ledger.ts';
import { noteSchema, type Note } from '../schemas/note.ts';
import { releaseSchema, type Release } from '../schemas/release.ts';
import { teamSchema, type Team } from '../schemas/team.ts';
import {
  describeValue,
  expectedFor,
  issueToProblems,
  sortProblems,
  type Problem,
} from './problems.ts';
import { knownKeysAt } from './schema-keys.ts';
import { SLUG_PATTERN } from '../schemas/fields.ts';
import { parseYaml, splitFrontmatter, YamlCache, type YamlSource } from './yaml-source.ts';

/** A file of the project as text, with its path relative to the project root (always `/`-separated). */
export interface SourceFile {
  path: string;
  text: string;
}

/** Where the source of truth lives, relative to the project root. */
export const SOURCE_PATHS = {
  releases: 'data/releases',
  teams: 'data/teams.yaml',
  components: 'data/components.yaml',
  areas: 'data/areas.yaml',
  notes: 'notes',
  ledger: 'notes/ids.json',
} as const;

/** A validated note with the file it came from and its Markdown body. */
export interface LoadedNote {
  file: string;
  data: Note;
  body: string;
  /** A digest of the file's path and text: what build caches key a note's pages on. */
  digest: string;
}

/** Everything the site is built from, validated. */
export interface Project {
  releases: Release[];
  teams: Team[];
  components: Component[];
  areas: Area[];
  notes: LoadedNote[];
  ledger: Ledger;
}

/** The project and every problem found in it; the project holds only what validated. */
export interface LoadResult {
  project: Project;
  problems: Problem[];
}

interface Validated<T> {
  value?: T;
  problems: Problem[];
}

function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  file: string,
  source: YamlSource,
  prefix: readonly PropertyKey[] = [],
): Validated<z.output<S>> {
  const result = schema.safeParse(data, { reportInput: true, error: expectedFor });
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.flatMap((issue) =>
    issueToProblems(
      issue,
      file,
      (path) => source.lineOf(path),
      (path) => knownKeysAt(schema, path.slice(prefix.length)),
      prefix,
    ),
  );
  return { problems };
}

function fileProblem(file: string, found: string, expected: string, line = 1): Problem {
  return { file, line, field: '-', found, expected };
}

function parseYamlFile(
  file: SourceFile,
  what: string,
  yaml: YamlCache,
): { source?: YamlSource; problems: Problem[] } {
  if (file.text.trim() === '') {
    return { problems: [fileProblem(file.path, 'an empty file', what)] };
  }
  const source = yaml.parse(file.text);
  const problems = source.syntaxErrors.map((error) =>
    fileProblem(file.path, `a YAML syntax error (${error.message})`, 'valid YAML', error.line),
  );
  return problems.length > 0 ? { problems } : { source, problems };
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** Injects the id a file name or mapping key gives; an `id` written as well must agree. */
function withId(
  value: unknown,
  id: string,
  idSource: string,
  file: string,
  lineOfId: () => number,
): { data: unknown; problems: Problem[] } {
  if (!isMapping(value)) return { data: value, problems: [] };
  if (value['id'] !== undefined && value['id'] !== id) {
    return {
      data: { ...value, id },
      problems: [
        {
          file,
          line: lineOfId(),
          field: 'id',
          found: describeValue(value['id']),
          expected: `"${id}" (${idSource}) or no id`,
        },
      ],
    };
  }
  return { data: { ...value, id }, problems: [] };
}

function loadKeyed<S extends z.ZodType>(
  files: readonly SourceFile[],
  path: string,
  schema: S,
  what: string,
  yaml: YamlCache,
): Validated<z.output<S>[]> {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) return { value: [], problems: [fileProblem(path, 'no file', what)] };
  const { source, problems } = parseYamlFile(file, what, yaml);
  if (!source) return { value: [], problems };
  if (!isMapping(source.data)) {
    return {
      value: [],
      problems: [
        fileProblem(path, describeValue(source.data), `a mapping of id → entry (${what})`),
      ],
    };
  }
  const values: z.output<S>[] = [];
  for (const [key, entry] of Object.entries(source.data)) {
    const withKey = withId(entry, key, 'the mapping key', path, () => source.lineOf([key, 'id']));
    const result = validate(schema, withKey.data, path, source, [key]);
    problems.push(
      ...withKey.problems,
      ...result.problems.map((problem) => prefixField(problem, key)),
    );
    if (result.value && withKey.problems.length === 0) values.push(result.value);
  }
  return { value: values, problems };
}

function prefixField(problem: Problem, key: string): Problem {
  return problem.field.startsWith(key) ? problem : { ...problem, field: `${key}.${problem.field}` };
}

const YAML_EXTENSION = /\.ya?ml$/;
const NOTE_EXTENSION = /\.mdx?$/;

function loadReleases(files: readonly SourceFile[], yaml: YamlCache): Validated<Release[]> {
  const problems: Problem[] = [];
  const releases: Release[] = [];
  for (const file of files.filter((candidate) =>
    candidate.path.startsWith(`${SOURCE_PATHS.releases}/`),
  )) {
    const name = file.path.slice(SOURCE_PATHS.releases.length + 1);
    if (!YAML_EXTENSION.test(name) || name.includes('/')) {
      problems.push(
        fileProblem(file.path, 'a file that is not a release', 'only <release-id>.yaml files here'),
      );
      continue;
    }
    const parsed = parseYamlFile(
      file,
      'a release: product, version, idPrefix, releaseDate, …',
      yaml,
    );
    problems.push(...parsed.problems);
    const source = parsed.source;
    if (!source) continue;
    const id = name.replace(YAML_EXTENSION, '');
    const withName = withId(source.data, id, 'the file name', file.path, () =>
      source.lineOf(['id']),
    );
    const result = validate(releaseSchema, withName.data, file.path, source);
    problems.push(...withName.problems, ...result.problems);
    if (result.value && withName.problems.length === 0) releases.push(result.value);
  }
  if (releases.length === 0 && problems.length === 0) {
    problems.push(
      fileProblem(`${SOURCE_PATHS.releases}/`, 'no releases', 'at least one <release-id>.yaml'),
    );
  }
  return { value: releases, problems };
}

/** What a note refers to, read from its raw frontmatter so references are checked even when other fields are wrong. */
interface NoteRefs {
  file: string;
  lineOf: (path: readonly PropertyKey[]) => number;
  id?: string;
  release: string;
  area?: string;
  teams: string[];
  components: string[];
  /** Notes this one links to across releases (`follows`, `supersedes`). */
  links: { field: 'follows' | 'supersedes'; index: number; id: string }[];
  /** Languages whose texts are still to be written. */
  pendingTranslation: string[];
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}

function toNoteRefs(
  file: string,
  source: YamlSource,
  data: Record<string, unknown>,
  folder: string,
): NoteRefs {
  const { id, area } = data;
  return {
    file,
    lineOf: (path) => source.lineOf(path),
    ...(typeof id === 'string' && SLUG_PATTERN.test(id) ? { id } : {}),
    release: folder,
    ...(typeof area === 'string' ? { area } : {}),
    teams: stringsOf(data['teams']),
    components: stringsOf(data['components']),
    links: (['follows', 'supersedes'] as const).flatMap((field) =>
      stringsOf(data[field]).map((target, index) => ({ field, index, id: target })),
    ),
    pendingTranslation: stringsOf(data['pendingTranslation']),
  };
}

function loadNote(file: SourceFile, yaml: YamlCache): Validated<LoadedNote> & { refs?: NoteRefs } {
  const relative = file.path.slice(SOURCE_PATHS.notes.length + 1);
  const parts = relative.split('/');
  if (!NOTE_EXTENSION.test(relative)) {
    return {
      problems: [
        fileProblem(
          file.path,
          'a file that is not a note',
          'only .md or .mdx notes (and notes/ids.json) under notes/',
        ),
      ],
    };
  }
  if (parts.length !== 2) {
    return {
      problems: [
        fileProblem(file.path, 'a note outside a release folder', 'notes/<release-id>/<name>.md'),
      ],
    };
  }
  if (file.text.trim() === '') {
    return {
      problems: [
        fileProblem(file.path, 'an empty file', 'a note: YAML frontmatter between --- lines'),
      ],
    };
  }
  const split = splitFrontmatter(file.text);
  if (!split) {
    return {
      problems: [
        fileProblem(
          file.path,
          'no frontmatter',
          'the note to start with YAML frontmatter between --- lines',
        ),
      ],
    };
  }
  const source = yaml.parse(split.yaml, 2);
  if (source.syntaxErrors.length > 0) {
    return {
      problems: source.syntaxErrors.map((error) =>
        fileProblem(
          file.path,
          `a YAML syntax error (${error.message})`,
          'valid YAML frontmatter',
          error.line,
        ),
      ),
    };
  }
  const folder = parts[0] ?? '';
  const data = isMapping(source.data) ? { release: folder, ...source.data } : source.data;
  const problems: Problem[] = [];
  if (
    isMapping(source.data) &&
    source.data['release'] !== undefined &&
    source.data['release'] !== folder
  ) {
    problems.push({
      file: file.path,
      line: source.lineOf(['release']),
      field: 'release',
      found: describeValue(source.data['release']),
      expected: `"${folder}" (the folder the note is in) or no release field`,
    });
  }
  const result = validate(noteSchema, data, file.path, source);
  problems.push(...result.problems);
  const refs = isMapping(data) ? { refs: toNoteRefs(file.path, source, data, folder) } : {};
  if (!result.value || problems.length > 0) return { problems, ...refs };
  const digest = createHash('sha1').update(`${file.path}\0${file.text}`).digest('base64url');
  return {
    value: { file: file.path, data: result.value, body: split.body, digest },
    problems,
    ...refs,
  };
}

function loadLedger(
  files: readonly SourceFile[],
  yaml: YamlCache,
): Validated<Ledger> & { source?: YamlSource } {
  const file = files.find((candidate) => candidate.path === SOURCE_PATHS.ledger);
  const what = 'the id ledger { "ids": [...], "redirects": {...} } (run npm run ids)';
  if (!file) return { problems: [fileProblem(SOURCE_PATHS.ledger, 'no file', what)] };
  const parsed = parseYamlFile(file, what, yaml);
  if (!parsed.source) return { problems: parsed.problems };
  const result = validate(ledgerSchema, parsed.source.data, file.path, parsed.source);
  return result.value
    ? { value: result.value, problems: [], source: parsed.source }
    : { problems: result.problems };
}

/**
 * Parses and validates every source file, then checks references between them; returns all problems at
 * once. YAML is parsed through `yaml`, which a build keeps between runs.
 */
export function loadProject(
  files: readonly SourceFile[],
  yaml: YamlCache = new YamlCache(),
): LoadResult {
  const releases = loadReleases(files, yaml);
  const teams = loadKeyed(files, SOURCE_PATHS.teams, teamSchema, 'the teams, keyed by id', yaml);
  const components = loadKeyed(
    files,
    SOURCE_PATHS.components,
    componentSchema,
    'the components, keyed by id',
    yaml,
  );
  const areas = loadKeyed(
    files,
    SOURCE_PATHS.areas,
    areaSchema,
    'the upstream areas, keyed by id',
    yaml,
  );
  const ledger = loadLedger(files, yaml);
  const noteFiles = files.filter(
    (file) => file.path.startsWith(`${SOURCE_PATHS.notes}/`) && file.path !== SOURCE_PATHS.ledger,
  );
  const notes = noteFiles.map((file) => loadNote(file, yaml));
  const refs = notes.flatMap((note) => (note.refs ? [note.refs] : []));
  const project: Project = {
    releases: releases.value ?? [],
    teams: teams.value ?? [],
    components: components.value ?? [],
    areas: areas.value ?? [],
    notes: notes.flatMap((note) => (note.value ? [note.value] : [])),
    ledger: ledger.value ?? { ids: [], redirects: {} },
  };
  const problems = [
    ...releases.problems,
    ...teams.problems,
    ...components.problems,
    ...areas.problems,
    ...ledger.problems,
    ...notes.flatMap((note) => note.problems),
    ...checkReferences(project, refs, files, {
      releases: releases.problems.length === 0,
      teams: teams.problems.length === 0,
      components: components.problems.length === 0,
      areas: areas.problems.length === 0,
    }),
    ...(ledger.source ? checkLedger(project, refs, ledger.source) : []),
  ];
  return { project, problems: sortProblems(problems) };
}

/** A data file's YAML, parsed only when a problem needs a line number. */
function lazySource(files: readonly SourceFile[], path: string): Pick<YamlSource, 'lineOf'> {
  let source: YamlSource | undefined;
  return {
    lineOf: (at) =>
      (source ??= parseYaml(files.find((file) => file.path === path)?.text ?? '')).lineOf(at),
  };
}

/** Which referenced collections loaded without problems; references into a broken one are not checked, to avoid noise. */
type Loaded = Record<'releases' | 'teams' | 'components' | 'areas', boolean>;

function checkReferences(
  project: Project,
  notes: readonly NoteRefs[],
  files: readonly SourceFile[],
  loaded: Loaded,
): Problem[] {
  const problems: Problem[] = [];
  const releases = new Map(project.releases.map((release) => [release.id, release]));
  const teamIds = new Set(project.teams.map((team) => team.id));
  const componentIds = new Set(project.components.map((component) => component.id));
  const areaIds = new Set(project.areas.map((area) => area.id));
  const firstFileOfId = new Map<string, string>();
  const sample = (ids: Set<string>) =>
    [...ids].sort().slice(0, 8).join(', ') + (ids.size > 8 ? ', …' : '');

  const noteIds = new Set(notes.flatMap((note) => (note.id === undefined ? [] : [note.id])));
  for (const note of notes) {
    const at = (path: PropertyKey[], field: string, found: string, expected: string) =>
      problems.push({ file: note.file, line: note.lineOf(path), field, found, expected });
    const release = releases.get(note.release);
    if (!release) {
      if (loaded.releases) {
        at(
          ['release'],
          'release',
          `"${note.release}"`,
          `a release defined in data/releases/ (${sample(new Set(releases.keys()))})`,
        );
      }
    } else if (note.id !== undefined && !note.id.startsWith(`${release.idPrefix}-`)) {
      at(
        ['id'],
        'id',
        `"${note.id}"`,
        `an id starting with "${release.idPrefix}-" (the idPrefix of ${release.id})`,
      );
    }
    if (release?.translationComplete && note.pendingTranslation.length > 0) {
      at(
        ['pendingTranslation'],
        'pendingTranslation',
        `${note.pendingTranslation.join(', ')} pending`,
        `texts in both languages, since ${SOURCE_PATHS.releases}/${release.id}.yaml sets translationComplete`,
      );
    }
    if (note.id !== undefined) {
      const earlier = firstFileOfId.get(note.id);
      if (earlier) at(['id'], 'id', `"${note.id}"`, `an id no other note uses (${earlier} has it)`);
      else firstFileOfId.set(note.id, note.file);
    }
    if (note.area !== undefined && loaded.areas && !areaIds.has(note.area)) {
      at(
        ['area'],
        'area',
        `"${note.area}"`,
        `an area defined in ${SOURCE_PATHS.areas} (${sample(areaIds)})`,
      );
    }
    note.teams.forEach((team, index) => {
      if (loaded.teams && !teamIds.has(team))
        at(
          ['teams', index],
          `teams[${index}]`,
          `"${team}"`,
          `a team defined in ${SOURCE_PATHS.teams} (${sample(teamIds)})`,
        );
    });
    for (const link of note.links) {
      if (link.id === note.id || !noteIds.has(link.id)) {
        at(
          [link.field, link.index],
          `${link.field}[${link.index}]`,
          `"${link.id}"`,
          'the id of another note',
        );
      }
    }
    note.components.forEach((component, index) => {
      if (loaded.components && !componentIds.has(component)) {
        at(
          ['components', index],
          `components[${index}]`,
          `"${component}"`,
          `a component defined in ${SOURCE_PATHS.components} (${sample(componentIds)})`,
        );
      }
    });
  }
  if (loaded.areas && loaded.teams) {
    const source = lazySource(files, SOURCE_PATHS.areas);
    for (const area of project.areas) {
      area.teams.forEach((team, index) => {
        if (teamIds.has(team)) return;
        problems.push({
          file: SOURCE_PATHS.areas,
          line: source.lineOf([area.id, 'teams', index]),
          field: `${area.id}.teams[${index}]`,
          found: `"${team}"`,
          expected: `a team defined in ${SOURCE_PATHS.teams} (${sample(teamIds)})`,
        });
      });
    }
  }
  for (const release of project.releases) {
    const file = `${SOURCE_PATHS.releases}/${release.id}.yaml`;
    const source = lazySource(files, file);
    release.remarks.forEach((remark, index) => {
      if (remark.area !== undefined && loaded.areas && !areaIds.has(remark.area)) {
        problems.push({
          file,
          line: source.lineOf(['remarks', index, 'area']),
          field: `remarks[${index}].area`,
          found: `"${remark.area}"`,
          expected: `an area defined in ${SOURCE_PATHS.areas} (${sample(areaIds)})`,
        });
      }
    });
    for (const [earlier, index] of conflictingRemarks(release)) {
      problems.push({
        file,
        line: source.lineOf(['remarks', index, 'impact']),
        field: `remarks[${index}].impact`,
        found: `"${release.remarks[index]?.impact}"`,
        expected: `the verdict remarks[${earlier}] states for the same section and area ("${release.remarks[earlier]?.impact}"), or no impact`,
      });
    }
  }
  return problems;
}

function checkLedger(project: Project, notes: readonly NoteRefs[], source: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const file = SOURCE_PATHS.ledger;
  const noteIds = new Set(notes.flatMap((note) => (note.id === undefined ? [] : [note.id])));
  const published = new Set(project.ledger.ids);
  const { redirects } = project.ledger;
  project.ledger.ids.forEach((id, index) => {
    if (!noteIds.has(id) && redirects[id] === undefined) {
      problems.push({
        file,
        line: source.lineOf(['ids', index]),
        field: `ids[${index}]`,
        found: `"${id}", which no note has any more`,
        expected: `a note with this id, or a redirect "${id}": "<successor id>" in redirects`,
      });
    }
  });
  for (const [from, to] of Object.entries(redirects)) {
    const line = source.lineOf(['redirects', from]);
    if (noteIds.has(from)) {
      problems.push({
        file,
        line,
        field: `redirects.${from}`,
        found: `a redirect from "${from}", which a note still has`,
        expected: 'redirects only from retired ids',
      });
    }
    const target = resolveRedirect(to, redirects);
    if (target === undefined || !noteIds.has(target)) {
      problems.push({
        file,
        line,
        field: `redirects.${from}`,
        found: `"${to}"`,
        expected:
          'the id of an existing note (directly or through further redirects, without a loop)',
      });
    }
  }
  for (const note of notes) {
    if (note.id !== undefined && !published.has(note.id)) {
      problems.push({
        file: note.file,
        line: note.lineOf(['id']),
        field: 'id',
        found: `"${note.id}", which ${file} does not list`,
        expected: `every id recorded in ${file} (run npm run ids)`,
      });
    }
  }
  return problems;
}

/** Follows redirects from `id` to the id they end at; undefined on a loop. */
export function resolveRedirect(
  id: string,
  redirects: Readonly<Record<string, string>>,
): string | undefined {
  const seen = new Set<string>();
  let current = id;
  while (redirects[current] !== undefined) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    current = redirects[current] ?? current;
  }
  return current;
}
