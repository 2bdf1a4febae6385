/** `npm run check`: validates every note and data file, printing all problems, one line each. */
import { formatProblem } from '../src/checker/problems.ts';
import { loadProject } from '../src/checker/index.ts';
import { readProjectFiles } from '../src/checker/files.ts';

const root = process.argv[2] ?? process.cwd();
const { project, problems } = loadProject(readProjectFiles(root));
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} found.`);
  process.exit(1);
}
console.log(
  `All good: ${project.notes.length} notes in ${project.releases.length} release(s), ` +
    `${project.teams.length} teams, ${project.components.length} components, ${project.areas.length} areas.`,
);
