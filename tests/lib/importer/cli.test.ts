import { createHash } from 'node:crypto';
import { globSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readProjectFiles } from '../../../src/checker/files.ts';
import { beforeImport } from '../../support/before-import.ts';
import { copyContent, problemsIn } from '../../support/dist.ts';
import { runScript } from '../../support/scripts.ts';
import { KUBERNETES } from '../../support/sites.ts';

const UPSTREAM = 'tests/fixtures/upstream';

/** Runs `npm run import -- …` (the script itself, with this Node) from the repository root. */
const run = (...args: string[]) => runScript('import.ts', args);

/** A fresh folder under tmp/ with a copy of the fixture site's data/ and, if asked, notes/. */
const contentCopy = (name: string, withNotes: boolean) =>
  copyContent(`importer-${name}`, KUBERNETES, { notes: withNotes });

/** Every file under a folder with a hash of its content. */
function snapshot(root: string): Map<string, string> {
  return new Map(
    globSync('**/*', { cwd: root, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        const digest = createHash('sha256').update(readFileSync(path)).digest('hex');
        return [relative(root, path), digest] as const;
      }),
  );
}

/**
 * A copy of the repository as it was before v1.7.0 was imported: its data/, the hand-written 1.7 seed
 * notes and whatever else notes/ holds, without the notes imported from k8s-v1.7.0-release-notes.md
 * and without their ids in the ledger.
 */
function seedCopy(name: string): string {
  const root = contentCopy(name, true);
  const seed = beforeImport(readProjectFiles(root), 'k8s-v1.7.0-release-notes.md');
  for (const path of seed.removed) rmSync(join(root, path));
  for (const file of seed.files.filter((kept) => kept.path.startsWith('data/releases/')))
    writeFileSync(join(root, file.path), file.text);
  writeFileSync(join(root, seed.ledger.path), seed.ledger.text);
  return root;
}

describe('npm run import on a copy of the repository (v1.7.0 over the seed notes)', () => {
  let root: string;
  let before: Map<string, string>;
  let first: ReturnType<typeof run>;

  beforeAll(() => {
    root = seedCopy('seed');
    before = snapshot(root);
    first = run(
      `${UPSTREAM}/k8s-v1.7.0-release-notes.md`,
      '--release',
      'kubernetes-1.7',
      '--root',
      root,
    );
  });

  test('writes untriaged notes that pass the checker', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(problemsIn(root)).toEqual([]);
    const added = [...snapshot(root).keys()].filter((path) => !before.has(path));
    const created = first.stdout.match(/^created /gm)?.length ?? 0;
    expect(added).toHaveLength(created);
    expect(first.stdout).toContain(
      `Wrote ${created} note(s) and recorded their ids in notes/ids.json.`,
    );
  });

  test('prints progress and a summary per section', () => {
    expect(first.stdout.split('\n')[0]).toBe(
      `Importing v1.7.0 of ${UPSTREAM}/k8s-v1.7.0-release-notes.md (Markdown changelog) into notes/kubernetes-1.7/`,
    );
    expect(first.stdout).toMatch(
      /^skipped k8s-1\.7-pr-46407 \(already assessed in notes\/kubernetes-1\.7\/namespace-deletecollection\.md\)$/m,
    );
    expect(first.stdout).toMatch(/^section +items +notes +created +exists +assessed +retired$/m);
    expect(first.stdout).toMatch(/^action-required +15 +15 +0 +0 +15 +0$/m);
    // The two seed notes without an upstream link (Swagger 1.2, AffinityInAnnotations) stand for the
    // items' derived ids through redirects in the ledger: those items count as retired.
    expect(first.stdout).toMatch(/^total +347 +316 +\d+ +0 +\d+ +2$/m);
    expect(first.stdout).toMatch(
      /^skipped k8s-1\.7-deprecations-swagger-1-2-spec-swaggerapi-1fa93a \(a retired id in notes\/ids\.json\)$/m,
    );
    expect(first.stdout).not.toContain('Areas not in data/areas.yaml');
    expect(first.stdout).toMatch(/^major-themes +1 +0 +0 +0 +0 +0$/m);
    expect(first.stdout).toContain(
      'Major themes: 1 upstream text(s) left alone: data/releases/kubernetes-1.7.yaml already has themes.',
    );
  });

  test('changes no existing file but the ledger', () => {
    const after = snapshot(root);
    const changed = [...before].filter(([path, hash]) => after.get(path) !== hash);
    expect(changed.map(([path]) => path)).toEqual(['notes/ids.json']);
  });

  test('a second run creates nothing and changes no file', () => {
    const once = snapshot(root);
    const second = run(
      `${UPSTREAM}/k8s-v1.7.0-release-notes.md`,
      '--release',
      'kubernetes-1.7',
      '--root',
      root,
    );
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/^created /m);
    expect(second.stdout).toMatch(/^total +347 +316 +0 +\d+ +\d+ +2$/m);
    expect(second.stdout).toContain('Nothing new to write.');
    expect(snapshot(root)).toEqual(once);
  });
});

