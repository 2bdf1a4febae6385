import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildEnv, ROOT } from '../support/build-site.ts';
import { builtSite } from '../support/sites.ts';
import { freePort, rawGet } from '../support/http.ts';
import { LIVE } from '../support/nginx-site.ts';

/** Runs `node scripts/serve.ts <dist>` as `npm run serve` does, with the given environment additions. */
function serve(dist: string, env: Record<string, string>, unprivileged = false) {
  const command = [process.execPath, 'scripts/serve.ts', dist];
  // As root, `setpriv` runs it as nobody: the way a developer without privileges runs it.
  const asNobody = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'];
  const [file = '', ...args] =
    unprivileged && process.getuid?.() === 0 ? [...asNobody, ...command] : command;
  const child = spawn(file, args, {
    cwd: ROOT,
    env: { ...buildEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let listening = false;
  const started = new Promise<void>((done, fail) => {
    child.stdout.on('data', () => {
      if (output.includes('Ctrl+C stops it')) ((listening = true), done());
    });
    void exited.then(() => listening || fail(new Error(`serve exited:\n${output}`)));
  });
  // Tests of bad input never wait for it to start.
  started.catch(() => undefined);
  return { child, started, exited, output: () => output };
}

describe('npm run serve', () => {
  test('serves the built site with nginx on PORT in the foreground until interrupted, then cleans up', async () => {
    const dist = builtSite('nginx');
    const port = await freePort();
    const run = serve(dist, { PORT: String(port) });
    await run.started;
    expect(run.output()).toContain(`at http://localhost:${port}/`);
    const response = await rawGet(`http://127.0.0.1:${port}/i/${LIVE}/`);
    expect([response.status, response.headers['location']]).toEqual([301, `/zh/items/${LIVE}/`]);
    // The access log goes to standard output.
    await new Promise((done) => setTimeout(done, 200));
    expect(run.output()).toContain(`"GET /i/${LIVE}/ HTTP/1.1" 301`);
    const prefix = /temporary files in (\S+)\)/.exec(run.output())?.[1] ?? '';
    expect(existsSync(join(prefix, 'nginx.conf'))).toBe(true);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    await expect(rawGet(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    expect(existsSync(prefix)).toBe(false);
  });

  test('runs without privileges: everything nginx writes goes to its temporary folder', async () => {
    const dist = builtSite('nginx');
    const port = await freePort();
    const run = serve(dist, { PORT: String(port) }, true);
    await run.started;
    const response = await rawGet(`http://127.0.0.1:${port}/en/items/no-such-item/`);
    expect([response.status, response.body.toString()]).toEqual([
      404,
      expect.stringContaining('<h1>Page not found</h1>'),
    ]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toMatch(/\[(emerg|alert|crit)\]/);
  });

  test('refuses a folder that is not a built site, naming what to do', async () => {
    const run = serve(join(ROOT, 'no-such-dist'), { PORT: String(await freePort()) });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(
      /no-such-dist is not a built site .*: run npm run build first\.\n$/,
    );
  });

  test('refuses a PORT that is not a port number', async () => {
    const run = serve('dist', { PORT: 'eighty' });
    expect(await run.exited).toBe(2);
    expect(run.output()).toBe('PORT — found "eighty", expected a port number (1–65535)\n');
  });
});
