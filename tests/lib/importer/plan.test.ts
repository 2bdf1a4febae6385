import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { parseChangelog } from '../../../src/lib/importer/changelog.ts';
import { fnv1a, itemId } from '../../../src/lib/importer/ids.ts';
import { normaliseUrl, refKey } from '../../../src/lib/importer/links.ts';
import { planImport, type ImportPlan, type ImportRequest } from '../../../src/lib/importer/plan.ts';
import { formatProblem } from '../../../src/checker/problems.ts';
import { loadProject, type SourceFile } from '../../../src/checker/index.ts';
import { readProjectFiles } from '../../../src/checker/files.ts';
import { SLUG_PATTERN } from '../../../src/schemas/fields.ts';
import { parseYaml, splitFrontmatter } from '../../../src/checker/yaml-source.ts';
import { beforeImport } from '../../support/before-import.ts';
import { KUBERNETES } from '../../support/sites.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/upstream/${name}`, import.meta.url), 'utf8');

/** The fixture site's teams, components and areas, without its releases and notes. */
const repoData = readProjectFiles(KUBERNETES).filter(
  (file) => file.path.startsWith('data/') && !file.path.startsWith('data/releases/'),
);

function releaseFile(id: string, version: string, idPrefix: string): SourceFile {
  return {
    path: `data/releases/${id}.yaml`,
    text: [
      'product: Kubernetes',
      `version: "${version}"`,
      `idPrefix: ${idPrefix}`,
      'releaseDate: 2017-09-28',
      `changelogUrl: https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-${version}.md`,
      'assessment:',
      '  status: not-started',
      '',
    ].join('\n'),
  };
}

/** A project with the repository's data, the given releases, no notes and an empty ledger. */
function freshProject(...releases: SourceFile[]): SourceFile[] {
  return [
    ...repoData,
    ...releases,
    { path: 'notes/ids.json', text: '{\n  "ids": [],\n  "redirects": {}\n}\n' },
  ];
}

const R18 = releaseFile('kubernetes-1.8', '1.8', 'k8s-1.8');
const R119 = releaseFile('kubernetes-1.19', '1.19', 'k8s-1.19');
const R127 = releaseFile('kubernetes-1.27', '1.27', 'k8s-1.27');
const R91 = releaseFile('test-9.1', '9.1', 't-9.1');

