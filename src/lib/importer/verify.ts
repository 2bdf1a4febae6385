/**
 * Step three of an import: the planned files must pass the checker. Only problems the writes add
 * count; a project that already has problems elsewhere can still be imported into.
 */
import { formatProblem, type Problem } from '../../checker/problems.ts';
import { loadProject, type SourceFile } from '../../checker/index.ts';

/** A problem as a comparable string without line and field (new ids shift the ledger's lines and indexes). */
function problemKey(problem: Problem): string {
  return `${problem.file} ${problem.found} ${problem.expected}`;
}

/** The one-line reason `writes` would not pass the checker, or undefined when they would. */
export function verifyWrites(
  files: readonly SourceFile[],
  problems: readonly Problem[],
  writes: readonly SourceFile[],
): string | undefined {
  if (writes.length === 0) return undefined;
  const before = new Set(problems.map(problemKey));
  const written = new Set(writes.map((file) => file.path));
  const after = loadProject([...files.filter((file) => !written.has(file.path)), ...writes]);
  const added = after.problems.filter((problem) => !before.has(problemKey(problem)));
  const [first] = added;
  if (!first) return undefined;
  return `the imported notes would not pass the checker: ${formatProblem(first)}${added.length > 1 ? ` (and ${added.length - 1} more)` : ''}`;
}
