import type { z } from 'astro/zod';
import { describeValue, expectedFor, issueToProblems, type Problem } from './problems.ts';
import { knownKeysAt } from './schema-keys.ts';
import type { SourceFile } from './files.ts';
import type { YamlParser, YamlSource } from './yaml-source.ts';

/** A value that validated (absent when it did not) and the problems found on the way. */
export interface Validated<T> {
  value?: T;
  problems: Problem[];
}

/** Validates parsed data with a schema; each problem points at its line in `source`. */
export function validate<S extends z.ZodType>(
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

/** A problem with a whole file (field `-`). */
export function fileProblem(file: string, found: string, expected: string, line = 1): Problem {
  return { file, line, field: '-', found, expected };
}

/** Parses a YAML file; an empty file or a syntax error is a problem (`what` says what the file should hold). */
export function parseYamlFile(
  file: SourceFile,
  what: string,
  yaml: YamlParser,
): { source?: YamlSource; problems: Problem[] } {
  if (file.text.trim() === '') {
    return { problems: [fileProblem(file.path, 'an empty file', what)] };
  }
  const source = yaml.parse(file.text);
  const problems = source.syntaxErrors.map((error) => ({
    ...fileProblem(file.path, `a YAML syntax error (${error.message})`, 'valid YAML', error.line),
    field: error.field,
  }));
  return problems.length > 0 ? { problems } : { source, problems };
}

/** Whether parsed YAML is a mapping (not a list, a date or a scalar). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
  );
}

/** Injects the id a file name or mapping key gives; an `id` written as well must agree. */
export function withId(
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