function plan(request: ImportRequest, files: readonly SourceFile[]): ImportPlan {
  const result = planImport(request, files);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

function request(file: string, release: string, extra: Partial<ImportRequest> = {}): ImportRequest {
  return { source: { name: file, text: fixture(file) }, release, ...extra };
}

function applied(files: readonly SourceFile[], writes: readonly SourceFile[]): SourceFile[] {
  const written = new Set(writes.map((file) => file.path));
  return [...files.filter((file) => !written.has(file.path)), ...writes];
}

function frontmatterOf(text: string): Record<string, unknown> {
  const split = splitFrontmatter(text);
  return (split ? parseYaml(split.yaml, 2).data : {}) as Record<string, unknown>;
}

describe.each([
  ['k8s-v1.7.0-release-notes.md', releaseFile('kubernetes-1.7', '1.7', 'k8s-1.7'), 347, 316],
  ['k8s-v1.8.0-release-notes.md', R18, 160, 148],
  ['release-notes-1.19.0.json', R119, 388, 388],
  ['release-notes-1.27.0.json', R127, 325, 325],
  ['edge-cases.md', R91, 18, 16],
])('importing %s into an empty release', (file, release, items, notes) => {
  const id = release.path.replace(/^data\/releases\/|\.yaml$/g, '');
  const files = freshProject(release);
  const result = plan(request(file, id), files);

  test('creates one note per item but the major themes, items of one PR or change sharing one', () => {
    expect(result.items).toHaveLength(items);
    expect(result.notes).toHaveLength(notes);
    expect(result.notes.every((note) => note.status === 'create')).toBe(true);
  });

  test('ids are unique, slugs, start with the prefix; PR items get <prefix>-pr-<n>', () => {
    const prefix = /idPrefix: (\S+)/.exec(release.text)?.[1] ?? '';
    const ids = result.notes.map((note) => note.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const note of result.notes) {
      expect(note.id).toMatch(SLUG_PATTERN);
      expect(note.id.startsWith(`${prefix}-`)).toBe(true);
      const pr = note.items[0]?.prs[0];
      if (pr?.startsWith('https://github.com/kubernetes/kubernetes/pull/')) {
        // A separate change listed beside another item of its PR: the PR's id and its first words.
        expect(note.id).toMatch(new RegExp(`^${prefix}-pr-${pr.split('/').at(-1)}(-[a-z0-9-]+)?$`));
      }
    }
  });

  test('the written notes and ledger pass the checker', () => {
    expect(loadProject(applied(files, result.writes)).problems.map(formatProblem)).toEqual([]);
    expect(result.writes.at(-1)?.path).toBe('notes/ids.json');
    expect(JSON.parse(result.writes.at(-1)?.text ?? '{}').ids).toHaveLength(notes);
  });

  test('each note is untriaged, Chinese pending, with the upstream text verbatim as a block scalar', () => {
    for (const note of result.notes) {
      const text = note.text ?? '';
      const data = frontmatterOf(text);
      expect(data).toMatchObject({
        id: note.id,
        impact: 'untriaged',
        pendingTranslation: ['zh'],
        en: { title: note.title, summary: note.summary },
      });
      expect(text).toMatch(/\n {2}summary: \|/);
      expect(note.title.length).toBeLessThanOrEqual(101);
      expect(note.title).not.toMatch(/\]\(|\n/);
      if (note.items.length === 1) expect(note.summary).toBe(note.items[0]?.text);
    }
  });

  test('actionRequired is set exactly where upstream flags it', () => {
    for (const note of result.notes) {
      const flagged = note.items.some((item) => item.actionRequired);
      expect(frontmatterOf(note.text ?? '')['actionRequired'] === true).toBe(flagged);
    }
  });
});

describe('the edge-case import', () => {
  const files = freshProject(R91);
  const result = plan(request('edge-cases.md', 'test-9.1'), files);
  const note = (id: string) => result.notes.find((candidate) => candidate.id === id);

  test('the same PR listed twice is one note with both texts', () => {
    expect(note('t-9.1-pr-110')?.summary).toBe(
      [
        'Fix ELB listeners ([#110](https://github.com/kubernetes/kubernetes/pull/110), [@frank](https://github.com/frank))',
        'Fix ELB listeners, listed again here ([#110](https://github.com/kubernetes/kubernetes/pull/110), [@frank](https://github.com/frank))',
      ].join('\n\n'),
    );
  });

  test('a note looks like this', () => {
    expect(note('t-9.1-pr-101')?.text).toBe(
      [
        '---',
        '# Imported from edge-cases.md by `npm run import` — untriaged: check the title, assess it, then add the zh texts.',
        '# Upstream: v9.1.0 › action-required › kubectl (CLI) (line 41)',
        'id: t-9.1-pr-101',
        'section: action-required',
        'area: kubectl',
        'impact: untriaged',
        'upstream:',
        '  - https://github.com/kubernetes/kubernetes/pull/101',
        '  - https://github.com/kubernetes/kubernetes/pull/102',
        'authors: [bob]',
        'actionRequired: true',
        'teams: []',
        'components: []',
        'pendingTranslation: [zh]',
        'en:',
        '  title: "`kubectl frob` now needs `--force`"',
        '  summary: |-',
        '    `kubectl frob` now needs `--force`. ([#101](https://github.com/kubernetes/kubernetes/pull/101), [#102](https://github.com/kubernetes/kubernetes/pull/102), [@bob](https://github.com/bob))',
        '---',
        '',
      ].join('\n'),
    );
  });

  test('items without a PR get a section + first words + hash id, stable across runs', () => {
    const id = 't-9.1-deprecations-a-bullet-indented-by-one';
    const deprecation = result.notes.find((candidate) => candidate.section === 'deprecations');
    expect(deprecation?.id).toMatch(new RegExp(`^${id.replace(/\./g, '\\.')}-[0-9a-f]{6}$`));
    expect(deprecation?.id).toBe(`${id}-${fnv1a(deprecation?.summary ?? '').slice(0, 6)}`);
    const again = plan(request('edge-cases.md', 'test-9.1'), files);
    expect(again.notes.map((entry) => entry.id)).toEqual(result.notes.map((entry) => entry.id));
    expect(again.writes).toEqual(result.writes);
  });

  test('an area missing from data/areas.yaml is left out of the note and reported', () => {
    const federatedJobs = result.notes.find((candidate) =>
      candidate.summary.startsWith('Federated Jobs are now supported'),
    );
    expect(federatedJobs).toMatchObject({ unknownArea: 'federated-jobs' });
    expect(frontmatterOf(federatedJobs?.text ?? '')['area']).toBeUndefined();
    expect(result.missingAreas).toEqual([{ id: 'federated-jobs', items: 1 }]);
  });

  test('a heading at the wrong level still names the area, when data/areas.yaml knows it', () => {
    expect(note('t-9.1-pr-105')?.area).toBe('kubefed');
    expect(note('t-9.1-pr-105')).not.toHaveProperty('unknownArea');
    expect(frontmatterOf(note('t-9.1-pr-105')?.text ?? '')['area']).toBe('kubefed');
  });

  test('counts per section: items upstream lists there, notes whose section it is', () => {
    expect(result.counts.map((count) => [count.section, count.items, count.notes])).toEqual([
      ['major-themes', 1, 0],
      ['action-required', 2, 2],
      ['known-issues', 2, 2],
      ['deprecations', 1, 1],
      ['notable-features', 7, 7],
      ['other-notable-changes', 5, 4],
    ]);
  });
});

describe('upstream "Major Themes" become the release’s themes, never notes', () => {
  const files = freshProject(R18);
  const result = plan(request('k8s-v1.8.0-release-notes.md', 'kubernetes-1.8'), files);
  const release = result.writes.find((write) => write.path === 'data/releases/kubernetes-1.8.yaml');
  const loaded = loadProject(applied(files, result.writes));

  test('no note is planned for a major-themes item', () => {
    expect(result.items.filter((item) => item.section === 'major-themes')).toHaveLength(12);
    expect(result.notes.filter((note) => note.section === 'major-themes')).toEqual([]);
    expect(result.notes.some((note) => note.summary.includes('SIG Apps][] focuses'))).toBe(false);
  });

  test('each SIG’s prose is one theme of the release, in English with the Chinese pending', () => {
    expect(result.themes.status).toBe('create');
    const themes = loaded.project.releases.find((entry) => entry.id === 'kubernetes-1.8')?.themes;
    expect(themes).toHaveLength(12);
    expect(themes?.[1]).toEqual({
      en: expect.stringMatching(
        /^SIG Apps focuses on the Kubernetes APIs .* For the 1\.8 release, SIG Apps moved the Kubernetes workloads API .* see Notable Features\. SIG Apps intends to promote this version to GA in a future release\.$/,
      ),
      pendingTranslation: ['zh'],
      translated: [],
    });
    // Link markup and link definitions are gone: the page shows themes as text.
    expect(themes?.some((theme) => /\]\[|\]\(|\]:/.test(theme.en ?? ''))).toBe(false);
  });

  test('the release file keeps its other keys and passes the checker; the ledger comes last', () => {
    expect(release?.text).toMatch(/^product: Kubernetes\nversion: "1\.8"\n/);
    // npm run triage rewrites the file (a remark) with the yaml package's defaults: nothing else moves.
    expect(parseDocument(release?.text ?? '').toString({ lineWidth: 0 })).toBe(release?.text);
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(result.writes.map((write) => write.path).slice(-2)).toEqual([
      'data/releases/kubernetes-1.8.yaml',
      'notes/ids.json',
    ]);
  });

  test('a release that has themes keeps them: nothing is written for the themes', () => {
    const again = plan(
      request('k8s-v1.8.0-release-notes.md', 'kubernetes-1.8'),
      applied(files, result.writes),
    );
    expect(again.themes.status).toBe('kept');
    expect(again.writes).toEqual([]);
  });
});

