/**
 * Broken and hostile input, as a new user might try it: each case is a small project on disk
 * (tests/fixtures/minimal-project.ts with one thing changed) checked by `npm run check` itself, or an
 * upstream file given to `npm run import`. Each ends in one-line problems naming file, line and field,
 * exit 1 and no stack trace, or in a safe output; each within a time limit (a hang is a failure).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validNote, writeMinimalProject } from '../fixtures/minimal-project.ts';
import { ROOT, TMP } from '../support/build-site.ts';

const NOTE = 'notes/kubernetes-1.7/local-volume-unmount.md';
const TIME_LIMIT = 30_000;

/** Writes the minimal project into a fresh folder, then lets `change` break it. */
function project(name: string, change: (root: string) => void): string {
  return writeMinimalProject(join(TMP, 'test-fixtures', 'hostile', name), change);
}

/** A note whose English summary is `summary` (as a YAML double-quoted string). */
function noteWithSummary(summary: string): string {
  return validNote({
    en: `en:\n  title: Local volumes fail to unmount\n  summary: ${JSON.stringify(summary)}\n  assessment: Ignore for now.`,
  });
}

const write = (path: string, text: string) => (root: string) =>
  writeFileSync(join(root, path), text);

/** Runs a script of the project in a child process, killed after the time limit. */
function run(
  script: string,
  args: string[],
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: TIME_LIMIT,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error; // ETIMEDOUT: it hung
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The problem lines `npm run check` prints for a project (the count line left out); it must exit 1. */
function checkProblems(root: string): string {
  const result = run('scripts/check.ts', [root]);
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return result.stderr.replace(/\n\n\d+ problems? found\.\n$/, '');
}

const cases: [string, (root: string) => void, string][] = [
  [
    'a summary nested 2,000 block quotes deep',
    write(NOTE, noteWithSummary('> '.repeat(2000) + 'deep')),
    `notes/kubernetes-1.7/local-volume-unmount.md:16 en.summary — found Markdown nested at least 2000 levels deep, expected at most 32 levels of quotes, lists, emphasis and links`,
  ],
  [
    'a summary of 5,000 nested list markers',
    write(NOTE, noteWithSummary('- '.repeat(5000) + 'deep')),
    `notes/kubernetes-1.7/local-volume-unmount.md:16 en.summary — found Markdown nested at least 5000 levels deep, expected at most 32 levels of quotes, lists, emphasis and links`,
  ],
  [
    'a summary of emphasis nested 9,000 deep',
    write(NOTE, noteWithSummary('*'.repeat(9000) + 'a' + '*'.repeat(9000))),
    `notes/kubernetes-1.7/local-volume-unmount.md:16 en.summary — found a run of 9000 emphasis delimiters (up to 4500 nested levels), expected at most 32 levels of quotes, lists, emphasis and links`,
  ],
  [
    'a body nested 2,000 block quotes deep',
    write(NOTE, `${validNote()}\n${'> '.repeat(2000)}deep\n`),
    `notes/kubernetes-1.7/local-volume-unmount.md:19 body — found Markdown nested at least 2000 levels deep, expected at most 32 levels of quotes, lists, emphasis and links`,
  ],
  [
    'a summary of 30,000 characters',
    write(NOTE, noteWithSummary('word '.repeat(6000))),
    `notes/kubernetes-1.7/local-volume-unmount.md:16 en.summary — found text of 30000 characters, expected at most 20000 characters (a limit, see README)`,
  ],
  [
    'a 6 MB single-paragraph body with links',
    write(NOTE, `${validNote()}\n${'see [a link](https://example.com/x) and '.repeat(150_000)}\n`),
    `notes/ids.json:2 ids[0] — found "k8s-1.7-local-volume-unmount", which no note has any more, expected a note with this id, or a redirect "k8s-1.7-local-volume-unmount": "<successor id>" in redirects (or "<release id>" in releaseRedirects)
notes/kubernetes-1.7/local-volume-unmount.md:1 - — found a file of 6000550 bytes, expected at most 262144 bytes (a file-size limit, see README)`,
  ],
  [
    'a YAML alias bomb in a data file',
    write(
      'data/teams.yaml',
      [
        'a: &a [x, x, x, x, x, x, x, x, x]',
        'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
        'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
        'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
        '',
      ].join('\n'),
    ),
    `data/teams.yaml:1 - — found a YAML syntax error (more than 100 alias expansions), expected valid YAML`,
  ],
  [
    'frontmatter nested 5,000 lists deep',
    write(NOTE, validNote({ teams: `teams:\n  ${'- '.repeat(5000)}ops` })),
    `notes/kubernetes-1.7/local-volume-unmount.md:2 - — found a YAML syntax error (nesting too deep to read), expected valid YAML frontmatter`,
  ],
  [
    'a "__proto__" redirect in notes/ids.json',
    write(
      'notes/ids.json',
      '{\n  "ids": ["k8s-1.7-local-volume-unmount"],\n  "redirects": {\n    "__proto__": "k8s-1.7-local-volume-unmount"\n  }\n}\n',
    ),
    `notes/ids.json:4 - — found a YAML syntax error (a key named __proto__, which JavaScript objects cannot hold), expected valid YAML`,
  ],
  [
    'a note that is a symbolic link to a file outside the repository',
    (root) => {
      writeFileSync(join(root, '..', 'outside.md'), validNote());
      rmSync(join(root, NOTE));
      symlinkSync('../../../outside.md', join(root, NOTE));
    },
    `notes/ids.json:2 ids[0] — found "k8s-1.7-local-volume-unmount", which no note has any more, expected a note with this id, or a redirect "k8s-1.7-local-volume-unmount": "<successor id>" in redirects (or "<release id>" in releaseRedirects)
notes/kubernetes-1.7/local-volume-unmount.md:1 - — found a symbolic link, expected a regular file inside the repository (links and special files are not read)`,
  ],
  [
    'a symbolic link to a folder, a dangling link and a link to itself',
    (root) => {
      mkdirSync(join(root, '..', 'outside-folder'), { recursive: true });
      writeFileSync(join(root, '..', 'outside-folder', 'secret.md'), validNote());
      symlinkSync('../../outside-folder', join(root, 'notes/linked'));
      symlinkSync('nowhere.md', join(root, 'notes/kubernetes-1.7/dangling.md'));
      symlinkSync('loop.md', join(root, 'notes/kubernetes-1.7/loop.md'));
    },
    `notes/kubernetes-1.7/dangling.md:1 - — found a symbolic link, expected a regular file inside the repository (links and special files are not read)
notes/kubernetes-1.7/loop.md:1 - — found a symbolic link, expected a regular file inside the repository (links and special files are not read)
notes/linked:1 - — found a symbolic link, expected a regular file inside the repository (links and special files are not read)`,
  ],
  [
    'a FIFO among the notes',
    (root) => execFileSync('mkfifo', [join(root, 'notes/kubernetes-1.7/pipe.md')]),
    `notes/kubernetes-1.7/pipe.md:1 - — found a named pipe (FIFO), expected a regular file inside the repository (links and special files are not read)`,
  ],
  [
    'note file names with "?", "#" and a terminal escape',
    (root) => {
      writeFileSync(
        join(root, 'notes/kubernetes-1.7/what?.md'),
        validNote({ id: 'id: k8s-1.7-a' }),
      );
      writeFileSync(join(root, 'notes/kubernetes-1.7/#1.md'), validNote({ id: 'id: k8s-1.7-b' }));
      writeFileSync(
        join(root, 'notes/kubernetes-1.7/\x1b]0;x\x07.md'),
        validNote({ id: 'id: k8s-1.7-c' }),
      );
    },
    `notes/kubernetes-1.7/\\x1b]0;x\\x07.md:1 - — found a file name with characters outside the safe set, expected notes/<release-id>/<name>.md with a-z, 0-9, "." and "-" only (starting with a letter or digit)
notes/kubernetes-1.7/#1.md:1 - — found a file name with characters outside the safe set, expected notes/<release-id>/<name>.md with a-z, 0-9, "." and "-" only (starting with a letter or digit)
notes/kubernetes-1.7/what?.md:1 - — found a file name with characters outside the safe set, expected notes/<release-id>/<name>.md with a-z, 0-9, "." and "-" only (starting with a letter or digit)`,
  ],
  [
    'a terminal escape in a field value (already shown escaped)',
    write(NOTE, validNote({ impact: 'impact: "\x1b]0;owned\x07"' })),
    `notes/kubernetes-1.7/local-volume-unmount.md:5 impact — found "\\u001b]0;owned\\u0007", expected one of action-required, attention, investigate, watch, none, untriaged`,
  ],
  [
    'an empty note file (already handled)',
    write(NOTE, ''),
    `notes/kubernetes-1.7/local-volume-unmount.md:1 - — found an empty file, expected a note: YAML frontmatter between --- lines`,
  ],
];

describe('npm run check on hostile input: one line per problem, exit 1, no stack trace', () => {
  test.each(cases)(
    '%s',
    (name, change, expected) => {
      const root = project(name.replace(/[^a-z0-9]+/gi, '-'), change);
      expect(checkProblems(root)).toBe(expected);
    },
    TIME_LIMIT * 2,
  );
});

const ITEM = (text: string, pr: number) =>
  `* ${text} ([#${pr}](https://github.com/kubernetes/kubernetes/pull/${pr}), [@a](https://github.com/a))`;

/** An upstream changelog with one v1.7.0 section of `items`, joined by `separators`. */
function changelog(items: string[], separators: string[]): string {
  const body = items.map((item, index) => `${item}${separators[index] ?? '\n'}`).join('');
  return `# v1.7.0\n\n## Other notable changes\n\n${body}`;
}

/** `npm run import -- <file> --release kubernetes-1.7 --dry-run` on a minimal project. */
function dryRun(name: string, upstream: string | ((root: string) => string)) {
  const root = project(`import-${name}`, () => undefined);
  const file =
    typeof upstream === 'string'
      ? (writeFileSync(join(root, '..', `${name}.md`), upstream), join(root, '..', `${name}.md`))
      : upstream(root);
  return run('scripts/import.ts', [
    file,
    '--release',
    'kubernetes-1.7',
    '--dry-run',
    '--root',
    root,
  ]);
}

describe('npm run import on hostile input: one line and exit 1, or a safe output', () => {
  test('/dev/zero is refused, not read', () => {
    const result = dryRun('dev-zero', () => '/dev/zero');
    expect([result.code, result.stderr]).toEqual([
      1,
      'npm run import: /dev/zero is not a regular file (a pipe, socket or device is not read)\n',
    ]);
  });

  test('a FIFO is refused, not opened', () => {
    const result = dryRun('fifo', (root) => {
      const fifo = join(root, '..', 'upstream.fifo');
      rmSync(fifo, { force: true });
      execFileSync('mkfifo', [fifo]);
      return fifo;
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^npm run import: \S+upstream\.fifo is not a regular file \(a pipe, socket or device is not read\)\n$/,
    );
  });

  test('every Unicode line break ends an item (LS, PS, NEL, bare CR, VT, FF)', () => {
    const breaks = ['\u2028', '\u2029', '\u0085', '\r', '\v', '\f', '\n'];
    const items = breaks.map((_, index) =>
      ITEM(`Item number ${index + 1} of the list`, 101 + index),
    );
    const result = dryRun('line-breaks', changelog(items, breaks));
    expect(result.stderr).toBe('');
    expect(result.stdout.match(/^would create .*$/gm)).toEqual(
      items.map(
        (_, index) =>
          `would create notes/kubernetes-1.7/pr-${101 + index}.md  [other-notable-changes] Item number ${index + 1} of the list`,
      ),
    );
  });

  test('terminal escape sequences in upstream text are printed escaped', () => {
    const result = dryRun(
      'escapes',
      changelog([ITEM('Title \x1b]0;owned\x07 and \x1b[2J\x9b1m here', 201)], []),
    );
    expect(result.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(result.stdout).toContain(
      'would create notes/kubernetes-1.7/pr-201.md  [other-notable-changes] Title \\x1b]0;owned\\x07 and \\x1b[2J\\x9b1m here',
    );
  });

  test('deeply nested upstream text is refused by the importer’s checker gate', () => {
    const deep = `Deep ${'*'.repeat(3000)}x${'*'.repeat(3000)}`;
    const result = dryRun('deep', changelog([ITEM(deep, 301)], []));
    expect([result.code, result.stderr]).toEqual([
      1,
      'npm run import: the imported notes would not pass the checker: notes/kubernetes-1.7/pr-301.md:15 en.summary — found a run of 3000 emphasis delimiters (up to 1500 nested levels), expected at most 32 levels of quotes, lists, emphasis and links\n',
    ]);
  });
});
