// The server bench:search measures another tool's build through: the real nginx, compressing the
// same kinds of files as the build's .gz copies, at the same level and threshold.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writePeerServerConfig } from '../../../scripts/bench/peer-server.ts';
import { bytesLog, startNginx, type RunningNginx } from '../../../scripts/serve.ts';
import { GZIP_LEVEL } from '../../../src/lib/server-config.ts';
import { freePort, rawGet } from '../../support/http.ts';

const text = (words: number) => Array.from({ length: words }, (_, i) => `word${i % 50}`).join(' ');
const FILES: Record<string, Buffer> = {
  'index.html': Buffer.from(`<!doctype html><title>peer</title><p>${text(400)}</p>`),
  'pagefind/pagefind.js': Buffer.from(`const words = "${text(400)}";`),
  'pagefind/pagefind-entry.json': Buffer.from('{"version":"1.6.0"}'),
  // Packed by Pagefind: gzip inside, sent as it is.
  'pagefind/wasm.en.pagefind': gzipSync(Buffer.from(text(400))),
};

let root: string;
let nginx: RunningNginx;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pict-peer-test-'));
  const dist = join(root, 'dist');
  for (const [path, body] of Object.entries(FILES)) {
    const file = join(dist, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, body);
  }
  nginx = await startNginx({
    dist,
    port: await freePort(),
    host: '127.0.0.1',
    serverDir: writePeerServerConfig(join(root, 'server')),
    bytesLog: true,
  });
});
afterAll(async () => {
  await nginx?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the peer site served for bench:search', () => {
  test.each([
    ['index.html', 'text/html', 'gzip'],
    ['pagefind/pagefind.js', 'text/javascript', 'gzip'],
    ['pagefind/pagefind-entry.json', 'application/json', undefined],
    ['pagefind/wasm.en.pagefind', 'application/octet-stream', undefined],
  ])('%s: %s, encoding %s', async (path, type, encoding) => {
    const answer = await rawGet(`${nginx.origin}/${path}`, { 'Accept-Encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(String(answer.headers['content-type'])).toMatch(new RegExp(`^${type}`));
    expect(answer.headers['content-encoding']).toBe(encoding);
    const body = FILES[path] ?? Buffer.alloc(0);
    // Compressed as the build compresses its copies (nginx's own deflate: within a few bytes).
    const expected = encoding ? gzipSync(body, { level: GZIP_LEVEL }).length : body.length;
    expect(Math.abs(answer.body.length - expected)).toBeLessThanOrEqual(32);
  });

  test('the bytes log counts what was sent, headers included', async () => {
    const log = bytesLog(nginx);
    log.reset();
    const answer = await rawGet(`${nginx.origin}/pagefind/wasm.en.pagefind`, {
      'Accept-Encoding': 'gzip',
    });
    // nginx writes the line as the answer ends: wait for it briefly.
    let lines = log.take();
    for (let tries = 0; lines.length === 0 && tries < 20; tries += 1) {
      await sleep(50);
      lines = log.take();
    }
    const [logged] = lines;
    expect(logged).toMatchObject({
      url: '/pagefind/wasm.en.pagefind',
      status: 200,
      type: 'application/octet-stream',
      encoding: '',
    });
    expect(logged?.bytes).toBeGreaterThan(answer.body.length);
    expect(logged?.bytes).toBeLessThan(answer.body.length + 1024);
  });
});
