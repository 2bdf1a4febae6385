import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { atomXml, entryOf, siteChanges, teamChanges } from '../../src/lib/feeds.ts';
import { readVerdictChanges } from '../../src/lib/history.ts';
import { triageQueue } from '../../src/lib/triage-flow.ts';
import { groupByAction, type ViewNote } from '../../src/lib/views.ts';
import { splitFrontmatter } from '../../src/checker/yaml-source.ts';
import { atomProblems } from '../support/atom.ts';
import { ROOT } from '../support/build-site.ts';
import { runScript } from '../support/scripts.ts';
import { ensureUntriaged, viewNotes } from '../support/untriaged.ts';

const RELEASE = 'kubernetes-1.8';

function git(cwd: string, ...args: string[]): void {
  execFileSync(
    'git',
    ['-c', 'user.name=Test Author', '-c', 'user.email=t@example.invalid', ...args],
    {
      cwd,
      stdio: 'ignore',
    },
  );
}

/** Runs `npm run assess -- …` (the script itself, with this Node) on the content under `root`. */
const assess = (root: string, ...args: string[]) =>
  runScript('assess.ts', [...args, '--root', root]);

const topLevelKeys = (text: string) =>
  (splitFrontmatter(text)?.yaml ?? '')
    .split('\n')
    .flatMap((line) => /^([A-Za-z]+):/.exec(line)?.[1] ?? []);
const comments = (text: string) => text.split('\n').filter((line) => line.includes('#'));

