/**
 * Serves a built site with a real nginx, as production does: `node scripts/serve.ts [distDir]`
 * (`npm run serve`, after `npm run build`). Uses the configuration the build wrote beside the output
 * folder (`<distDir>-server/`), listens on `PORT` (default 8080) and runs in the foreground until
 * interrupted. Everything nginx writes (pid, logs, temp files) goes to a fresh temporary folder, so it
 * runs as any user; as root, its workers stay root so they can read the site wherever it is.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { readJsonFile } from '../src/incremental/json-file.ts';
import { serverDirOf } from '../src/lib/server-config.ts';

/** Where nginx is looked for: `NGINX`, then the Debian package's path, then `PATH`. */
export function findNginx(): string | undefined {
  const candidates = [
    process.env['NGINX'],
    '/usr/sbin/nginx',
    ...(process.env['PATH'] ?? '').split(':').map((dir) => join(dir, 'nginx')),
  ];
  return candidates.find((path) => {
    if (!path) return false;
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** A running nginx serving a built site. */
export interface RunningNginx {
  /** `http://127.0.0.1:<port>` (or the host given). */
  origin: string;
  /** The base path the site was built for, e.g. `/` or `/pict-notes/`. */
  base: string;
  /** The temporary folder holding nginx's configuration, pid and temporary files (removed by `stop`). */
  prefix: string;
  process: ChildProcess;
  /** Stops nginx and removes its temporary folder. */
  stop: () => Promise<void>;
}

/** What to serve and where. */
export interface NginxOptions {
  /** The built site (`dist/`); its configuration is in `<dist>-server/`. */
  dist: string;
  port: number;
  /** Address to listen on; all interfaces when absent. */
  host?: string;
  /** Copy nginx's access log to standard output. */
  accessLog?: boolean;
  /** The server configuration folder (`nginx/`, `site.json`); `<dist>-server/` when absent. */
  serverDir?: string;
  /**
   * Also log each answer's status, bytes sent (headers and body as sent, compressed or not), content
   * encoding and type, and URI to `<prefix>/bytes.log` (the benchmarks count transfers from it).
   */
  bytesLog?: boolean;
}

/** The file and format of the bytes log (see `NginxOptions.bytesLog`). */
const BYTES_LOG = {
  file: 'bytes.log',
  format: String.raw`'$status $bytes_sent "$sent_http_content_encoding" "$sent_http_content_type" $request_uri'`,
};

/** One answer nginx sent: URI (decoded), status, content type and encoding, bytes sent (headers and body). */
export interface Transfer {
  url: string;
  status: number;
  type: string;
  encoding: string;
  bytes: number;
}

/** The answers of an nginx started with `bytesLog`, read in steps. */
export interface BytesLog {
  /** Skips what was logged so far. */
  reset(): void;
  /** The answers logged since the last reset or take. */
  take(): Transfer[];
}

/**
 * Reads the bytes log of an nginx started with `bytesLog`: what the server really sent, compressed or
 * not, including requests a browser makes from workers (which its own network events under-count).
 */
export function bytesLog(nginx: RunningNginx): BytesLog {
  const path = join(nginx.prefix, BYTES_LOG.file);
  let offset = 0;
  const size = () => statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  return {
    reset: () => void (offset = size()),
    take: () => {
      const end = size();
      const text = readFileSync(path).subarray(offset, end).toString('utf8');
      offset = end;
      return text.split('\n').flatMap((line) => {
        const match = /^(\d+) (\d+) "([^"]*)" "([^"]*)" (\S+)$/.exec(line);
        if (!match) return [];
        const [, status = '0', bytes = '0', encoding = '', type = '', uri = ''] = match;
        // nginx logs an empty variable as "-".
        const orEmpty = (value: string) => (value === '-' ? '' : value);
        return [
          {
            url: decodeURI(uri),
            status: Number(status),
            type: orEmpty(type),
            encoding: orEmpty(encoding),
            bytes: Number(bytes),
          },
        ];
      });
    },
  };
}

/** The `nginx.conf` around the generated parts: a temp prefix for everything nginx writes. */
function mainConf(
  prefix: string,
  root: string,
  serverDir: string,
  base: string,
  options: NginxOptions,
) {
  const listen = options.host ? `${options.host}:${options.port}` : String(options.port);
  return [
    'daemon off;',
    'worker_processes 1;',
    `pid "${join(prefix, 'nginx.pid')}";`,
    'error_log stderr warn;',
    // A root master would hand the workers to `nobody`, who may not read the site or the temp folder.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    'events { worker_connections 256; }',
    'http {',
    // Into a file that is followed: nginx cannot open /dev/stdout when it is a socket (as under Node).
    ...(options.accessLog ? [`  access_log "${join(prefix, 'access.log')}";`] : []),
    ...(options.bytesLog
      ? [
          `  log_format pict_bytes ${BYTES_LOG.format};`,
          `  access_log "${join(prefix, BYTES_LOG.file)}" pict_bytes;`,
        ]
      : []),
    ...(options.accessLog || options.bytesLog ? [] : ['  access_log off;']),
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path "${join(prefix, kind)}";`,
    ),
    '  sendfile on;',
    // A missing page is answered with the 404 page; no need to log each as an error.
    '  log_not_found off;',
    `  include "${join(serverDir, 'nginx', 'http.conf')}";`,
    '  server {',
    `    listen ${listen};`,
    '    server_name localhost;',
    `    root "${root}";`,
    `    include "${join(serverDir, 'nginx', 'server.conf')}";`,
    // Locally, the host's root leads to the site under its base path.
    ...(base === '/' ? [] : [`    location = / { absolute_redirect off; return 302 ${base}; }`]),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Copies what is appended to a file to standard output, checking every 100 ms, until stopped. */
function followFile(path: string): { stop: () => void } {
  let offset = 0;
  const copyNew = () => {
    const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    if (size <= offset) return;
    const file = openSync(path, 'r');
    try {
      const chunk = Buffer.alloc(size - offset);
      offset += readSync(file, chunk, 0, chunk.length, offset);
      process.stdout.write(chunk);
    } finally {
      closeSync(file);
    }
  };
  const timer = setInterval(copyNew, 100);
  return {
    stop: () => {
      clearInterval(timer);
      copyNew();
    },
  };
}

/** Resolves when something accepts connections on the port, or rejects when nginx exits first. */
async function waitForPort(child: ChildProcess, port: number, host: string, output: () => string) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    const open = await new Promise<boolean>((done) => {
      const socket = connect(port, host);
      socket.once('connect', () => (socket.destroy(), done(true)));
      socket.once('error', () => done(false));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`nginx did not listen on ${host}:${port} within 15 s:\n${output()}`);
}

/**
 * Starts nginx for a built site with the configuration its build wrote, and waits until it listens.
 * Under a base path the site is linked into a temporary root at that path, as a deployment copies it.
 */
export async function startNginx(options: NginxOptions): Promise<RunningNginx> {
  const dist = resolve(options.dist);
  const serverDir = resolve(options.serverDir ?? serverDirOf(dist));
  const site = readJsonFile(join(serverDir, 'site.json')) as { base?: string } | undefined;
  if (!existsSync(join(dist, 'index.html')) || !site?.base) {
    throw new Error(
      `${dist} is not a built site with its server configuration: run npm run build first.`,
    );
  }
  const nginx = findNginx();
  if (!nginx) {
    throw new Error(
      'nginx not found: install it (Debian: apt-get install nginx) or set NGINX to its path.',
    );
  }
  const prefix = mkdtempSync(join(tmpdir(), 'pict-nginx-'));
  let root = dist;
  if (site.base !== '/') {
    root = join(prefix, 'root');
    const link = join(root, site.base);
    mkdirSync(dirname(link.replace(/\/+$/, '')), { recursive: true });
    symlinkSync(dist, link.replace(/\/+$/, ''));
  }
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, mainConf(prefix, root, serverDir, site.base, options));
  const child = spawn(nginx, ['-p', prefix, '-e', 'stderr', '-c', conf], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    if (options.accessLog) process.stderr.write(chunk);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const follow = options.accessLog ? followFile(join(prefix, 'access.log')) : undefined;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    follow?.stop();
    rmSync(prefix, { recursive: true, force: true });
  };
  const host = options.host ?? '127.0.0.1';
  try {
    await waitForPort(child, options.port, host, () => errors);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    origin: `http://${host}:${options.port}`,
    base: site.base,
    prefix,
    process: child,
    stop,
  };
}

async function main(): Promise<number> {
  const { positionals } = parseArgs({ allowPositionals: true });
  const dist = positionals[0] ?? 'dist';
  const port = Number(process.env['PORT'] ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`PORT — found "${process.env['PORT']}", expected a port number (1–65535)`);
    return 2;
  }
  // Listening for Ctrl+C from the start, so a signal during start-up also stops nginx and cleans up.
  let interrupted: (() => void) | undefined;
  const interrupt = new Promise<void>((done) => (interrupted = done));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => interrupted?.());
  let running: RunningNginx;
  try {
    running = await startNginx({ dist, port, accessLog: true });
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  console.log(
    `nginx serves ${dist} at http://localhost:${port}${running.base} (configuration, pid and temporary files in ${running.prefix}) — Ctrl+C stops it.`,
  );
  const exit = new Promise<number>((done) => {
    if (running.process.exitCode !== null) done(running.process.exitCode);
    running.process.once('exit', (code) => done(code ?? 1));
  });
  const code = await Promise.race([interrupt.then(() => 0), exit]);
  await running.stop();
  return code;
}

if (import.meta.main) process.exitCode = await main();
