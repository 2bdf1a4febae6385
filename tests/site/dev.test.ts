import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildEnv, ROOT, takeBundleLock, TMP } from '../support/build-site.ts';
import { copyContent } from '../support/dist.ts';
import { KUBERNETES } from '../support/sites.ts';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Set when the dev server has exited: waiting for it then fails at once, with its output. */
let exited: string | undefined;

/** Fetches a page until `accept` holds for its text; fails with the last text after `ms`. */
async function pageUntil(url: string, accept: (html: string) => boolean, ms = 90_000) {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Error(`the dev server exited:\n${exited}`);
    try {
      last = await (await fetch(url)).text();
      if (accept(last)) return last;
    } catch {
      // The server is starting or restarting.
    }
    await sleep(300);
  }
  throw new Error(`${url} never matched; last response:\n${last.slice(0, 2000)}`);
}

/**
 * Loads a page until `accept` holds for the server's output (after a change, a load makes the server
 * read the project again and print its problems); returns the output.
 */
async function printedUntil(
  url: string,
  output: () => string,
  accept: (text: string) => boolean,
  ms = 90_000,
) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !accept(output())) {
    if (exited !== undefined) throw new Error(`the dev server exited:\n${exited}`);
    await fetch(url).catch(() => undefined);
    await sleep(500);
  }
  return output();
}

/** The checker's line about a path that is not a regular file. */
function refusedLine(path: string, found: string): string {
  return `${path}:1 - — found ${found}, expected a regular file inside the repository (links and special files are not read)`;
}

function replaceIn(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
}

