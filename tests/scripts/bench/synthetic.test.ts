import { describe, expect, test } from 'vitest';
import { readKeyedYaml } from '../../../scripts/bench/data-files.ts';
import { formatProblem } from '../../../src/checker/problems.ts';
import { loadProject } from '../../../src/checker/index.ts';
import { readProjectFiles } from '../../../src/checker/files.ts';
import { makeCorpus } from '../../../scripts/bench/synthetic.ts';
import { ROOT } from '../../support/build-site.ts';

describe('makeCorpus', () => {
  const ids = (file: string) => readKeyedYaml(`${ROOT}/${file}`).map((entry) => entry.id);
  const files = makeCorpus({
    releases: 3,
    notesPerRelease: 200,
    teams: ids('data/teams.yaml'),
    components: ids('data/components.yaml'),
    areas: ids('data/areas.yaml'),
  });
  const shared = readProjectFiles(ROOT).filter(
    (file) => file.path.startsWith('data/') && !file.path.startsWith('data/releases/'),
  );
  const { project, problems } = loadProject([...shared, ...files]);

  test('returns a project the checker accepts, as the benchmark builds it', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(project.notes).toHaveLength(600);
    expect(project.releases).toHaveLength(3);
  });

  test('returns a realistic impact mix: most items without impact, few needing action', () => {
    const share = (impact: string) =>
      project.notes.filter((note) => note.data.impact === impact).length / project.notes.length;
    expect(share('none')).toBeGreaterThan(0.35);
    expect(share('untriaged')).toBeGreaterThan(0.2);
    expect(share('action-required')).toBeLessThan(0.05);
  });
});
