import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** A running static server for a built site. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Absolute URL of a path under the prefix, e.g. `url('zh/')` → `http://127.0.0.1:<port>/pict-notes/zh/`. */
  url: (path?: string) => string;
  close: () => Promise<void>;
}

/** Where a request path leads: a file to send, a redirect (folder without its slash), or nothing. */
function locate(
  root: string,
  prefix: string,
  pathname: string,
): { file: string } | { redirect: string } | undefined {
  if (!pathname.startsWith(prefix)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return undefined;
  }
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(`${root}${sep}`)) return undefined;
  const stat = statSync(full, { throwIfNoEntry: false });
  if (stat?.isFile()) return { file: full };
  if (!stat?.isDirectory()) return undefined;
  if (!pathname.endsWith('/')) return { redirect: `${pathname}/` };
  const index = join(full, 'index.html');
  return statSync(index, { throwIfNoEntry: false })?.isFile() ? { file: index } : undefined;
}

/**
 * Serves the files of `root` under the URL path `prefix` (a folder serves its index.html) on 127.0.0.1,
 * on a free port; everything else is a 404.
 */
export async function serveStatic(root: string, prefix = '/'): Promise<StaticServer> {
  const absolute = normalize(root).replace(/[\\/]+$/, '');
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
    const found =
      request.method === 'GET' || request.method === 'HEAD'
        ? locate(absolute, prefix, pathname)
        : undefined;
    if (!found) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Not found');
    } else if ('redirect' in found) {
      response.writeHead(301, { Location: found.redirect });
      response.end();
    } else {
      const type = CONTENT_TYPES[extname(found.file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      if (request.method === 'HEAD') response.end();
      else createReadStream(found.file).pipe(response);
    }
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path = '') => `${origin}${prefix}${path.replace(/^\//, '')}`,
    close: () =>
      new Promise<void>((closed, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : closed()));
      }),
  };
}