describe('one upstream change is one note (the real v1.7.0 notes)', () => {
  const result = plan(
    request('k8s-v1.7.0-release-notes.md', 'kubernetes-1.7'),
    freshProject(releaseFile('kubernetes-1.7', '1.7', 'k8s-1.7')),
  );
  const note = (id: string) => result.notes.find((candidate) => candidate.id === id);

  test.each([
    // Both cite kubernetes/features#287.
    [
      'k8s-1.7-pr-44774',
      '[beta] Deployments uses a hashing collision avoidance',
      'Deployments are updated to use (1)',
    ],
    // Both open with "PodDisruptionBudget now uses ControllerRef".
    [
      'k8s-1.7-pr-45003',
      'PodDisruptionBudget now uses [ControllerRef]',
      'PodDisruptionBudget now uses ControllerRef to decide',
    ],
  ])('%s holds the notable-features bullet and its PR bullet', (id, feature, change) => {
    const items = note(id)?.items ?? [];
    expect(items.map((item) => item.section)).toEqual([
      'notable-features',
      'other-notable-changes',
    ]);
    expect([items[0]?.text.startsWith(feature), items[1]?.text.startsWith(change)]).toEqual([
      true,
      true,
    ]);
    expect(note(id)).toMatchObject({
      section: 'notable-features',
      alsoIn: ['other-notable-changes'],
    });
    expect(note(id)?.upstream).toContain(
      `https://github.com/kubernetes/kubernetes/pull/${id.split('-').at(-1)}`,
    );
  });

  test('no other note holds either bullet, and no other pair is merged', () => {
    const holding = (start: string) =>
      result.notes.filter((candidate) =>
        candidate.items.some((item) => item.text.startsWith(start)),
      );
    expect(holding('[beta] Deployments uses a hashing').map((entry) => entry.id)).toEqual([
      'k8s-1.7-pr-44774',
    ]);
    expect(holding('PodDisruptionBudget now uses').map((entry) => entry.id)).toEqual([
      'k8s-1.7-pr-45003',
    ]);
    const acrossSections = result.notes.filter(
      (candidate) =>
        new Set(candidate.items.map((item) => item.section)).size > 1 &&
        candidate.items.some((item) => item.prs.length === 0),
    );
    expect(acrossSections.map((entry) => entry.id).sort()).toEqual([
      'k8s-1.7-pr-44774',
      'k8s-1.7-pr-45003',
    ]);
  });

  test('one PR listed for separate changes side by side is a note per change; the same change written twice stays one', () => {
    const ofPr = (number: number) =>
      result.notes
        .filter((candidate) =>
          candidate.upstream.includes(`https://github.com/kubernetes/kubernetes/pull/${number}`),
        )
        .map((candidate) => [candidate.id, candidate.items.length]);
    expect(ofPr(45523)).toEqual([
      ['k8s-1.7-pr-45523', 1],
      ['k8s-1.7-pr-45523-fix-support-for-multiple-loadbalancersourceranges', 1],
      ['k8s-1.7-pr-45523-support-the-service-specs-sessionaffinity', 1],
    ]);
    // Listed twice in one place with most words in common ("servicecontroller: Fix node selection…").
    for (const number of [43338, 45773, 46473]) {
      expect(ofPr(number)).toEqual([[`k8s-1.7-pr-${number}`, 2]]);
    }
    expect(result.notes.filter((candidate) => /-pr-\d+-/.test(candidate.id)).length).toBe(2);
  });
});

