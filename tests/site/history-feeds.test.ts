import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { entryIdOf } from '../../src/lib/feeds.ts';
import { minimalProject, validNote, withFile } from '../fixtures/minimal-project.ts';
import { atomProblems, childrenNamed, parseXml } from '../support/atom.ts';
import { runBuild, TMP } from '../support/build-site.ts';
import { scanTags } from '../../src/lib/links.ts';

const SITE = 'https://pict-notes.internal';
const ID = 'k8s-1.7-pr-2';
const NOTE = 'notes/kubernetes-1.7/pr-2.md';

/** The fixture site: the minimal project, its storage area triaged by ops, and a second note to assess. */
function files(impact: string, extra: Record<string, string | undefined> = {}) {
  let project = withFile(
    minimalProject(),
    'data/areas.yaml',
    'storage:\n  name: { zh: 存储, en: Storage }\n  teams: [ops]\n',
  );
  project = withFile(
    project,
    'notes/ids.json',
    `{\n  "ids": ["k8s-1.7-local-volume-unmount", "${ID}"],\n  "redirects": {}\n}\n`,
  );
  return withFile(
    project,
    NOTE,
    validNote({
      id: `id: ${ID}`,
      section: 'section: other-notable-changes',
      area: 'area: networking',
      impact: `impact: ${impact}`,
      reason: undefined,
      components: 'components: []',
      ...extra,
    })
      .replace('area: networking\n', '')
      .replace('  title: Local volumes fail to unmount', '  title: Second item'),
  );
}

function writeFiles(root: string, list: { path: string; text: string }[]) {
  for (const file of list) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.text);
  }
}

function commit(root: string, author: string, date: string) {
  execFileSync('git', ['add', '-A'], { cwd: root });
  execFileSync(
    'git',
    [
      '-c',
      `user.name=${author}`,
      '-c',
      'user.email=a@example.invalid',
      'commit',
      '-q',
      '--date',
      date,
      '-m',
      author,
    ],
    { cwd: root },
  );
}

const read = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');
const feedLinks = (html: string) =>
  scanTags(html)
    .filter((tag) => tag.name === 'link' && tag.attributes['type'] === 'application/atom+xml')
    .map((tag) => tag.attributes['href']);

