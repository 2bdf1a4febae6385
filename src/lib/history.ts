/**
 * Assessment history from git: when each note's verdict (its own `impact`) changed, and who changed
 * it. Read once per build in two git processes — `git log --name-only` lists which note files each
 * commit touched, `git cat-file --batch` reads exactly those file versions — so the cost grows with
 * the edits made, not with commits × notes. Notes are followed by their `id`, so renamed files keep
 * their history. Without git, outside a repository or in a shallow clone there is no history.
 */
import { spawnSync } from 'node:child_process';
import { IMPACTS } from './impact.ts';
import { splitFrontmatter } from '../checker/yaml-source.ts';

/** One change of a note's own verdict. */
export interface VerdictChange {
  /** The note's id. */
  id: string;
  /** Its impact after the commit. */
  impact: string;
  /** Its impact before the commit; undefined when the commit added the note. */
  previous?: string;
  /** Author date of the commit, RFC 3339 in UTC. */
  date: string;
  /** Author name of the commit. */
  author: string;
  /** The commit's full hash. */
  commit: string;
}

/** A commit that touched note files, with the id and impact of each touched note as of that commit. */
export interface NoteCommit {
  commit: string;
  date: string;
  author: string;
  /** Notes the commit left in place (deleted files are left out). */
  notes: { id: string; impact: string }[];
}

/**
 * Verdict changes from commits in the order they were made: the first version of each note, then every
 * commit after which its impact differs from before (other edits are not changes of verdict).
 */
export function verdictChanges(commits: readonly NoteCommit[]): VerdictChange[] {
  const current = new Map<string, string>();
  const changes: VerdictChange[] = [];
  for (const { commit, date, author, notes } of commits) {
    for (const { id, impact } of notes) {
      const previous = current.get(id);
      if (previous === impact) continue;
      current.set(id, impact);
      changes.push({
        id,
        impact,
        ...(previous === undefined ? {} : { previous }),
        date,
        author,
        commit,
      });
    }
  }
  return changes;
}

/** Whether a change is an assessment (a verdict set or changed), not a note arriving untriaged. */
export function isAssessment(change: VerdictChange): boolean {
  return !(change.previous === undefined && change.impact === 'untriaged');
}

/** Verdict changes by note id, oldest first. */
export function changesById(changes: readonly VerdictChange[]): Map<string, VerdictChange[]> {
  return Map.groupBy(changes, (change) => change.id);
}

/** The last `count` assessments among `changes` (in commit order), newest first. */
export function recentAssessments(changes: readonly VerdictChange[], count = 30): VerdictChange[] {
  return changes.filter(isAssessment).slice(-count).reverse();
}

const TOP_LEVEL = (key: string) =>
  new RegExp(`^${key}:[ \\t]*["']?([a-z0-9.-]+)["']?[ \\t]*(?:#.*)?$`, 'm');
const ID_LINE = TOP_LEVEL('id');
const IMPACT_LINE = TOP_LEVEL('impact');

/** The id and impact a note file's text states at the top level of its frontmatter, if both are there and valid. */
export function idAndImpactOf(text: string): { id: string; impact: string } | undefined {
  const yaml = splitFrontmatter(text.replace(/^\uFEFF/, ''))?.yaml;
  const id = yaml === undefined ? undefined : ID_LINE.exec(yaml)?.[1];
  const impact = yaml === undefined ? undefined : IMPACT_LINE.exec(yaml)?.[1];
  // A value that is not an impact (a typo the checker rejected) was never a verdict.
  const known = IMPACTS.find((level) => level === impact);
  return id && known ? { id, impact: known } : undefined;
}

function git(root: string, args: string[], input?: string): string | undefined {
  const result = spawnSync('git', ['-c', 'core.quotePath=false', ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return result.status === 0 ? result.stdout : undefined;
}

const RECORD = '\u001e';
const FIELD = '\u001f';

/**
 * Reads the verdict changes of the notes under `<root>/notes/` from git, in commit order; none when
 * `root` is not in a git repository, git is missing, or the clone is shallow (a cut history would
 * date every verdict to the cut).
 */
export function readVerdictChanges(root: string): VerdictChange[] {
  if (git(root, ['rev-parse', '--is-shallow-repository'])?.trim() !== 'false') return [];
  // `--raw` names the blob of each changed file, so reading it needs no lookup through trees.
  const log = git(root, [
    'log',
    '--reverse',
    '--no-renames',
    '--raw',
    '--no-abbrev',
    `--format=${RECORD}%H${FIELD}%aI${FIELD}%an`,
    '--',
    'notes/',
  ]);
  if (!log) return [];
  const commits = log
    .split(RECORD)
    .filter(Boolean)
    .map((record) => {
      const [head = '', ...lines] = record.split('\n');
      const [commit = '', date = '', author = ''] = head.split(FIELD);
      const blobs = lines.flatMap((line) => {
        // `:<old mode> <new mode> <old blob> <new blob> <status>\t<path>`; deleted files have no new blob.
        const match = /^:\S+ \S+ \S+ ([0-9a-f]+) [A-Z]\d*\t(.*\.mdx?)$/.exec(line);
        return match?.[1] && !/^0+$/.test(match[1]) ? [match[1]] : [];
      });
      return { commit, date: new Date(date).toISOString(), author, blobs };
    });
  const texts = readBlobs(root, [...new Set(commits.flatMap(({ blobs }) => blobs))]);
  return verdictChanges(
    commits.map(({ commit, date, author, blobs }) => ({
      commit,
      date,
      author,
      notes: blobs.flatMap((blob) => {
        const text = texts.get(blob);
        const note = text === undefined ? undefined : idAndImpactOf(text);
        return note ? [note] : [];
      }),
    })),
  );
}

/** The texts of blobs by id, one `git cat-file --batch` for all; missing ones are left out. */
function readBlobs(root: string, blobs: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  if (blobs.length === 0) return texts;
  const result = spawnSync('git', ['cat-file', '--batch'], {
    cwd: root,
    input: `${blobs.join('\n')}\n`,
    maxBuffer: 1 << 30,
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  if (result.status !== 0) return texts;
  const out = result.stdout;
  let at = 0;
  for (const blob of blobs) {
    const end = out.indexOf(10, at);
    if (end < 0) break;
    const header = out.toString('utf8', at, end);
    at = end + 1;
    const size = /^\S+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) continue;
    texts.set(blob, out.toString('utf8', at, at + Number(size)));
    at += Number(size) + 1;
  }
  return texts;
}