// Writers preview notes with `npm run dev`: an edit to a note or a data file must show on the next load.
// A test waits for the server twice at most (90 s each, for a busy machine); the server starts in 240 s.
describe('the dev server', { timeout: 240_000 }, () => {
  const root = copyContent('dev', KUBERNETES);
  const notes = join(root, 'notes/kubernetes-1.7');
  const note = join(notes, 'local-persistent-volumes.md');
  let base = '';
  let output = '';
  let stop = async () => {};
  let release = () => {};

  beforeAll(async () => {
    // Present from the start: a FIFO, a link to it (Astro's glob loader lists a link to a FIFO and
    // would read it, never finishing its first sync) and a note whose frontmatter does not parse
    // (which stopped the content layer with a stack trace).
    execFileSync('mkfifo', [join(notes, 'pipe-at-start.md')]);
    symlinkSync('pipe-at-start.md', join(notes, 'link-to-pipe.md'));
    replaceIn(join(notes, 'affinity-in-annotations.md'), 'impact: attention', 'impact: [attention');
    // The dev server syncs content into the project's .astro/ whenever a note changes: no build may
    // bundle meanwhile (see takeBundleLock).
    release = await takeBundleLock();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    rmSync(join(TMP, 'test-cache', 'dev'), { recursive: true, force: true });
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/astro/bin/astro.mjs'),
        'dev',
        // Astro allows one dev server per project (a lock file in .astro/) and backgrounds itself
        // when it thinks an agent runs it: this one must run here, whatever else runs.
        '--ignore-lock',
        '--host',
        '127.0.0.1',
        '--port',
        `${port}`,
      ],
      {
        cwd: ROOT,
        env: {
          ...buildEnv(),
          NO_COLOR: '1',
          PICT_CONTENT_ROOT: root,
          PICT_CACHE_DIR: join(TMP, 'test-cache', 'dev'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    exited = undefined;
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => (exited = `exit ${code ?? signal}\n${output}`));
    stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = once(child, 'exit');
      child.kill();
      // A server whose file reads are stuck never finishes its graceful shutdown: not left running.
      if ((await Promise.race([gone.then(() => true), sleep(10_000)])) !== true)
        child.kill('SIGKILL');
    };
    await pageUntil(`${base}/en/`, (html) => html.includes('</html>'), 240_000);
  });

  afterAll(async () => {
    await stop();
    release();
  });

  test('starts with a FIFO, a link to it and unparseable frontmatter among the notes, one line each', () => {
    for (const line of [
      refusedLine('notes/kubernetes-1.7/pipe-at-start.md', 'a named pipe (FIFO)'),
      refusedLine('notes/kubernetes-1.7/link-to-pipe.md', 'a symbolic link'),
    ])
      expect(output).toContain(line);
    expect(output).toMatch(
      /affinity-in-annotations\.md:\d+ impact — found a YAML syntax error \(.+\), expected valid YAML frontmatter\n/,
    );
    expect(output).not.toMatch(/^\s+at /m);
  });

  test('shows a note whose frontmatter does not parse from the start as its problem, not a 404', async () => {
    const url = `${base}/en/items/k8s-1.7-affinity-in-annotations/`;
    const html = await pageUntil(url, (text) => text.includes('has problems'));
    expect(html).toMatch(/affinity-in-annotations\.md:\d+ impact — found a YAML syntax error \(/);
  });

  test('shows a changed note title on the next load', async () => {
    const url = `${base}/en/items/k8s-1.7-local-persistent-volumes/`;
    await pageUntil(url, (html) => html.includes('Local storage as a persistent volume source'));
    replaceIn(note, 'title: Local storage as a persistent volume source', 'title: Edited in dev');
    await expect(pageUntil(url, (html) => html.includes('Edited in dev'))).resolves.toBeTruthy();
  });

  test('shows a changed team name on the next load', async () => {
    const url = `${base}/en/teams/platform/`;
    await pageUntil(url, (html) => html.includes('Platform team'));
    replaceIn(join(root, 'data/teams.yaml'), 'en: Platform team', 'en: Renamed platform team');
    await expect(
      pageUntil(url, (html) => html.includes('Renamed platform team')),
    ).resolves.toBeTruthy();
  });

  test('prints a problem in an edited note, one line naming the file and field', async () => {
    replaceIn(note, 'impact: attention', 'impact: enormous');
    const problem = /local-persistent-volumes\.md:\d+ impact — found "enormous", expected one of /;
    // Pages are rendered on request: loading one makes the server read the edited note.
    const printed = await printedUntil(
      `${base}/en/`,
      () => output,
      (text) => problem.test(text),
    );
    expect(printed).toMatch(problem);
  });

  test('shows the problems of a note the checker cannot take on its page, not a 404', async () => {
    const broken = join(root, 'notes/kubernetes-1.7/kube-proxy-config-file.md');
    replaceIn(broken, 'impact: attention', 'impact: severe');
    const url = `${base}/en/items/k8s-1.7-kube-proxy-config-file/`;
    const html = await pageUntil(url, (text) => text.includes('has problems'));
    expect(html).toMatch(
      /kube-proxy-config-file\.md:\d+ impact — found (&quot;|")severe(&quot;|"), expected one of /,
    );
  });

  test('shows a note whose frontmatter stops parsing on its page: file, line and what is wrong', async () => {
    const url = `${base}/en/items/k8s-1.7-api-aggregation/`;
    await pageUntil(url, (html) => html.includes('API aggregation of user-provided apiservers'));
    replaceIn(join(notes, 'api-aggregation.md'), 'impact: watch', 'impact: [watch');
    const html = await pageUntil(url, (text) => text.includes('has problems'));
    expect(html).toMatch(
      /api-aggregation\.md:\d+ impact — found a YAML syntax error \(.+\), expected valid YAML frontmatter/,
    );
  });

  test('reports FIFOs and links added while it runs, never reads them, and keeps reading notes', async () => {
    // More FIFOs than libuv has threads (4): had any been opened, every later file read would wait.
    const pipes = [1, 2, 3, 4, 5].map((n) => `pipe-${n}.md`);
    for (const pipe of pipes) execFileSync('mkfifo', [join(notes, pipe)]);
    symlinkSync('pipe-1.md', join(notes, 'link-added.md'));
    execFileSync('mkfifo', [join(root, 'data/teams-pipe.yaml')]);
    const expected = [
      ...pipes.map((pipe) => refusedLine(`notes/kubernetes-1.7/${pipe}`, 'a named pipe (FIFO)')),
      refusedLine('notes/kubernetes-1.7/link-added.md', 'a symbolic link'),
      refusedLine('data/teams-pipe.yaml', 'a named pipe (FIFO)'),
    ];
    const printed = await printedUntil(
      `${base}/en/`,
      () => output,
      (text) => expected.every((line) => text.includes(line)),
    );
    for (const line of expected) expect(printed).toContain(line);
    const url = `${base}/en/items/k8s-1.7-kube-proxy-config-file/`;
    replaceIn(join(notes, 'kube-proxy-config-file.md'), 'impact: severe', 'impact: attention');
    replaceIn(
      join(notes, 'kube-proxy-config-file.md'),
      'title: kube-proxy moves to a configuration file',
      'title: Edited after the FIFOs',
    );
    await expect(
      pageUntil(url, (html) => html.includes('Edited after the FIFOs')),
    ).resolves.toBeTruthy();
  });
});
