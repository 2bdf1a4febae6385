import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadProject } from '../../src/lib/project.ts';
import { readProjectFiles } from '../../src/lib/read-project.ts';
import { triageQueue } from '../../src/lib/triage-flow.ts';
import { toViewNote, type ViewNote } from '../../src/lib/views.ts';
import { ROOT } from '../support/build-site.ts';

const RELEASE = 'kubernetes-1.8';
// A tmux server of this test's own, so nothing else's sessions are touched.
const SOCKET = `pict-triage-test-${process.pid}`;
const SESSION = 'triage';

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

/** The whole terminal: what scrolled away and the screen, wrapped lines joined. */
const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-2000', '-t', SESSION);

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
const keys = (...names: string[]) => tmux('send-keys', '-t', SESSION, ...names);
const type = (text: string) => tmux('send-keys', '-t', SESSION, '-l', text);

function viewNotes(root: string) {
  const { project } = loadProject(readProjectFiles(root));
  const releases = new Map(project.releases.map((release) => [release.id, release]));
  const notes = project.notes.map((note) =>
    toViewNote(note.data, note.file, releases.get(note.data.release), project.areas),
  );
  return { notes, areas: project.areas };
}

describe('npm run triage in a real terminal', () => {
  let root: string;
  let first: ViewNote;
  let second: ViewNote;
  let team: string;
  let texts: { first: string; second: string };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'pict-triage-'));
    cpSync(join(ROOT, 'data'), join(root, 'data'), { recursive: true });
    cpSync(join(ROOT, 'notes'), join(root, 'notes'), { recursive: true });
    // The queue of a team that has two untriaged 1.8 items at least, whichever they are today.
    const { notes, areas } = viewNotes(root);
    const queued = triageQueue(notes, areas, { release: RELEASE });
    const teams = [...new Set(queued.flatMap((note) => note.waitingFor))];
    const chosen = teams.find(
      (candidate) => triageQueue(notes, areas, { release: RELEASE, team: candidate }).length >= 2,
    );
    if (!chosen) throw new Error('no team has two untriaged 1.8 items: nothing to triage');
    team = chosen;
    const [one, two] = triageQueue(notes, areas, { release: RELEASE, team });
    if (!one || !two) throw new Error('unreachable');
    [first, second] = [one, two];
    texts = {
      first: readFileSync(join(root, first.file), 'utf8'),
      second: readFileSync(join(root, second.file), 'utf8'),
    };
    const command = [
      process.execPath,
      join(ROOT, 'scripts/triage.ts'),
      '--release',
      RELEASE,
      '--team',
      team,
      '--root',
      root,
    ]
      .map((part) => `'${part}'`)
      .join(' ');
    tmux(
      'new-session',
      '-d',
      '-s',
      SESSION,
      '-x',
      '160',
      '-y',
      '50',
      `${command}; echo "exit code $?"; sleep 600`,
    );
  });

  afterAll(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(root, { recursive: true, force: true });
  });

  test('skip, back, Esc and an assessment over two notes; only the assessed note changes', async () => {
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
    await waitFor(MENU);
    await sleep(200);
    expect(screen()).toContain(`[1/`);
    expect(screen()).toContain(first.id);
    // First note: skip it. Second note: go back.
    await answer(second.id, 's');
    await waitFor(MENU, { [MENU]: 1 });
    await answer(first.id, 'b');
    await waitFor(MENU, { [MENU]: 2 });
    // First note again: start assessing, leave the question with Esc, then assess it for real.
    await answer('Impact on PICT', 'a');
    await answer(MENU, 'Escape');
    await answer('Impact on PICT', 'a');
    // action-required, attention, investigate, watch: three down. The teams proposed are those
    // that triage the area: take them as they are, like the rest of the defaults.
    await answer('Teams (', 'Down', 'Down', 'Down', 'Enter');
    await answer('Components (', 'Enter');
    await answer('Maturity', 'Enter');
    await answer('Follow-up status', 'Enter');
    let next = await answer(
      ['continue an earlier note', 'Chinese title', 'Chinese assessment'],
      'Enter',
    );
    if (next === 'continue an earlier note') {
      next = await answer(['Chinese title', 'Chinese assessment'], 'Enter');
    }
    if (next === 'Chinese title') {
      await answer('Chinese summary', 'text:测试标题', 'Enter');
      await answer('Chinese assessment', 'text:上游的变化。', 'Enter');
    }
    await answer('English assessment', 'text:值得关注。', 'Enter');
    const menus = seen(MENU);
    await answer(`Wrote ${first.file}`, 'text:Worth watching.', 'Enter');
    // Back on the second note: quit.
    await waitFor(MENU, menus);
    await sleep(200);
    await answer('exit code', 'q');
    const end = screen();
    expect(end).toContain('Assessed 1, skipped 1, area verdicts 0.');
    expect(end).toContain('exit code 0');

    const { notes, areas } = viewNotes(root);
    const assessed = notes.find((note) => note.id === first.id);
    expect(assessed).toMatchObject({
      impact: 'watch',
      assessedBy: 'note',
      en: { assessment: 'Worth watching.' },
    });
    expect(assessed?.zh?.assessment).toBe('值得关注。');
    expect(
      triageQueue(notes, areas, { release: RELEASE, team }).map((note) => note.id),
    ).not.toContain(first.id);
    const after = readFileSync(join(root, first.file), 'utf8');
    for (const line of texts.first.split('\n').filter((each) => each.startsWith('#'))) {
      expect(after).toContain(line);
    }
    expect(readFileSync(join(root, second.file), 'utf8')).toBe(texts.second);
  });
});