describe('assessment history and feeds in a built site', () => {
  const scratch: string[] = [];
  let withGit: string;
  let withoutGit: string;
  let commits: string[];

  beforeAll(async () => {
    const repo = mkdtempSync(join(tmpdir(), 'pict-site-history-'));
    const plain = mkdtempSync(join(tmpdir(), 'pict-site-plain-'));
    scratch.push(repo, plain);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    writeFiles(
      repo,
      files('untriaged', {
        zh: undefined,
        pendingTranslation: 'pendingTranslation: [zh]',
        en: 'en:\n  title: Second item\n  summary: Upstream text.',
      }),
    );
    commit(repo, 'Importer', '2026-01-01T00:00:00Z');
    writeFiles(repo, files('watch'));
    commit(repo, 'Alice Liu', '2026-01-02T00:00:00Z');
    writeFiles(repo, files('attention'));
    commit(repo, 'Bob Wang', '2026-01-03T00:00:00Z');
    commits = execFileSync('git', ['log', '--reverse', '--format=%H'], {
      cwd: repo,
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    writeFiles(plain, files('attention'));
    withGit = join(TMP, 'test-dist', `history-git-${process.pid}`);
    withoutGit = join(TMP, 'test-dist', `history-plain-${process.pid}`);
    for (const [contentRoot, outDir] of [
      [repo, withGit],
      [plain, withoutGit],
    ] as const) {
      const result = await runBuild({ name: 'history', contentRoot }, outDir);
      if (result.code !== 0) throw new Error(`build failed:\n${result.output}`);
    }
  }, 600_000);

  afterAll(() => {
    for (const dir of [...scratch, withGit, withoutGit])
      rmSync(dir, { recursive: true, force: true });
  });

  test('the item page says when it was last assessed and lists the earlier verdicts', () => {
    const html = read(withGit, `en/items/${ID}/index.html`);
    const history =
      /<section[^>]*aria-labelledby="history"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(history).toContain('Last assessed 2026-01-03 by Bob Wang.');
    const earlier = [...history.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) =>
      (match[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(earlier).toEqual([
      '2026-01-02 Watch Alice Liu',
      '2026-01-01 Untriaged Importer (added)',
    ]);
    expect(read(withGit, `zh/items/${ID}/index.html`)).toContain(
      '最近一次评估：2026-01-03，Bob Wang。',
    );
  });

  test('the release page lists what was recently assessed, newest first', () => {
    const html = read(withGit, 'en/releases/kubernetes-1.7/index.html');
    const recent =
      /<section[^>]*aria-labelledby="recently-assessed"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const items = [...recent.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((match) =>
      (match[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(items).toEqual([
      '2026-01-03 Needs attention Second item Bob Wang',
      '2026-01-02 Watch Second item Alice Liu',
      '2026-01-01 No impact Local volumes fail to unmount Importer',
    ]);
  });

  test.each(['en/feed.xml', 'zh/feed.xml', 'en/teams/ops/feed.xml', 'zh/teams/ops/feed.xml'])(
    '%s is valid Atom with absolute links',
    (path) => {
      const xml = read(withGit, path);
      expect(atomProblems(xml)).toEqual([]);
      const feed = parseXml(xml);
      const self = childrenNamed(feed, 'link').find((link) => link.attributes['rel'] === 'self');
      expect(self?.attributes['href']).toBe(`${SITE}/${path}`);
    },
  );

  test('the language feed lists the assessments with ids made from note and commit', () => {
    const feed = parseXml(read(withGit, 'en/feed.xml'));
    const entries = childrenNamed(feed, 'entry').map((entry) => ({
      id: childrenNamed(entry, 'id')[0]?.text,
      title: childrenNamed(entry, 'title')[0]?.text,
      updated: childrenNamed(entry, 'updated')[0]?.text,
      href: childrenNamed(entry, 'link')[0]?.attributes['href'],
    }));
    expect(entries.slice(0, 2)).toEqual([
      {
        id: entryIdOf({ id: ID, commit: commits[2] ?? '' }, 'en'),
        title: 'Second item: Watch → Needs attention',
        updated: '2026-01-03T00:00:00.000Z',
        href: `${SITE}/en/items/${ID}/`,
      },
      {
        id: entryIdOf({ id: ID, commit: commits[1] ?? '' }, 'en'),
        title: 'Second item: Untriaged → Watch',
        updated: '2026-01-02T00:00:00.000Z',
        href: `${SITE}/en/items/${ID}/`,
      },
    ]);
  });

  test('the team feed also lists the item entering its queue', () => {
    const feed = parseXml(read(withGit, 'en/teams/ops/feed.xml'));
    const titles = childrenNamed(feed, 'entry').map(
      (entry) => childrenNamed(entry, 'title')[0]?.text,
    );
    expect(titles).toContain('Second item: entered the untriaged queue');
  });

  test('pages link their feeds', () => {
    expect(feedLinks(read(withGit, 'en/index.html'))).toEqual(['/en/feed.xml']);
    expect(feedLinks(read(withGit, 'zh/teams/ops/index.html'))).toEqual([
      '/zh/feed.xml',
      '/zh/teams/ops/feed.xml',
    ]);
  });

  test('without git the build succeeds and shows no history; feeds are valid and empty', () => {
    expect(read(withoutGit, `en/items/${ID}/index.html`)).not.toContain(
      'aria-labelledby="history"',
    );
    expect(read(withoutGit, 'en/releases/kubernetes-1.7/index.html')).not.toContain(
      'recently-assessed',
    );
    const xml = read(withoutGit, 'en/feed.xml');
    expect(atomProblems(xml)).toEqual([]);
    expect(childrenNamed(parseXml(xml), 'entry')).toEqual([]);
  });
});
