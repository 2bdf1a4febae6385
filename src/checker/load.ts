import type { z } from 'astro/zod';
import { createHash } from 'node:crypto';
import type { Area } from '../schemas/area.ts';
import type { Component } from '../schemas/component.ts';
import { ledgerSchema, type Ledger } from '../schemas/ledger.ts';
import { noteSchema, type Note } from '../schemas/note.ts';
import { releaseSchema, type Release } from '../schemas/release.ts';
import type { Team } from '../schemas/team.ts';
import { SLUG_PATTERN } from '../schemas/fields.ts';
import { SOURCE_PATHS, type SourceFile } from './files.ts';
import { describeValue, formatPath, type Problem } from './problems.ts';
import { textLimitProblem } from './limits.ts';
import { splitFrontmatter, type YamlParser, type YamlSource } from './yaml-source.ts';
import {
  fileProblem,
  isMapping,
  parseYamlFile,
  validate,
  withId,
  type Validated,
} from './validate.ts';

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

/** Loads a data file that maps id → entry (teams, components, areas). */
export function loadKeyed<S extends z.ZodType>(
  files: readonly SourceFile[],
  path: string,
  schema: S,
  what: string,
  yaml: YamlParser,
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

/**
 * The names a note file may have: lowercase letters, digits, `.` and `-`, starting with a letter or
 * digit, ending in `.md` or `.mdx`. Such a name is the same in a URL, a shell and every file system,
 * and Astro's loader reads it as a path (a `?` or `#` would cut it short).
 */
export const NOTE_FILE_NAME = /^[a-z0-9][a-z0-9.-]*\.mdx?$/;

/** Loads every `data/releases/<id>.yaml`. */
export function loadReleases(files: readonly SourceFile[], yaml: YamlParser): Validated<Release[]> {
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
export interface NoteRefs {
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

/** Where a note file is and its parsed frontmatter, or the problem that stops it being read as a note. */
function readNoteFile(
  file: SourceFile,
  yaml: YamlParser,
): { folder: string; body: string; source: YamlSource } | { problems: Problem[] } {
  const relative = file.path.slice(SOURCE_PATHS.notes.length + 1);
  const parts = relative.split('/');
  const problem = (found: string, expected: string) => ({
    problems: [fileProblem(file.path, found, expected)],
  });
  if (!NOTE_EXTENSION.test(relative)) {
    return problem(
      'a file that is not a note',
      'only .md or .mdx notes (and notes/ids.json) under notes/',
    );
  }
  if (parts.length !== 2) {
    return problem('a note outside a release folder', 'notes/<release-id>/<name>.md');
  }
  if (!SLUG_PATTERN.test(parts[0] ?? '') || !NOTE_FILE_NAME.test(parts[1] ?? '')) {
    return problem(
      'a file name with characters outside the safe set',
      'notes/<release-id>/<name>.md with a-z, 0-9, "." and "-" only (starting with a letter or digit)',
    );
  }
  if (file.text.trim() === '') {
    return problem('an empty file', 'a note: YAML frontmatter between --- lines');
  }
  // Some Windows editors save a byte-order mark; it hides the opening --- from frontmatter parsers.
  if (file.text.startsWith('\uFEFF')) {
    return problem(
      'a byte-order mark (U+FEFF) before the frontmatter',
      'the file to start with --- (remove the byte-order mark: save it as UTF-8 without BOM)',
    );
  }
  const split = splitFrontmatter(file.text);
  if (!split) {
    return problem('no frontmatter', 'the note to start with YAML frontmatter between --- lines');
  }
  const source = yaml.parse(split.yaml, 2);
  if (source.syntaxErrors.length > 0) {
    return {
      problems: source.syntaxErrors.map((error) => ({
        ...fileProblem(
          file.path,
          `a YAML syntax error (${error.message})`,
          'valid YAML frontmatter',
          error.line,
        ),
        field: error.field,
      })),
    };
  }
  return { folder: parts[0] ?? '', body: split.body, source };
}

/** Frontmatter texts and the body over the limits that protect the build (`limits.ts`). */
function textLimitProblems(file: SourceFile, source: YamlSource, body: string): Problem[] {
  const problems: Problem[] = [];
  const stack: [unknown, PropertyKey[]][] = [[source.data, []]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [value, path] = top;
    if (typeof value === 'string') {
      const problem = textLimitProblem(value);
      if (problem) {
        problems.push({
          file: file.path,
          line: source.lineOf(path),
          field: formatPath(path),
          ...problem,
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push([item, [...path, index]]));
    } else if (isMapping(value)) {
      for (const [key, item] of Object.entries(value)) stack.push([item, [...path, key]]);
    }
  }
  const bodyProblem = textLimitProblem(body, Infinity);
  if (bodyProblem) {
    const line = file.text.slice(0, file.text.length - body.length).split('\n').length;
    problems.push({ file: file.path, line, field: 'body', ...bodyProblem });
  }
  return problems;
}

/** Loads one note; its references are read even when other fields are wrong. */
export function loadNote(
  file: SourceFile,
  yaml: YamlParser,
): Validated<LoadedNote> & { refs?: NoteRefs } {
  const read = readNoteFile(file, yaml);
  if ('problems' in read) return read;
  const { folder, body, source } = read;
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
  problems.push(...result.problems, ...textLimitProblems(file, source, body));
  const refs = isMapping(data) ? { refs: toNoteRefs(file.path, source, data, folder) } : {};
  if (!result.value || problems.length > 0) return { problems, ...refs };
  const digest = createHash('sha1').update(`${file.path}\0${file.text}`).digest('base64url');
  return {
    value: { file: file.path, data: result.value, body, digest },
    problems,
    ...refs,
  };
}

/** Loads `notes/ids.json`, keeping its source for the ledger check's line numbers. */
export function loadLedger(
  files: readonly SourceFile[],
  yaml: YamlParser,
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