describe('npm run assess on a copy of the real 1.8 notes', () => {
  let root: string;
  let target: ViewNote;
  let team: string;
  let before: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pict-assess-'));
    cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
    cpSync(join(ROOT, 'notes'), join(root, 'notes'), { recursive: true });
    ensureUntriaged(root, RELEASE, 1);
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'content as it is');
    // Whatever the team has triaged meanwhile: the first untriaged 1.8 note some team waits for.
    const { notes, areas } = viewNotes(root);
    const queued = triageQueue(notes, areas, { release: RELEASE }).find(
      (note) => note.waitingFor.length > 0,
    );
    if (!queued)
      throw new Error('no untriaged 1.8 note waits for a team: nothing to try assess on');
    target = queued;
    team = queued.waitingFor[0] ?? '';
    before = readFileSync(join(root, target.file), 'utf8');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** Runs `npm run assess` on the target note, expecting a refusal: exit 1 and the note unchanged. */
  function refused(...args: string[]) {
    const result = assess(root, target.id, ...args);
    expect(result.code).toBe(1);
    expect(readFileSync(join(root, target.file), 'utf8')).toBe(before);
    return result.stderr.trim().split('\n');
  }
  /**
   * Runs `npm run assess` on the target note with the team and texts (the Chinese title and summary
   * too while its translation is pending) and `extra` options, expecting it to succeed.
   */
  function assessTarget(impact: string, zh: string, english: string, ...extra: string[]) {
    const pending = !topLevelKeys(readFileSync(join(root, target.file), 'utf8')).includes('zh');
    const result = assess(
      root,
      target.id,
      '--impact',
      impact,
      '--teams',
      team,
      '--en',
      english,
      ...(pending ? ['--zh-title', '测试标题', '--zh-summary', '上游的变化。'] : []),
      '--zh',
      zh,
      ...extra,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result;
  }
  const atNote = () => `^${target.file.replace(/[.]/g, '\\.')}:\\d+`;

  test.each([
    [
      ['--impact', 'watch', '--teams', 'no-such-team', '--en', 'Watch it.'],
      ' teams\\[0\\] — found "no-such-team", expected a team defined in data/teams.yaml .*',
    ],
    [
      ['--impact', 'action-required', '--en', 'Act.'],
      ' action — found nothing, expected an action \\{ when: before-upgrade \\| during-upgrade \\| after-upgrade, zh: …, en: … \\}, since the impact is action-required',
    ],
  ])(
    'a change the checker rejects (%j) is reported one line each and nothing is written',
    (args, problem) => {
      const lines = refused(...args);
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`${atNote()}${problem}$`)));
      expect(lines.at(-1)).toBe(`${target.id} was not written.`);
    },
  );

  test.each([
    [
      ['--impact', 'untriaged'],
      '--impact "untriaged" is not an impact: one of action-required, attention, investigate, watch, none',
    ],
    [['--impact', 'watch', '--reason', 'not-used'], '--reason goes only with --impact none'],
    [
      ['--impact', 'watch', '--action-when', 'soon'],
      '--action-when "soon" is not a time: one of before-upgrade, during-upgrade, after-upgrade, or none',
    ],
    [
      ['--impact', 'watch', '--action-when', 'none', '--action-en', 'Do it.'],
      '--action-when none removes the action: give no --action-zh or --action-en with it',
    ],
  ])('bad options %j: one line, nothing written', (args, message) => {
    expect(refused(...args)).toEqual([`npm run assess: ${message}`]);
  });

  test('writes the verdict with comments and key order kept; the checker passes; it leaves the queue and enters the feeds', () => {
    const result = assessTarget('watch', '需要关注。', 'Worth watching.');
    expect(result.stdout).toContain(`Assessed ${target.id} as watch: ${target.file}`);

    const after = readFileSync(join(root, target.file), 'utf8');
    expect(comments(after)).toEqual(comments(before));
    const keysBefore = topLevelKeys(before).filter((key) => key !== 'pendingTranslation');
    expect(topLevelKeys(after).filter((key) => keysBefore.includes(key))).toEqual(keysBefore);
    expect(splitFrontmatter(after)?.body).toBe(splitFrontmatter(before)?.body);

    const { notes, areas, problems } = viewNotes(root);
    expect(problems).toEqual([]);
    const assessed = notes.find((note) => note.id === target.id);
    expect(assessed).toMatchObject({ impact: 'watch', assessedBy: 'note', teams: [team] });
    expect(assessed?.en?.assessment).toBe('Worth watching.');
    expect(assessed?.zh?.assessment).toBe('需要关注。');
    expect(assessed?.waitingFor).not.toContain(team);
    expect(
      triageQueue(notes, areas, { release: RELEASE, team }).map((note) => note.id),
    ).not.toContain(target.id);

    git(root, 'commit', '-q', '-am', 'assess one note');
    const changes = readVerdictChanges(root);
    const latest = siteChanges(changes, new Map(notes.map((note) => [note.id, note])))[0];
    expect(latest).toMatchObject({
      id: target.id,
      impact: 'watch',
      previous: 'untriaged',
      author: 'Test Author',
    });
    const forTeam = teamChanges(
      changes,
      new Map(notes.map((note) => [note.id, note])),
      areas,
      team,
    );
    expect(forTeam[0]).toEqual(latest);
    if (!latest) return;
    const xml = atomXml({
      id: 'urn:uuid:00000000-0000-5000-8000-000000000000',
      title: 'feed',
      lang: 'en',
      selfUrl: 'https://notes.example/en/feed.xml',
      pageUrl: 'https://notes.example/en/',
      updated: latest.date,
      entries: [
        entryOf(latest, {
          lang: 'en',
          title: assessed?.en?.title ?? '',
          url: `https://notes.example/en/items/${target.id}/`,
          impactName: (impact) => impact,
          queued: 'queued',
          changed: (from, to) => `${from} → ${to}`,
        }),
      ],
    });
    expect(atomProblems(xml)).toEqual([]);
    expect(xml).toContain(`untriaged → watch`);
  });

  test('an action-required verdict with its action: written in schema order, comments kept, grouped by when it is done', () => {
    const previous = readFileSync(join(root, target.file), 'utf8');
    assessTarget(
      'action-required',
      '升级时处理。',
      'Handle it during the upgrade.',
      '--action-when',
      'during-upgrade',
      '--action-zh',
      '升级时重新配置。',
      '--action-en',
      'Reconfigure it during the upgrade.',
    );
    const after = readFileSync(join(root, target.file), 'utf8');
    expect(comments(after)).toEqual(comments(previous));
    const keys = topLevelKeys(after);
    expect(keys.filter((key) => key !== 'action')).toEqual(
      topLevelKeys(previous).filter((key) => key !== 'pendingTranslation' || keys.includes(key)),
    );
    // After every key the schema puts before it, before every key it puts after it.
    const at = keys.indexOf('action');
    for (const key of ['id', 'section', 'impact', 'teams', 'tickets']) {
      if (keys.includes(key)) expect(keys.indexOf(key)).toBeLessThan(at);
    }
    for (const key of ['status', 'pendingTranslation', 'zh', 'en']) {
      if (keys.includes(key)) expect(keys.indexOf(key)).toBeGreaterThan(at);
    }
    expect(after).toContain(
      'action:\n  when: during-upgrade\n  zh: 升级时重新配置。\n  en: Reconfigure it during the upgrade.\n',
    );

    const { notes, problems } = viewNotes(root);
    expect(problems).toEqual([]);
    const assessed = notes.find((note) => note.id === target.id);
    expect(assessed).toMatchObject({
      impact: 'action-required',
      action: {
        when: 'during-upgrade',
        zh: '升级时重新配置。',
        en: 'Reconfigure it during the upgrade.',
      },
    });
    const groups = groupByAction(
      notes.filter((note) => note.release === RELEASE && note.impact === 'action-required'),
      (note) => note,
    );
    expect(
      groups.find((group) => group.when === 'during-upgrade')?.items.map((note) => note.id),
    ).toContain(target.id);
  });
});