describe('existing notes', () => {
  const base = freshProject(R91);
  const first = plan(request('edge-cases.md', 'test-9.1'), base);
  const imported = applied(base, first.writes);

  test('importing again creates nothing and writes nothing', () => {
    const second = plan(request('edge-cases.md', 'test-9.1'), imported);
    expect(second.writes).toEqual([]);
    expect(second.notes.every((note) => note.status === 'exists')).toBe(true);
    expect(second.notes.map((note) => note.file)).toEqual(first.notes.map((note) => note.file));
  });

  test('an id is found by the frontmatter, whatever the file name', () => {
    const renamed = imported.map((file) =>
      file.path === 'notes/test-9.1/pr-101.md'
        ? { ...file, path: 'notes/test-9.1/kubectl-frob-force.md' }
        : file,
    );
    const again = plan(request('edge-cases.md', 'test-9.1'), renamed);
    expect(again.writes).toEqual([]);
    expect(again.notes.find((note) => note.id === 't-9.1-pr-101')?.file).toBe(
      'notes/test-9.1/kubectl-frob-force.md',
    );
  });

  test('an item whose PR a note of the release cites is already assessed', () => {
    const files = [
      ...base.filter((file) => file.path !== 'notes/ids.json'),
      { path: 'notes/ids.json', text: '{ "ids": ["t-9.1-elb"], "redirects": {} }' },
      {
        path: 'notes/test-9.1/elb.md',
        text: [
          '---',
          'id: t-9.1-elb',
          'section: other-notable-changes',
          'impact: none',
          'reason: not-used',
          'upstream:',
          '  - { url: "https://github.com/kubernetes/kubernetes/pull/110", label: ELB }',
          '  - https://github.com/kubernetes/kubernetes/issues/104#issuecomment-1',
          '  - https://kubernetes.io/docs/concepts/storage/volumes/#local',
          'pendingTranslation: [zh]',
          'en: { title: ELB, summary: ELB., assessment: None. }',
          '---',
          '',
        ].join('\n'),
      },
    ];
    const assessed = plan(request('edge-cases.md', 'test-9.1'), files);
    const status = (id: string) => assessed.notes.find((note) => note.id === id);
    expect(status('t-9.1-pr-110')).toMatchObject({
      status: 'assessed',
      assessedIn: ['notes/test-9.1/elb.md'],
    });
    // Without a PR: matched by an issue, or by another link (docs) the note cites.
    expect(
      assessed.notes
        .filter((note) => note.status === 'assessed')
        .map((note) => note.summary.slice(0, 30)),
    ).toEqual([
      'A known issue whose reference ',
      '[alpha] Local things. See [the',
      'Fix ELB listeners ([#110](http',
    ]);
    expect(loadProject(applied(files, assessed.writes)).problems.map(formatProblem)).toEqual([]);
  });

  test('a file name taken by a note with another id gets a suffix', () => {
    const other = first.writes.find((file) => file.path === 'notes/test-9.1/pr-101.md');
    const files = [
      ...base.filter((file) => file.path !== 'notes/ids.json'),
      { path: 'notes/ids.json', text: '{ "ids": ["t-9.1-frob"], "redirects": {} }' },
      {
        path: 'notes/test-9.1/pr-101.md',
        text: (other?.text ?? '').replace('id: t-9.1-pr-101', 'id: t-9.1-frob'),
      },
    ];
    const result = plan(request('edge-cases.md', 'test-9.1'), files);
    expect(result.notes.find((note) => note.id === 't-9.1-pr-101')).toMatchObject({
      status: 'assessed',
    });
    const renamedFiles = [
      ...files.filter((file) => file.path !== 'notes/test-9.1/pr-101.md'),
      {
        path: 'notes/test-9.1/pr-101.md',
        text: (other?.text ?? '')
          .replace('id: t-9.1-pr-101', 'id: t-9.1-frob')
          .replace(/upstream:\n(?: {2}- .*\n)+/, 'upstream: []\n'),
      },
    ];
    const renamed = plan(request('edge-cases.md', 'test-9.1'), renamedFiles);
    expect(renamed.notes.find((note) => note.id === 't-9.1-pr-101')).toMatchObject({
      status: 'create',
      file: 'notes/test-9.1/pr-101-2.md',
    });
    expect(loadProject(applied(renamedFiles, renamed.writes)).problems.map(formatProblem)).toEqual(
      [],
    );
  });

  test('an id retired in notes/ids.json is not written again', () => {
    const retired = plan(request('edge-cases.md', 'test-9.1'), [
      ...imported.filter(
        (file) => file.path !== 'notes/test-9.1/pr-106.md' && file.path !== 'notes/ids.json',
      ),
      {
        path: 'notes/ids.json',
        text: JSON.stringify({
          ids: [...first.notes.map((note) => note.id)],
          redirects: { 't-9.1-pr-106': 't-9.1-pr-110' },
        }),
      },
    ]);
    expect(retired.writes).toEqual([]);
    expect(retired.notes.find((note) => note.id === 't-9.1-pr-106')?.status).toBe('retired');
  });
});

