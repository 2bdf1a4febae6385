import { SOURCE_PATHS, type SourceFile } from './files.ts';
import { checkLedger } from './ledger.ts';
import { loadKeyed, loadLedger, loadNote, loadReleases, type Project } from './load.ts';
import { sortProblems, type Problem } from './problems.ts';
import { checkReferences } from './references.ts';
import { plainYamlParser, type YamlParser } from './yaml-source.ts';
import { fileProblem } from './validate.ts';
import { areaSchema } from '../schemas/area.ts';
import { componentSchema } from '../schemas/component.ts';
import { teamSchema } from '../schemas/team.ts';

export { SOURCE_PATHS, type SourceFile } from './files.ts';
export { resolveRedirect } from './ledger.ts';
export type { LoadedNote, Project } from './load.ts';

/** The project and every problem found in it; the project holds only what validated. */
export interface LoadResult {
  project: Project;
  problems: Problem[];
}

/**
 * The checker: loads every source file (parse and validate), then checks the references between them
 * and the id ledger; returns all problems at once. YAML is parsed through `yaml`, which a build keeps
 * between runs (`src/incremental/yaml-cache.ts`).
 */
export function loadProject(
  allFiles: readonly SourceFile[],
  yaml: YamlParser = plainYamlParser,
): LoadResult {
  const refused = allFiles.flatMap((file) =>
    file.refused ? [fileProblem(file.path, file.refused.found, file.refused.expected)] : [],
  );
  const files = allFiles.filter((file) => !file.refused);
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
  const notes = noteFiles.map((file) => ({
    ...loadNoteSafely(file, yaml),
    file: file.path,
    text: file.text,
  }));
  const refs = notes.flatMap((note) => (note.refs ? [note.refs] : []));
  const project: Project = {
    releases: releases.value ?? [],
    teams: teams.value ?? [],
    components: components.value ?? [],
    areas: areas.value ?? [],
    notes: notes.flatMap((note) => (note.value ? [note.value] : [])),
    ledger: ledger.value ?? { ids: [], redirects: {}, releaseRedirects: {} },
  };
  const problems = [
    ...refused,
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
    ...(ledger.source
      ? checkLedger(
          project,
          refs,
          ledger.source,
          notes.flatMap((note) => (note.refs || !/\.mdx?$/.test(note.file) ? [] : [note.text])),
        )
      : []),
  ];
  return { project, problems: sortProblems(problems) };
}

/** Loads a note; anything the reading throws (it should not) is one problem, not a stack trace. */
function loadNoteSafely(file: SourceFile, yaml: YamlParser): ReturnType<typeof loadNote> {
  try {
    return loadNote(file, yaml);
  } catch (error) {
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      problems: [
        fileProblem(
          file.path,
          `a note that cannot be read (${what})`,
          'a note the checker can read',
        ),
      ],
    };
  }
}
