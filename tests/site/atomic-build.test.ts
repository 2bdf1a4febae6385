/**
 * `npm run build` (scripts/build.ts) never leaves a half-written dist/: a build that fails while
 * rendering pages leaves the previous dist/ byte-identical, and a later good build replaces it whole.
 * Runs on a small fixture site (tests/fixtures/minimal-project.ts), never on the real notes.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { minimalProject } from '../fixtures/minimal-project.ts';
import { buildEnv, ROOT, runBuild, takeBundleLock, TMP } from '../support/build-site.ts';

const SITE = join(TMP, 'test-fixtures', 'atomic-build');
const OUT = join(TMP, 'test-dist', 'atomic-build');

/** Runs `node scripts/build.ts --outDir OUT` on the fixture site, holding the test builds' bundling lock. */
async function npmRunBuild(): Promise<{ code: number | null; output: string }> {
  const release = await takeBundleLock();
  const env = {
    ...buildEnv(),
    PICT_CONTENT_ROOT: SITE,
    PICT_CACHE_DIR: join(TMP, 'test-cache', 'atomic-build'),
    NO_COLOR: '1',
  };
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--outDir', OUT], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => {
      release();
      fail(error);
    });
    child.on('close', (code) => {
      release();
      done({ code, output });
    });
  });
}

/** Every file under a folder with a digest of its bytes and its modification time. */
function tree(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .sort()
      .filter((path) => statSync(join(root, path)).isFile())
      .map((path) => {
        const bytes = readFileSync(join(root, path));
        const stat = statSync(join(root, path));
        return [path, `${createHash('sha256').update(bytes).digest('hex')} ${stat.mtimeMs}`];
      }),
  );
}

function writeSite(extra: { path: string; text: string }[] = []): void {
  rmSync(SITE, { recursive: true, force: true });
  for (const file of [...minimalProject(), ...extra]) {
    mkdirSync(dirname(join(SITE, file.path)), { recursive: true });
    writeFileSync(join(SITE, file.path), file.text);
  }
}

/** A second note, valid for the checker, whose MDX body throws while its page is rendered. */
const THROWING_NOTE = {
  path: 'notes/kubernetes-1.7/throws.mdx',
  text: minimalProject()
    .find((file) => file.path.endsWith('local-volume-unmount.md'))!
    .text.replace('id: k8s-1.7-local-volume-unmount', 'id: k8s-1.7-throws')
    .concat("\n{(() => { throw new Error('rendering failed on purpose'); })()}\n"),
};
const LEDGER = {
  path: 'notes/ids.json',
  text: '{\n  "ids": ["k8s-1.7-local-volume-unmount", "k8s-1.7-throws"],\n  "redirects": {}\n}\n',
};

describe('npm run build swaps in a complete build or leaves dist/ alone', () => {
  let before: Record<string, string>;
  let failed: { code: number | null; output: string };

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    rmSync(join(TMP, 'test-cache', 'atomic-build'), { recursive: true, force: true });
    writeSite();
    const first = await npmRunBuild();
    expect(first.output).not.toContain('Build failed');
    expect(first.code).toBe(0);
    before = tree(OUT);
    writeSite([THROWING_NOTE, LEDGER]);
    failed = await npmRunBuild();
  }, 600_000);

  test('the first build wrote a site', () => {
    expect(Object.keys(before)).toContain('notes.json');
    expect(Object.keys(before).length).toBeGreaterThan(10);
  });

  test('the second build failed while rendering, after the checker passed it', () => {
    expect(failed.code).not.toBe(0);
    expect(failed.output).toContain('rendering failed on purpose');
    expect(failed.output).toContain(
      `Build failed (exit code ${failed.code}): ${OUT} was left as it was.`,
    );
  });

  test('dist/ is byte-identical to the previous build, and no staging folder is left', () => {
    expect(tree(OUT)).toEqual(before);
    expect(existsSync(`${OUT}.next`)).toBe(false);
    expect(existsSync(`${OUT}.old`)).toBe(false);
  });

  test('without the swap, the same failure would have changed the output folder', async () => {
    const direct = join(TMP, 'test-dist', 'atomic-build-direct');
    rmSync(direct, { recursive: true, force: true });
    cpSync(OUT, direct, { recursive: true, preserveTimestamps: true });
    writeSite([THROWING_NOTE, LEDGER]);
    const result = await runBuild({ name: 'atomic-build-direct', contentRoot: SITE }, direct);
    expect(result.code).not.toBe(0);
    expect(tree(direct)).not.toEqual(before);
  }, 600_000);

  test('a good build after it replaces dist/ whole', async () => {
    writeSite();
    writeFileSync(
      join(SITE, 'notes/kubernetes-1.7/local-volume-unmount.md'),
      minimalProject()
        .find((file) => file.path.endsWith('local-volume-unmount.md'))!
        .text.replace('Local volumes fail to unmount', 'Local volumes sometimes fail to unmount'),
    );
    const good = await npmRunBuild();
    expect(good.code).toBe(0);
    expect(readFileSync(join(OUT, 'notes.json'), 'utf8')).toContain(
      'Local volumes sometimes fail to unmount',
    );
    expect(existsSync(`${OUT}.next`)).toBe(false);
  }, 600_000);

  test('a rebuild through the staging folder still reuses the pages Astro cached', async () => {
    const again = await npmRunBuild();
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/\/i\/k8s-1\.7-local-volume-unmount\/index\.html \(cached\)/);
  }, 600_000);
});
