import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  idAndImpactOf,
  readVerdictChanges,
  recentAssessments,
  verdictChanges,
} from '../../src/lib/history.ts';

const note = (impact: string, title = 'Something changed') =>
  `---\nid: k8s-1.8-pr-1\nsection: other-notable-changes\nimpact: ${impact} # verdict\nen:\n  title: ${title}\n  impact: not-this-one\n---\n`;

const scratch: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pict-history-'));
  scratch.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function commit(repo: string, author: string, date: string, message: string): void {
  git(repo, 'add', '-A');
  git(
    repo,
    '-c',
    `user.name=${author}`,
    '-c',
    'user.email=someone@example.invalid',
    'commit',
    '-q',
    '--date',
    date,
    '-m',
    message,
  );
}

describe('idAndImpactOf', () => {
  test.each([
    [note('watch'), { id: 'k8s-1.8-pr-1', impact: 'watch' }],
    [`\uFEFF${note('none')}`, { id: 'k8s-1.8-pr-1', impact: 'none' }],
    [note('wtach'), undefined],
    ['no frontmatter', undefined],
  ])('%#', (text, expected) => {
    expect(idAndImpactOf(text)).toEqual(expected);
  });
});

describe('verdictChanges', () => {
  test('keeps the first version of a note and every change of its impact, nothing else', () => {
    const at = (commit: string, impact: string) => ({
      commit,
      date: `2026-01-0${commit}T00:00:00.000Z`,
      author: `A${commit}`,
      notes: [{ id: 'n', impact }],
    });
    const changes = verdictChanges([
      at('1', 'untriaged'),
      at('2', 'watch'),
      at('3', 'watch'),
      at('4', 'none'),
    ]);
    expect(changes.map(({ commit, impact, previous }) => [commit, previous, impact])).toEqual([
      ['1', undefined, 'untriaged'],
      ['2', 'untriaged', 'watch'],
      ['4', 'watch', 'none'],
    ]);
    expect(recentAssessments(changes, 30).map((change) => change.commit)).toEqual(['4', '2']);
    expect(recentAssessments(changes, 1).map((change) => change.commit)).toEqual(['4']);
  });
});

describe('readVerdictChanges on a git repository', () => {
  let repo: string;
  let content: string;

  beforeAll(() => {
    repo = tempDir();
    git(repo, 'init', '-q');
    // The content lives in a sub-folder of the repository, as a fixture site would.
    content = join(repo, 'site');
    const dir = join(content, 'notes', 'kubernetes-1.8');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pr-1.md'), note('untriaged'));
    writeFileSync(join(content, 'notes', 'ids.json'), '{"ids":[]}\n');
    commit(repo, 'Importer', '2026-01-01T10:00:00+08:00', 'import');
    writeFileSync(join(dir, 'pr-1.md'), note('watch'));
    commit(repo, 'Alice Liu', '2026-01-02T10:00:00Z', 'assess');
    writeFileSync(join(dir, 'pr-1.md'), note('watch', 'Something else changed'));
    commit(repo, 'Bob', '2026-01-03T10:00:00Z', 'retitle: not a verdict change');
    renameSync(join(dir, 'pr-1.md'), join(dir, 'renamed.md'));
    commit(repo, 'Bob', '2026-01-04T10:00:00Z', 'rename: not a verdict change');
    writeFileSync(join(dir, 'renamed.md'), note('attention'));
    commit(repo, 'Carol', '2026-01-05T10:00:00Z', 're-assess');
    // Uncommitted edits are not history.
    writeFileSync(join(dir, 'renamed.md'), note('none'));
  });

  test('lists the verdict changes with date (UTC), impact and author, following the note across a rename', () => {
    const changes = readVerdictChanges(content);
    expect(
      changes.map(({ date, previous, impact, author }) => ({ date, previous, impact, author })),
    ).toMatchInlineSnapshot(`
      [
        {
          "author": "Importer",
          "date": "2026-01-01T02:00:00.000Z",
          "impact": "untriaged",
          "previous": undefined,
        },
        {
          "author": "Alice Liu",
          "date": "2026-01-02T10:00:00.000Z",
          "impact": "watch",
          "previous": "untriaged",
        },
        {
          "author": "Carol",
          "date": "2026-01-05T10:00:00.000Z",
          "impact": "attention",
          "previous": "watch",
        },
      ]
    `);
    expect(changes.every((change) => /^[0-9a-f]{40}$/.test(change.commit))).toBe(true);
  });

  test('a shallow clone has no history', () => {
    const clone = join(tempDir(), 'clone');
    git(repo, 'clone', '-q', '--depth', '1', `file://${repo}`, clone);
    expect(readVerdictChanges(join(clone, 'site'))).toEqual([]);
  });

  test('a folder outside any repository has no history', () => {
    const plain = tempDir();
    mkdirSync(join(plain, 'notes', 'kubernetes-1.8'), { recursive: true });
    writeFileSync(join(plain, 'notes', 'kubernetes-1.8', 'pr-1.md'), note('watch'));
    expect(readVerdictChanges(plain)).toEqual([]);
  });
});
