/**
 * `npm run bench:history -- [--notes 5000] [--commits 100]`: builds a throwaway git repository with
 * `--notes` notes (one import commit, then `--commits` commits each re-assessing 2 % of the notes and
 * retitling as many without a verdict change) and prints how long reading the assessment history takes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readVerdictChanges } from '../src/lib/history.ts';

const { values } = parseArgs({
  options: {
    notes: { type: 'string', default: '5000' },
    commits: { type: 'string', default: '100' },
  },
});
const notes = Number(values.notes);
const commits = Number(values.commits);
const IMPACTS = ['untriaged', 'watch', 'none', 'attention', 'investigate'];

const root = mkdtempSync(join(tmpdir(), 'pict-bench-history-'));
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=b@example.invalid', ...args], {
    cwd: root,
    stdio: 'ignore',
  });
const text = (index: number, impact: string, title = `Item ${index}`) =>
  `---\n# generated\nid: k8s-9.9-pr-${index}\nsection: other-notable-changes\nimpact: ${impact}\nen:\n  title: ${title}\n  summary: ${'Upstream words. '.repeat(20)}\n---\n`;
const path = (index: number) => join(root, 'notes', `release-${index % 20}`, `pr-${index}.md`);

try {
  git('init', '-q');
  for (let release = 0; release < 20; release++) {
    mkdirSync(join(root, 'notes', `release-${release}`), { recursive: true });
  }
  const impact = new Array<string>(notes).fill('untriaged');
  for (let index = 0; index < notes; index++) writeFileSync(path(index), text(index, 'untriaged'));
  git('add', '-A');
  git('commit', '-q', '-m', 'import');
  const perCommit = Math.max(1, Math.round(notes * 0.02));
  for (let commit = 0; commit < commits; commit++) {
    for (let step = 0; step < perCommit; step++) {
      const reassessed = (commit * perCommit + step) % notes;
      impact[reassessed] =
        IMPACTS[(IMPACTS.indexOf(impact[reassessed] ?? '') + 1) % IMPACTS.length] ?? 'watch';
      writeFileSync(path(reassessed), text(reassessed, impact[reassessed] ?? 'watch'));
      const retitled = (reassessed + Math.floor(notes / 2)) % notes;
      writeFileSync(
        path(retitled),
        text(retitled, impact[retitled] ?? 'watch', `Item ${retitled}, retitled ${commit}`),
      );
    }
    git('commit', '-q', '-am', `assess ${commit}`);
  }
  const runs: number[] = [];
  let changes = 0;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    changes = readVerdictChanges(root).length;
    runs.push(performance.now() - start);
  }
  const versions = notes + commits * perCommit * 2;
  console.log(
    `${notes} notes, ${commits + 1} commits, ${versions} note versions read, ${changes} verdict changes: ` +
      `history read in ${runs.map((ms) => `${Math.round(ms)} ms`).join(', ')}`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
