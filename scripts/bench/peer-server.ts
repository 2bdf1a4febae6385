import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  COMPRESSIBLE,
  CONTENT_TYPES,
  GZIP_LEVEL,
  MIN_COMPRESS_BYTES,
  nginxHttpConf,
  nginxServerConf,
  type ServerModel,
} from '../../src/lib/server-config.ts';

/** The content types of the files the build writes `.gz` copies of (nginx always compresses text/html). */
function compressedTypes(): string[] {
  return Object.entries(CONTENT_TYPES).flatMap(([type, extensions]) =>
    type !== 'text/html' && extensions.split(' ').every((ext) => COMPRESSIBLE.test(`x.${ext}`))
      ? [type]
      : [],
  );
}

/**
 * Writes into `dir` a server configuration (as `startNginx` reads it) for another tool's built site
 * served at `/`: the project's own nginx configuration without redirects or policies, and, since that
 * site has no `.gz` copies, nginx compressing the same kinds of files at the same level and threshold
 * as the build's copies, so both sites' bytes are counted alike.
 */
export function writePeerServerConfig(dir: string): string {
  const model: ServerModel = {
    base: '/',
    redirects: [],
    csp: '',
    cspByPage: new Map(),
    mergedCsp: '',
    notFound: { zh: '404.html', en: '404.html', other: '404.html' },
    assets: '_astro/',
  };
  const gzip = [
    'gzip on;',
    `gzip_comp_level ${GZIP_LEVEL};`,
    `gzip_min_length ${MIN_COMPRESS_BYTES};`,
    `gzip_types ${compressedTypes().join(' ')};`,
  ];
  mkdirSync(join(dir, 'nginx'), { recursive: true });
  writeFileSync(join(dir, 'nginx', 'http.conf'), `${nginxHttpConf(model)}\n${gzip.join('\n')}\n`);
  writeFileSync(join(dir, 'nginx', 'server.conf'), nginxServerConf(model));
  writeFileSync(join(dir, 'site.json'), `${JSON.stringify({ base: '/' })}\n`);
  return dir;
}
