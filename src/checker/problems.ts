import type { z } from 'astro/zod';

/** One thing wrong with the source files, pointing at a file, a line and a field. */
export interface Problem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** Dotted path of the field (`zh.title`, `teams[1]`), or `-` for the whole file. */
  field: string;
  /** What was found, already described for a reader (`"impcat"`, `nothing`). */
  found: string;
  /** What was expected. */
  expected: string;
}

/** Formats a problem as the one line the checker prints: `path:line field — found …, expected …`. */
export function formatProblem(problem: Problem): string {
  return printable(
    `${problem.file}:${problem.line} ${problem.field} — found ${problem.found}, expected ${problem.expected}`,
  );
}

/**
 * Control characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides,
 * which a terminal would obey or a reader would not see.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A text safe to print on a terminal: each control character shown escaped (`\x1b`, `\u2028`), as one line. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** Sorts problems by file, then line, then field, for stable output. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field),
  );
}

/** Describes a found value briefly: quoted text, numbers, `a list`, `a mapping`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return JSON.stringify(shown);
  }
  return String(value);
}

/** Dotted field path: `zh.title`, `teams[1]`, `ops.name.zh`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '-';
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

const EXPECTED_TYPE: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date written YYYY-MM-DD',
  record: 'a mapping',
};

/** Zod error map for the issues our schemas give no message of their own: says what was expected. */
export function expectedFor(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return EXPECTED_TYPE[issue.expected] ?? issue.expected;
    case 'unrecognized_keys':
      return 'a known field';
    case 'invalid_value':
      return `one of ${issue.values.map(String).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array' ? `at least ${issue.minimum} entries` : 'non-empty text';
    default:
      return 'a valid value';
  }
}

/** Turns one Zod issue into problems (one per unknown key), locating each with `lineOf`. */
export function issueToProblems(
  issue: z.core.$ZodIssue,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
  pathPrefix: readonly PropertyKey[] = [],
): Problem[] {
  const path = [...pathPrefix, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(issue.path);
    return issue.keys.map((key) => ({
      file,
      line: lineOf([...path, key]),
      field: formatPath([...path, key]),
      found: 'an unknown field',
      expected: suggestKey(key, known),
    }));
  }
  return [
    {
      file,
      line: lineOf(path),
      field: formatPath(path),
      found: describeValue(issue.input),
      expected: issue.message,
    },
  ];
}

function suggestKey(key: string, known: readonly string[]): string {
  const closest = known
    .map((candidate) => ({ candidate, distance: editDistance(key, candidate) }))
    .sort((a, b) => a.distance - b.distance)[0];
  if (closest && closest.distance <= Math.max(2, Math.floor(key.length / 3))) {
    return `a known field (did you mean "${closest.candidate}"?)`;
  }
  return `one of the known fields: ${known.join(', ')}`;
}

/** Levenshtein distance between two short strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
