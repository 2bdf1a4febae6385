import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readKeyedYaml } from './data-files.ts';
import { makeCorpus, type CorpusFile } from './synthetic.ts';

/** Size of a synthetic site: notes in total, spread evenly over releases. */
export interface CorpusSize {
  notes: number;
  releases: number;
}

/**
 * Writes a content root (`data/` and `notes/`) with the synthetic corpus of `size` into `dir`, taking
 * teams, components and areas from the project's `data/` folder at `projectRoot` (release data is generated).
 */
export function writeCorpusSite(dir: string, size: CorpusSize, projectRoot = '.'): void {
  rmSync(dir, { recursive: true, force: true });
  const data = join(projectRoot, 'data');
  cpSync(data, join(dir, 'data'), {
    recursive: true,
    filter: (src) => !src.includes('releases/'),
  });
  for (const file of corpusFiles(size, projectRoot)) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
}

/** The generated files (release data, notes, id ledger) of the synthetic corpus of `size`. */
export function corpusFiles(size: CorpusSize, projectRoot = '.'): CorpusFile[] {
  const data = join(projectRoot, 'data');
  const ids = (file: string) => readKeyedYaml(join(data, file)).map((entry) => entry.id);
  return makeCorpus({
    releases: size.releases,
    notesPerRelease: Math.round(size.notes / size.releases),
    teams: ids('teams.yaml'),
    components: ids('components.yaml'),
    areas: ids('areas.yaml'),
  });
}