describe('the 1.7 seed notes', () => {
  // The fixture site as it was before v1.7.0 was imported: the hand-written seed notes only.
  const { files } = beforeImport(readProjectFiles(KUBERNETES), 'k8s-v1.7.0-release-notes.md');
  const result = plan(request('k8s-v1.7.0-release-notes.md', 'kubernetes-1.7'), files);
  const seeds = files.filter((file) => file.path.startsWith('notes/kubernetes-1.7/'));
  const matched = new Set(result.notes.flatMap((note) => note.assessedIn));

  test('every seed note citing a PR, issue or link of a v1.7.0 item counts as already assessed', () => {
    const cited = new Set(
      result.items.flatMap((item) => [
        ...[...item.prs, ...item.issues].flatMap((url) => refKey(url) ?? []),
        ...(item.prs.length === 0 ? item.urls : []),
      ]),
    );
    for (const seed of seeds) {
      const upstream = (frontmatterOf(seed.text)['upstream'] ?? []) as (string | { url: string })[];
      const urls = upstream.map((entry) => (typeof entry === 'string' ? entry : entry.url));
      const citesAnItem = urls.some((url) => cited.has(refKey(url) ?? normaliseUrl(url)));
      expect(matched.has(seed.path), seed.path).toBe(citesAnItem);
    }
    expect(matched.size).toBeGreaterThanOrEqual(40);
  });

  test('matches by PR, by issue and by documentation link', () => {
    const by = (id: string) => result.notes.find((note) => note.id === id)?.assessedIn;
    expect(by('k8s-1.7-pr-46407')).toEqual(['notes/kubernetes-1.7/namespace-deletecollection.md']);
    const unmount = result.notes.find((note) =>
      note.summary.startsWith('Local volume source paths'),
    );
    expect(unmount?.assessedIn).toEqual(['notes/kubernetes-1.7/local-volume-unmount.md']);
    const aggregation = result.notes.find((note) =>
      note.summary.startsWith('[beta] User-provided apiservers can be aggregated'),
    );
    expect(aggregation?.assessedIn).toEqual(['notes/kubernetes-1.7/api-aggregation.md']);
  });

  test('the notes written on top of the seed pass the checker', () => {
    expect(result.writes.length).toBeGreaterThan(200);
    expect(loadProject(applied(files, result.writes)).problems.map(formatProblem)).toEqual([]);
  });
});

