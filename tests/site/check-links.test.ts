import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import { extractLinks, scanTags } from '../../src/lib/links.ts';
import { ROOT, TMP } from '../support/build-site.ts';
import { readPages } from '../support/dist.ts';
import { BASE, builtSite } from '../support/sites.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/check-links.ts <args>` as a reader would, with the configured base and site cleared. */
async function checkLinks(...args: string[]): Promise<Run> {
  const env = { ...process.env };
  delete env['PICT_BASE'];
  delete env['PICT_SITE'];
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['scripts/check-links.ts', ...args],
      { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

/** Writes a small site (path → HTML) into a fresh folder under tmp/. */
function writeSite(name: string, files: Record<string, string>): string {
  const dir = join(TMP, 'test-fixtures', name);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const SUMMARY = /^All \d+ internal links on \d+ pages resolve\.\n$/;

let dist = '';
let baseDist = '';

beforeAll(() => {
  dist = builtSite('kubernetes');
  baseDist = builtSite('kubernetes-base');
});

describe('scripts/check-links.ts over the built site', () => {
  test('exits 0 with a one-line summary when served from /', async () => {
    const run = await checkLinks(dist);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(SUMMARY);
  });

  test('exits 0 with a one-line summary for the base-path build checked with --base', async () => {
    const run = await checkLinks(baseDist, '--base', BASE);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(SUMMARY);
  });

  test('exits 1 for the base-path build checked as if served from /, since no link resolves then', async () => {
    const run = await checkLinks(baseDist);
    const lines = run.stderr.trim().split('\n');
    expect(run.code).toBe(1);
    // The first link of a page is its canonical link, an absolute URL on the site's origin.
    expect(lines[0]).toMatch(
      /^\/\S* → (https:\/\/pict-notes\.internal)?\/pict-notes\/\S* \(not found\)$/,
    );
    expect(lines.at(-1)).toMatch(/^\d+ broken link\(s\) on \d+ pages\.$/);
  });
});

describe('the base-path build', () => {
  /** An attribute value that is a root-relative path (not `//host`, not prose such as `/ Control+K`). */
  const ROOT_RELATIVE = /^\/(?!\/)\S*$/;

  test('has no root-relative URL outside the base in any attribute or meta refresh', () => {
    let seen = 0;
    const escaping = [...readPages(baseDist)].flatMap(([file, html]) => {
      const values = [
        ...scanTags(html).flatMap((tag) => Object.values(tag.attributes)),
        ...extractLinks(html).map((link) => link.value),
      ].filter((value) => ROOT_RELATIVE.test(value));
      seen += values.length;
      return values.filter((value) => !value.startsWith(BASE)).map((value) => `${file}: ${value}`);
    });
    expect(escaping).toEqual([]);
    expect(seen).toBeGreaterThan(1000);
  });

  test('exports page URLs under the base', () => {
    const { notes } = JSON.parse(readFileSync(join(baseDist, 'notes.json'), 'utf8')) as {
      notes: { id: string; urls: { zh: string; en: string } }[];
    };
    expect(notes.length).toBeGreaterThan(0);
    const outside = notes.filter(
      (note) =>
        note.urls.zh !== `${BASE}zh/items/${note.id}/` ||
        note.urls.en !== `${BASE}en/items/${note.id}/`,
    );
    expect(outside).toEqual([]);
  });
});

describe('scripts/check-links.ts', () => {
  test('prints page → href (reason) for each broken link and exits 1', async () => {
    const dir = writeSite('broken-links', {
      'index.html': '<meta http-equiv="refresh" content="0; url=/zh/"><a href="/gone/">x</a>',
      'zh/index.html':
        '<a href="#main">skip</a><main id="main"><a href="/#top">top</a><a href="https://example.com/">x</a></main>',
    });
    const run = await checkLinks(dir);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        '/ → /gone/ (not found)\n/zh/ → /#top (no element with id "top")\n\n2 broken link(s) on 2 pages.\n',
    });
  });

  test('reads the base from --base and strips it before looking for files', async () => {
    const dir = writeSite('base-links', {
      'index.html': '<a href="/sub/zh/#main">zh</a><a href="/zh/">outside</a>',
      'zh/index.html': '<main id="main"></main>',
    });
    const run = await checkLinks(dir, '--base', '/sub/');
    expect(run).toMatchObject({
      code: 1,
      stderr: '/sub/ → /zh/ (outside the base path /sub/)\n\n1 broken link(s) on 2 pages.\n',
    });
  });

  test('exits 2 with its usage when the folder does not exist', async () => {
    const run = await checkLinks(join(TMP, 'test-fixtures', 'no-such-dist'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^Usage: node scripts\/check-links\.ts <distDir>/);
  });
});
