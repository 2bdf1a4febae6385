import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/checker/problems.ts';
import { loadProject } from '../../src/checker/index.ts';
import { readProjectFiles } from '../../src/checker/files.ts';
import { outDirOf, runBuild, type BuildOutput } from '../support/build-site.ts';
import { copyContent } from '../support/dist.ts';
import { KUBERNETES } from '../support/sites.ts';

const NAME = 'bad-note';

/** The fixture site with the first note of the first release given an impact level that does not exist. */
function badSite(): { root: string; file: string } {
  const root = copyContent(NAME, KUBERNETES);
  const release = readdirSync(join(root, 'notes'), { withFileTypes: true }).find((entry) =>
    entry.isDirectory(),
  );
  const note = readdirSync(join(root, 'notes', release?.name ?? '')).find((name) =>
    name.endsWith('.md'),
  );
  const file = `notes/${release?.name}/${note}`;
  const text = readFileSync(join(root, file), 'utf8');
  expect(text).toMatch(/^impact: /m);
  writeFileSync(join(root, file), text.replace(/^impact: .*$/m, 'impact: critical'));
  return { root, file };
}

describe('building a site with a bad note', () => {
  let site: { root: string; file: string };
  let build: BuildOutput;

  beforeAll(async () => {
    site = badSite();
    rmSync(outDirOf(NAME), { recursive: true, force: true });
    build = await runBuild({ name: NAME, contentRoot: site.root });
  });

  test('exits non-zero', () => {
    expect(build.code).not.toBe(0);
    expect(build.code).not.toBeNull();
  });

  test("prints the checker's one-line message naming the file, line and field", () => {
    const problems = loadProject(readProjectFiles(site.root)).problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    const [message = ''] = problems;
    expect(message).toMatch(
      new RegExp(`^${site.file.replace(/[.]/g, '\\.')}:\\d+ impact — found "critical", expected `),
    );
    expect(build.output).toContain(message);
    expect(build.output).toContain('1 problem(s) in notes or data: nothing was built.');
  });

  test('writes no output folder', () => {
    expect(existsSync(build.outDir)).toBe(false);
  });
});

describe('building with a search bundle size that is not a whole number', () => {
  let build: BuildOutput;

  beforeAll(async () => {
    rmSync(outDirOf('bad-bundle-size'), { recursive: true, force: true });
    build = await runBuild({
      name: 'bad-bundle-size',
      contentRoot: KUBERNETES,
      searchBundleNotes: 2.5,
    });
  });

  test('exits non-zero with one line naming the setting and what it expects', () => {
    expect(build.code).toBe(1);
    expect(build.output).toContain(
      'searchBundleNotes (site.config.ts, PICT_SEARCH_BUNDLE_NOTES) — found "2.5", expected a whole number of notes above 0',
    );
  });

  test('writes no output folder', () => {
    expect(existsSync(build.outDir)).toBe(false);
  });
});