describe('choosing release sections', () => {
  const files = freshProject(R18);
  const copy = 'CHANGELOG-1.8.copy-2018-02.md';

  test('without --from: the release’s own vX.Y.0 section only', () => {
    expect(plan(request(copy, 'kubernetes-1.8'), files).versions).toEqual(['v1.8.0']);
  });

  test('--from takes the pre-releases up to vX.Y.0, newest first; the same PR is one note', () => {
    const result = plan(request(copy, 'kubernetes-1.8', { from: 'v1.8.0-alpha.1' }), files);
    expect(result.versions).toEqual([
      'v1.8.0',
      'v1.8.0-rc.1',
      'v1.8.0-beta.1',
      'v1.8.0-alpha.3',
      'v1.8.0-alpha.2',
      'v1.8.0-alpha.1',
    ]);
    const expected = parseChangelog(fixture(copy))
      .filter((release) => /^v1\.8\.0/.test(release.version))
      .reduce((sum, release) => sum + release.items.length, 0);
    expect(result.items).toHaveLength(expected);
    const affinity = result.notes.find((note) => note.id === 'k8s-1.8-pr-47869');
    expect(affinity?.items.map((item) => item.version)).toEqual(['v1.8.0-alpha.2']);
    const audit = result.notes.find((note) => note.id === 'k8s-1.8-pr-48184');
    expect(audit).toMatchObject({ section: 'notable-features', alsoIn: ['other-notable-changes'] });
    expect(loadProject(applied(files, result.writes)).problems.map(formatProblem)).toEqual([]);
  });

  test('--to picks a later end', () => {
    const result = plan(
      request(copy, 'kubernetes-1.8', { from: 'v1.8.0-rc.1', to: 'v1.8.2' }),
      files,
    );
    expect(result.versions).toEqual(['v1.8.2', 'v1.8.1', 'v1.8.0', 'v1.8.0-rc.1']);
  });
});

