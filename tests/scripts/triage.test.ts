import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadProject } from '../../src/checker/index.ts';
import { readProjectFiles } from '../../src/checker/files.ts';
import { triageQueue } from '../../src/lib/triage-flow.ts';
import type { ViewNote } from '../../src/lib/views.ts';
import { ROOT } from '../support/build-site.ts';
import { ensureUntriaged, viewNotes } from '../support/untriaged.ts';

const RELEASE = 'kubernetes-1.8';
// A tmux server of this test's own, so nothing else's sessions are touched.
const SOCKET = `pict-triage-test-${process.pid}`;
let session = 'assess';

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

/** The whole terminal: what scrolled away and the screen, wrapped lines joined. */
const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-2000', '-t', session);

const count = (text: string) => screen().split(text).length - 1;

/**
 * Waits until the terminal shows one of `texts` more often than in `before` (counts taken with `seen`),
 * and returns the one it shows.
 */
async function waitFor(
  texts: string | string[],
  before: Record<string, number> = {},
): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const shown = [texts].flat().find((text) => count(text) > (before[text] ?? 0));
    if (shown !== undefined) return shown;
    if (Date.now() > deadline)
      throw new Error(`terminal never showed ${String(texts)}:\n${screen()}`);
    await sleep(150);
  }
}

/** How often the terminal shows each of `texts` now. */
const seen = (...texts: string[]) => Object.fromEntries(texts.map((text) => [text, count(text)]));

/** Types keys (tmux key names) or literal text into the terminal. */
const keys = (...names: string[]) => tmux('send-keys', '-t', session, ...names);
const type = (text: string) => tmux('send-keys', '-t', session, '-l', text);

/** A fresh copy of data/ and notes/. */
function contentCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'pict-triage-'));
  cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(ROOT, 'notes'), join(root, 'notes'), { recursive: true });
  return root;
}

/** Starts `npm run triage -- …` in a new tmux session (which then becomes the one keys go to). */
function startTriage(name: string, root: string, ...args: string[]): void {
  session = name;
  const command = [process.execPath, join(ROOT, 'scripts/triage.ts'), ...args, '--root', root]
    .map((part) => `'${part}'`)
    .join(' ');
  tmux(
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    '160',
    '-y',
    '50',
    `${command}; echo "exit code $?"; sleep 600`,
  );
}

const MENU = 'What now?';
/** Sends keys (literal text when `text` is given first), then waits for one of `next` to show up anew. */
const answer = async (next: string | string[], ...input: string[]): Promise<string> => {
  const before = seen(...[next].flat());
  for (const key of input) {
    if (key.startsWith('text:')) type(key.slice('text:'.length));
    else keys(key);
  }
  const shown = await waitFor(next, before);
  // The prompt has drawn; give it a moment to listen.
  await sleep(200);
  return shown;
};

