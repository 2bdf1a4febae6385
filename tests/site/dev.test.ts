import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Fetches a page until `accept` holds for its text; fails with the last text after `ms`. */
async function pageUntil(url: string, accept: (html: string) => boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  let last = '';
  while (Date.now() < deadline) {
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

function replaceIn(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${path} has no ${from}`);
  writeFileSync(path, text.replace(from, to));
}

// Writers preview notes with `npm run dev`: an edit to a note or a data file must show on the next load.
describe('the dev server', () => {
  const root = copyContent('dev', KUBERNETES);
  const note = join(root, 'notes/kubernetes-1.7/local-persistent-volumes.md');
  let base = '';
  let output = '';
  let stop = () => {};
  let release = () => {};

  beforeAll(async () => {
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
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    stop = () => child.kill();
    await pageUntil(`${base}/en/`, (html) => html.includes('</html>'), 120_000);
  });

  afterAll(() => {
    stop();
    release();
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
    const deadline = Date.now() + 60_000;
    // Pages are rendered on request: loading one makes the server read the edited note.
    while (Date.now() < deadline && !problem.test(output)) {
      await fetch(`${base}/en/`).catch(() => undefined);
      await sleep(500);
    }
    expect(output).toMatch(problem);
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
});