describe('bad input gives one line and no plan', () => {
  const files = freshProject(R18, R119);
  const error = (req: ImportRequest) => {
    const result = planImport(req, files);
    return result.ok ? 'no error' : result.error;
  };
  const text = (name: string, body: string, extra: Partial<ImportRequest> = {}) =>
    error({ source: { name, text: body }, release: 'kubernetes-1.8', ...extra });

  test('messages', () => {
    expect(error(request('k8s-v1.8.0-release-notes.md', 'kubernetes-1.9'))).toMatchInlineSnapshot(
      `"--release kubernetes-1.9 is not a release in data/releases/ (known: kubernetes-1.19, kubernetes-1.8)"`,
    );
    expect(text('README.md', '# PICT Upgrade Notes\n\nA site.\n')).toMatchInlineSnapshot(
      `"README.md is not a release-notes file: neither a Markdown changelog with "# vX.Y.Z" release headings nor release-notes JSON"`,
    );
    expect(text('notes.json', '[{"pr": 1}]')).toMatchInlineSnapshot(
      `"notes.json has an unknown layout: JSON array, expected an object of release notes keyed by PR number"`,
    );
    expect(text('notes.json', '{"1": {"pr": 1}}')).toMatchInlineSnapshot(
      `"notes.json has an unknown layout: entry "1" is not a release note with pr_number and markdown"`,
    );
    expect(text('broken.json', '{"1": ')).toMatch(/^broken\.json is not valid JSON \(/);
    expect(
      error(request('CHANGELOG-1.8.copy-2018-02.md', 'kubernetes-1.8', { from: 'v1.8.0-alpha.9' })),
    ).toMatchInlineSnapshot(
      `"--from v1.8.0-alpha.9 is not a release section of CHANGELOG-1.8.copy-2018-02.md (it has v1.8.8, v1.8.7, v1.8.6 … v1.8.0-alpha.1, 14 sections)"`,
    );
    expect(
      error(request('CHANGELOG-1.8.copy-2018-02.md', 'kubernetes-1.8', { from: 'latest' })),
    ).toMatchInlineSnapshot(`"--from latest is not a version like v1.8.0 or v1.8.0-alpha.1"`);
    expect(error(request('k8s-v1.7.0-release-notes.md', 'kubernetes-1.8'))).toMatchInlineSnapshot(
      `"k8s-v1.7.0-release-notes.md has no v1.8.0 section for --release kubernetes-1.8 (it has v1.7.0); choose sections with --from and --to"`,
    );
    expect(error(request('release-notes-1.19.0.json', 'kubernetes-1.8'))).toMatchInlineSnapshot(
      `"release-notes-1.19.0.json holds the release notes of 1.19.0, not of --release kubernetes-1.8 (version 1.8)"`,
    );
    const broken = (path: string, body: string) => {
      const result = planImport(request('k8s-v1.8.0-release-notes.md', 'kubernetes-1.8'), [
        ...files.filter((file) => file.path !== path),
        { path, text: body },
      ]);
      return result.ok ? 'no error' : result.error;
    };
    expect(broken('notes/ids.json', '{ "ids": [')).toMatchInlineSnapshot(
      `"notes/ids.json is not a valid id ledger; run npm run check and fix it first"`,
    );
    expect(broken('data/releases/kubernetes-1.8.yaml', 'version: 1.8\n')).toMatchInlineSnapshot(
      `"data/releases/kubernetes-1.8.yaml has problems; run npm run check and fix them first"`,
    );
    expect(
      error(request('release-notes-1.19.0.json', 'kubernetes-1.19', { from: 'v1.19.0' })),
    ).toMatchInlineSnapshot(
      `"--from and --to apply to Markdown changelogs; release-notes-1.19.0.json is JSON"`,
    );
  });
});

describe('ids', () => {
  const [release] = parseChangelog(fixture('edge-cases.md'));
  const items = release?.items ?? [];

  test('a PR outside kubernetes/kubernetes names its repository', () => {
    const foo = items.find((item) => item.text.startsWith('Upgrade Foo'));
    expect(foo && itemId(foo, 't-9.1')).toBe('t-9.1-foo-pr-1');
  });

  test('FNV-1a is the reference function', () => {
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });
});