describe('npm run triage in a real terminal', () => {
  let root: string;
  let first: ViewNote;
  let second: ViewNote;
  let team: string;
  let texts: { first: string; second: string };
  let areaRoot: string | undefined;

  beforeAll(() => {
    root = contentCopy();
    // A team with two untriaged 1.8 items at least, whichever they are today.
    team = ensureUntriaged(root, RELEASE, 2);
    const { notes, areas } = viewNotes(root);
    const [one, two] = triageQueue(notes, areas, { release: RELEASE, team });
    if (!one || !two) throw new Error('unreachable');
    [first, second] = [one, two];
    texts = {
      first: readFileSync(join(root, first.file), 'utf8'),
      second: readFileSync(join(root, second.file), 'utf8'),
    };
    startTriage('assess', root, '--release', RELEASE, '--team', team);
  });

  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
    for (const dir of [root, areaRoot]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /**
   * From the follow-up status question on: Enter there, takes no `follows`, writes the texts (a
   * Chinese title and summary first while the translation is pending), and waits for `next`.
   */
  async function answerTexts(zh: string, english: string, next: string): Promise<void> {
    let shown = await answer(
      ['continue an earlier note', 'Chinese title', 'Chinese assessment'],
      'Enter',
    );
    if (shown === 'continue an earlier note') {
      shown = await answer(['Chinese title', 'Chinese assessment'], 'Enter');
    }
    if (shown === 'Chinese title') {
      await answer('Chinese summary', 'text:测试标题', 'Enter');
      await answer('Chinese assessment', 'text:上游的变化。', 'Enter');
    }
    await answer('English assessment', `text:${zh}`, 'Enter');
    await answer(next, `text:${english}`, 'Enter');
  }

  test('skip, back, Esc and two assessments: an action-required one answering its action (Esc back across its questions), a watch one without; both written with comments kept and out of the queue', async () => {
    await waitFor(MENU);
    await sleep(200);
    expect(screen()).toContain(`[1/`);
    expect(screen()).toContain(first.id);
    // First note: skip it. Second note: go back.
    await answer(second.id, 's');
    await waitFor(MENU, { [MENU]: 1 });
    await answer(first.id, 'b');
    await waitFor(MENU, { [MENU]: 2 });
    // First note again: start assessing, leave the first question with Esc, then assess it for real.
    await answer('Impact on PICT', 'a');
    await answer(MENU, 'Escape');
    await answer('Impact on PICT', 'a');
    // action-required is the first impact. The teams proposed are those that triage the area:
    // take them as they are, like the rest of the defaults.
    await answer('Teams (', 'Enter');
    await answer('Components (', 'Enter');
    await answer('Maturity', 'Enter');
    await answer('Follow-up status', 'Enter');
    await answerTexts('升级前需要处理。', 'Must be handled.', 'When must PICT act?');
    // before-upgrade, during-upgrade: one down.
    await answer('What to do, in Chinese', 'Down', 'Enter');
    await answer('What to do, in English', 'text:升级时重新配置。', 'Enter');
    // Esc goes back one question at a time, and the answers given are offered again: Enter keeps them.
    await answer('What to do, in Chinese', 'Escape');
    await answer('When must PICT act?', 'Escape');
    await answer('What to do, in Chinese', 'Enter');
    await answer('What to do, in English', 'Enter');
    const menus = seen(MENU);
    await answer(`Wrote ${first.file}`, 'text:Reconfigure it during the upgrade.', 'Enter');
    // Second note: watch, and the action, optional for it, is skipped ("no action" comes first).
    await waitFor(MENU, menus);
    await sleep(200);
    await answer('Impact on PICT', 'a');
    // action-required, attention, investigate, watch: three down.
    await answer('Teams (', 'Down', 'Down', 'Down', 'Enter');
    await answer('Components (', 'Enter');
    await answer('Maturity', 'Enter');
    await answer('Follow-up status', 'Enter');
    await answerTexts('值得关注。', 'Worth watching.', 'Must PICT do something?');
    // The team may have more items waiting: quit there.
    if ((await answer(['exit code', MENU], 'Enter')) === MENU) await answer('exit code', 'q');
    const end = screen();
    expect(end).toContain(`Wrote ${second.file}`);
    expect(end).toContain('Assessed 2, skipped 1, area verdicts 0.');
    expect(end).toContain('exit code 0');

    const { notes, areas, problems } = viewNotes(root);
    expect(problems).toEqual([]);
    const [one, two] = [first, second].map((note) => notes.find((each) => each.id === note.id));
    expect(one).toMatchObject({
      impact: 'action-required',
      assessedBy: 'note',
      action: {
        when: 'during-upgrade',
        zh: '升级时重新配置。',
        en: 'Reconfigure it during the upgrade.',
      },
      en: { assessment: 'Must be handled.' },
    });
    expect(one?.zh?.assessment).toBe('升级前需要处理。');
    expect(two).toMatchObject({ impact: 'watch', en: { assessment: 'Worth watching.' } });
    expect(two?.action).toBeUndefined();
    const queued = triageQueue(notes, areas, { release: RELEASE, team }).map((note) => note.id);
    expect(queued).not.toContain(first.id);
    expect(queued).not.toContain(second.id);
    for (const note of [first, second] as const) {
      const before = note === first ? texts.first : texts.second;
      const after = readFileSync(join(root, note.file), 'utf8');
      for (const line of before.split('\n').filter((each) => each.startsWith('#'))) {
        expect(after).toContain(line);
      }
    }
  });

  test('a verdict for a whole area from the flow: the release gets the remark and the area leaves the queue', async () => {
    areaRoot = contentCopy();
    ensureUntriaged(areaRoot, RELEASE, 1);
    const { notes, areas } = viewNotes(areaRoot);
    const note = triageQueue(notes, areas, { release: RELEASE }).find(
      (each) => each.area !== undefined,
    );
    if (!note?.area) throw new Error('no untriaged 1.8 item with an area: nothing to triage');
    const releaseFile = join(areaRoot, 'data/releases', `${RELEASE}.yaml`);
    const releaseBefore = readFileSync(releaseFile, 'utf8');
    startTriage('area', areaRoot, '--release', RELEASE, '--area', note.area);
    await waitFor(MENU);
    await sleep(200);
    await answer('Verdict for everything there', 'v');
    // action-required, attention, investigate, watch, none: four down.
    await answer('Chinese text', 'Down', 'Down', 'Down', 'Down', 'Enter');
    await answer('English text', 'text:整个领域无影响。', 'Enter');
    const next = await answer(
      ['exit code', MENU],
      'text:Nothing in this area affects PICT.',
      'Enter',
    );
    // Items of the area in other sections remain (a verdict covers one section's area): quit there.
    if (next === MENU) await answer('exit code', 'q');
    const end = screen();
    expect(end).toContain(`Wrote data/releases/${RELEASE}.yaml`);
    expect(end).toContain('covered by an area verdict now; skipped');
    expect(end).toContain('area verdicts 1.');
    expect(end).toContain('exit code 0');

    const releaseAfter = readFileSync(releaseFile, 'utf8');
    expect(releaseAfter.startsWith(releaseBefore.trimEnd())).toBe(true);
    const { project, problems } = loadProject(readProjectFiles(areaRoot));
    expect(problems).toEqual([]);
    expect(project.releases.find((release) => release.id === RELEASE)?.remarks.at(-1)).toEqual({
      section: note.section,
      area: note.area,
      impact: 'none',
      text: { zh: '整个领域无影响。', en: 'Nothing in this area affects PICT.' },
    });
    const after = viewNotes(areaRoot);
    expect(after.notes.find((each) => each.id === note.id)).toMatchObject({
      impact: 'none',
      assessedBy: 'area',
    });
  });
});