describe('npm run import --dry-run', () => {
  test('prints what it would create and writes nothing', () => {
    const root = seedCopy('dry-run');
    const before = snapshot(root);
    const result = run(
      `${UPSTREAM}/k8s-v1.7.0-release-notes.md`,
      '--release',
      'kubernetes-1.7',
      '--root',
      root,
      '--dry-run',
    );
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/ — dry run, nothing is written$/);
    expect(result.stdout).toMatch(
      /^would create notes\/kubernetes-1\.7\/pr-44230\.md {2}\[other-notable-changes › node-components\] Removes the deprecated kubelet flag `--babysit-daemons`$/m,
    );
    expect(result.stdout).toMatch(/^Dry run: would write \d+ note\(s\); nothing was written\.$/m);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('npm run import --from on the 2018 copy of the 1.8 changelog', () => {
  test('imports v1.8.0-alpha.1 … v1.8.0 into a new release', () => {
    const root = contentCopy('from', false);
    for (const name of readdirSync(join(root, 'data', 'releases'))) {
      rmSync(join(root, 'data', 'releases', name));
    }
    writeFileSync(
      join(root, 'data', 'releases', 'kubernetes-1.8.yaml'),
      'product: Kubernetes\nversion: "1.8"\nidPrefix: k8s-1.8\nreleaseDate: 2017-09-28\nchangelogUrl: https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.8.md\nassessment:\n  status: not-started\n',
    );
    const result = run(
      `${UPSTREAM}/CHANGELOG-1.8.copy-2018-02.md`,
      '--release',
      'kubernetes-1.8',
      '--from',
      'v1.8.0-alpha.1',
      '--root',
      root,
    );
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe(
      `Importing v1.8.0, v1.8.0-rc.1, v1.8.0-beta.1, v1.8.0-alpha.3, v1.8.0-alpha.2, v1.8.0-alpha.1 of ${UPSTREAM}/CHANGELOG-1.8.copy-2018-02.md (Markdown changelog) into notes/kubernetes-1.8/`,
    );
    expect(problemsIn(root)).toEqual([]);
    expect(readdirSync(join(root, 'notes', 'kubernetes-1.8')).length).toBeGreaterThan(600);
  });
});

describe('bad input: one line on stderr, exit 1, nothing written', () => {
  let root: string;
  let before: Map<string, string>;

  beforeAll(() => {
    root = contentCopy('bad-input', false);
    for (const name of readdirSync(join(root, 'data', 'releases'))) {
      if (name !== 'kubernetes-1.7.yaml') rmSync(join(root, 'data', 'releases', name));
    }
    before = snapshot(root);
    writeFileSync(join(root, 'array.json'), '[{"pr": 1}]');
  });

  const fails = (...args: string[]) => {
    const result = run(...args, '--root', root);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    const after = snapshot(root);
    after.delete('array.json');
    expect(after).toEqual(before);
    return result.stderr.trimEnd().replace(root, '<root>');
  };
  const v170 = `${UPSTREAM}/k8s-v1.7.0-release-notes.md`;

  test('a file that is not a changelog', () => {
    expect(fails(`${UPSTREAM}/README.md`, '--release', 'kubernetes-1.7')).toMatchInlineSnapshot(
      `"npm run import: tests/fixtures/upstream/README.md is not a release-notes file: neither a Markdown changelog with "# vX.Y.Z" release headings nor release-notes JSON"`,
    );
  });

  test('an unknown layout', () => {
    expect(fails(join(root, 'array.json'), '--release', 'kubernetes-1.7')).toMatchInlineSnapshot(
      `"npm run import: <root>/array.json has an unknown layout: JSON array, expected an object of release notes keyed by PR number"`,
    );
  });

  test('a release that is not in data/releases/', () => {
    expect(fails(v170, '--release', 'kubernetes-1.99')).toMatchInlineSnapshot(
      `"npm run import: --release kubernetes-1.99 is not a release in data/releases/ (known: kubernetes-1.7)"`,
    );
  });

  test('a --from version that is not in the file', () => {
    expect(
      fails(v170, '--release', 'kubernetes-1.7', '--from', 'v1.7.0-alpha.1'),
    ).toMatchInlineSnapshot(
      `"npm run import: --from v1.7.0-alpha.1 is not a release section of tests/fixtures/upstream/k8s-v1.7.0-release-notes.md (it has v1.7.0)"`,
    );
  });

  test('a file that does not exist, a missing --release, an unknown option', () => {
    expect(fails(`${UPSTREAM}/nope.md`, '--release', 'kubernetes-1.7')).toMatchInlineSnapshot(
      `"npm run import: cannot read tests/fixtures/upstream/nope.md: no such file"`,
    );
    expect(fails(v170)).toMatchInlineSnapshot(
      `"npm run import: --release <release-id> is required; usage: npm run import -- <file> --release <release-id> [--from <version>] [--to <version>] [--dry-run] [--root <dir>]"`,
    );
    expect(fails(v170, '--release', 'kubernetes-1.7', '--form', 'v1.7.0')).toMatchInlineSnapshot(
      `"npm run import: unknown option --form; usage: npm run import -- <file> --release <release-id> [--from <version>] [--to <version>] [--dry-run] [--root <dir>]"`,
    );
  });
});
