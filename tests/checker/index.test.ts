import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/checker/problems.ts';
import { loadProject, resolveRedirect, type SourceFile } from '../../src/checker/index.ts';
import { YamlCache } from '../../src/incremental/yaml-cache.ts';
import { minimalProject, validNote, withFile } from '../fixtures/minimal-project.ts';

const NOTE = 'notes/kubernetes-1.7/local-volume-unmount.md';

function problemsOf(files = minimalProject()): string[] {
  return loadProject(files).problems.map(formatProblem);
}

function withNote(overrides: Record<string, string | undefined>): string[] {
  return problemsOf(withFile(minimalProject(), NOTE, validNote(overrides)));
}

describe('loadProject', () => {
  test('returns the cleaned project and no problems when everything is valid', () => {
    const { project, problems } = loadProject(minimalProject());
    expect(problems).toEqual([]);
    expect(project.notes).toHaveLength(1);
    const note = project.notes[0]?.data;
    expect(note).toMatchObject({
      id: 'k8s-1.7-local-volume-unmount',
      release: 'kubernetes-1.7',
      alsoIn: [],
      tickets: [],
      pendingTranslation: [],
      upstream: [
        {
          kind: 'issue',
          url: 'https://github.com/kubernetes/kubernetes/issues/48331',
          label: '#48331',
        },
      ],
    });
    expect(note?.status).toBeUndefined();
    expect(project.releases[0]?.releaseDate).toEqual(new Date('2017-06-29T00:00:00Z'));
    expect(project.teams.map((team) => team.id)).toEqual(['ops']);
  });

  test('defaults the follow-up status to open when the impact calls for work', () => {
    const { project } = loadProject(
      withFile(
        minimalProject(),
        NOTE,
        validNote({ impact: 'impact: attention', reason: undefined }),
      ),
    );
    expect(project.notes[0]?.data.status).toBe('open');
  });

  test('reports a YAML syntax error with its line', () => {
    expect(withNote({ teams: 'teams: [ops' })).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:8 teams — found a YAML syntax error (Flow sequence in block collection must be sufficiently indented and end with a ]), expected valid YAML frontmatter",
      ]
    `);
  });

  test('reports one YAML mistake as one line naming its YAML key, and no ledger error besides', () => {
    const mistakes = {
      'an unclosed flow list': { teams: 'teams: [ops' },
      'an unclosed quote': { zh: 'zh:\n  title: "本地卷\n  summary: 摘要' },
      'a colon inside a plain value': { reason: 'reason: not-used: really' },
      'a tab as indentation': { en: 'en:\n\ttitle: Local volumes' },
      'a key written twice': { components: 'teams: [ops]' },
    };
    expect(
      Object.fromEntries(Object.entries(mistakes).map(([name, lines]) => [name, withNote(lines)])),
    ).toMatchInlineSnapshot(`
      {
        "a colon inside a plain value": [
          "notes/kubernetes-1.7/local-volume-unmount.md:6 reason — found a YAML syntax error (Nested mappings are not allowed in compact mappings), expected valid YAML frontmatter",
        ],
        "a key written twice": [
          "notes/kubernetes-1.7/local-volume-unmount.md:8 teams — found a YAML syntax error (Map keys must be unique), expected valid YAML frontmatter",
        ],
        "a tab as indentation": [
          "notes/kubernetes-1.7/local-volume-unmount.md:15 en — found a YAML syntax error (Tabs are not allowed as indentation), expected valid YAML frontmatter",
        ],
        "an unclosed flow list": [
          "notes/kubernetes-1.7/local-volume-unmount.md:8 teams — found a YAML syntax error (Flow sequence in block collection must be sufficiently indented and end with a ]), expected valid YAML frontmatter",
        ],
        "an unclosed quote": [
          "notes/kubernetes-1.7/local-volume-unmount.md:17 zh.title — found a YAML syntax error (Missing closing "quote), expected valid YAML frontmatter",
        ],
      }
    `);
  });

  test('reports a byte-order mark as such, not as a missing frontmatter', () => {
    expect(problemsOf(withFile(minimalProject(), NOTE, `\uFEFF${validNote()}`)))
      .toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:1 - — found a byte-order mark (U+FEFF) before the frontmatter, expected the file to start with --- (remove the byte-order mark: save it as UTF-8 without BOM)",
      ]
    `);
  });

  test('requires an action of an action-required note, and checks its fields', () => {
    const actionRequired = { impact: 'impact: action-required', reason: undefined };
    expect(withNote(actionRequired)).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:2 action — found nothing, expected an action { when: before-upgrade | during-upgrade | after-upgrade, zh: …, en: … }, since the impact is action-required",
      ]
    `);
    expect(withNote({ ...actionRequired, action: 'action:\n  when: someday\n  zh: 升级前处理。' }))
      .toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:17 action.en — found nothing, expected non-empty text",
        "notes/kubernetes-1.7/local-volume-unmount.md:18 action.when — found "someday", expected one of before-upgrade, during-upgrade, after-upgrade",
      ]
    `);
    expect(
      withNote({
        ...actionRequired,
        action: 'action:\n  when: before-upgrade\n  zh: 升级前处理。\n  en: Act before upgrading.',
      }),
    ).toEqual([]);
  });

  test('accepts an action on a note of another impact', () => {
    expect(
      withNote({
        action: 'action:\n  when: after-upgrade\n  zh: 升级后检查。\n  en: Check after upgrading.',
      }),
    ).toEqual([]);
  });

  test('requires triaging teams of every area, and keeps the general area out of notes', () => {
    const files = withFile(
      minimalProject(),
      'data/areas.yaml',
      'general:\n  name: { zh: 通用, en: General }\n  teams: []\nstorage:\n  name: { zh: 存储, en: Storage }\n',
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "data/areas.yaml:3 general.teams — found an empty list, expected at least one team that triages the area (ids from data/teams.yaml)",
        "data/areas.yaml:4 storage.teams — found nothing, expected a list of the teams that triage the area (ids from data/teams.yaml)",
      ]
    `);
    const general = withFile(
      withFile(
        minimalProject(),
        'data/areas.yaml',
        'general:\n  name: { zh: 通用, en: General }\n  teams: [ops]\nstorage:\n  name: { zh: 存储, en: Storage }\n  teams: [ops]\n',
      ),
      NOTE,
      validNote({ area: 'area: general' }),
    );
    expect(problemsOf(general)).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:4 area — found "general", expected no area field for an item upstream files under no sub-heading ("general" in data/areas.yaml only names its triaging teams)",
      ]
    `);
  });

  test('reports an empty file and a file without frontmatter', () => {
    const files = withFile(
      withFile(minimalProject(), NOTE, ''),
      'notes/kubernetes-1.7/plain.md',
      '# just prose\n',
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:1 - — found an empty file, expected a note: YAML frontmatter between --- lines",
        "notes/kubernetes-1.7/plain.md:1 - — found no frontmatter, expected the note to start with YAML frontmatter between --- lines",
      ]
    `);
  });

  test('reports missing required fields, wrong types and unknown enum values', () => {
    expect(
      withNote({
        section: undefined,
        impact: 'impact: maybe',
        teams: 'teams: ops',
        maturity: 'maturity: 1',
      }),
    ).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:2 section — found nothing, expected one of major-themes, action-required, known-issues, deprecations, notable-features, other-notable-changes",
        "notes/kubernetes-1.7/local-volume-unmount.md:4 impact — found "maybe", expected one of action-required, attention, investigate, watch, none, untriaged",
        "notes/kubernetes-1.7/local-volume-unmount.md:6 teams — found "ops", expected a list",
        "notes/kubernetes-1.7/local-volume-unmount.md:17 maturity — found 1, expected one of alpha, beta, ga, deprecated, removed",
      ]
    `);
  });

  test('reports an unknown key with the closest known one', () => {
    expect(withNote({ impact: 'impcat: none' })).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:2 impact — found nothing, expected one of action-required, attention, investigate, watch, none, untriaged",
        "notes/kubernetes-1.7/local-volume-unmount.md:5 impcat — found an unknown field, expected a known field (did you mean "impact"?)",
      ]
    `);
  });

  test('reports an unknown key inside a language block', () => {
    expect(withNote({ en: 'en:\n  title: T\n  summary: S\n  assesment: A' }))
      .toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:14 en.assessment — found nothing, expected an assessment, since the note is triaged",
        "notes/kubernetes-1.7/local-volume-unmount.md:17 en.assesment — found an unknown field, expected a known field (did you mean "assessment"?)",
      ]
    `);
  });

  test('reports references to a missing team, component and area', () => {
    expect(
      withNote({
        area: 'area: storag',
        teams: 'teams: [ops, dev]',
        components: 'components: [kubelett]',
      }),
    ).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:4 area — found "storag", expected an area defined in data/areas.yaml (storage)",
        "notes/kubernetes-1.7/local-volume-unmount.md:7 teams[1] — found "dev", expected a team defined in data/teams.yaml (ops)",
        "notes/kubernetes-1.7/local-volume-unmount.md:8 components[0] — found "kubelett", expected a component defined in data/components.yaml (kubelet)",
      ]
    `);
  });

  test('reports two remarks stating different verdicts for the same area', () => {
    const release = minimalProject()[0]!;
    const conflicting = [
      '  - section: other-notable-changes',
      '    area: storage',
      '    impact: attention',
      '    text: { zh: 需要关注。, en: Needs attention. }',
      '',
    ].join('\n');
    const files = withFile(minimalProject(), release.path, release.text + conflicting);
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "data/releases/kubernetes-1.7.yaml:15 remarks[1].impact — found "attention", expected the verdict remarks[0] states for the same section and area ("none"), or no impact",
      ]
    `);
  });

  test('reports an area whose triaging team does not exist', () => {
    const files = withFile(
      minimalProject(),
      'data/areas.yaml',
      'storage:\n  name: { zh: 存储, en: Storage }\n  teams: [ops, storage-team]\n',
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "data/areas.yaml:3 storage.teams[1] — found "storage-team", expected a team defined in data/teams.yaml (ops)",
      ]
    `);
  });

  test('reports a note in the folder of a release that does not exist', () => {
    const files = withFile(
      withFile(minimalProject(), NOTE, undefined),
      'notes/kubernetes-9.9/x.md',
      validNote(),
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-9.9/x.md:2 release — found "kubernetes-9.9", expected a release defined in data/releases/ (kubernetes-1.7)",
      ]
    `);
  });

  test('reports a release field that disagrees with the folder', () => {
    expect(withNote({ release: 'release: kubernetes-1.8' })).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:18 release — found "kubernetes-1.8", expected "kubernetes-1.7" (the folder the note is in) or no release field",
      ]
    `);
  });

  test('reports an id without the release prefix', () => {
    const files = withFile(
      minimalProject(),
      'notes/ids.json',
      '{ "ids": ["k8s-1.7-local-volume-unmount", "k8s-1.8-local-volume-unmount"] , "redirects": { "k8s-1.7-local-volume-unmount": "k8s-1.8-local-volume-unmount" } }',
    );
    expect(problemsOf(withFile(files, NOTE, validNote({ id: 'id: k8s-1.8-local-volume-unmount' }))))
      .toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:2 id — found "k8s-1.8-local-volume-unmount", expected an id starting with "k8s-1.7-" (the idPrefix of kubernetes-1.7)",
      ]
    `);
  });

  test('reports an id that is not URL-safe', () => {
    expect(withNote({ id: 'id: K8s 1.7/Local' })).toMatchInlineSnapshot(`
      [
        "notes/ids.json:2 ids[0] — found "k8s-1.7-local-volume-unmount", which no note has any more, expected a note with this id, or a redirect "k8s-1.7-local-volume-unmount": "<successor id>" in redirects (or "<release id>" in releaseRedirects)",
        "notes/kubernetes-1.7/local-volume-unmount.md:2 id — found "K8s 1.7/Local", expected a lowercase URL-safe id (a-z, 0-9, "-", ".")",
      ]
    `);
  });

  test('reports follows and supersedes that point at no other note', () => {
    expect(
      withNote({
        follows: 'follows: [k8s-1.6-gone]',
        supersedes: 'supersedes: [k8s-1.7-local-volume-unmount]',
      }),
    ).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:18 follows[0] — found "k8s-1.6-gone", expected the id of another note",
        "notes/kubernetes-1.7/local-volume-unmount.md:19 supersedes[0] — found "k8s-1.7-local-volume-unmount", expected the id of another note",
      ]
    `);
  });

  test('reports duplicate ids across files', () => {
    const files = withFile(minimalProject(), 'notes/kubernetes-1.7/copy.md', validNote());
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/copy.md:2 id — found "k8s-1.7-local-volume-unmount", expected an id no other note uses (notes/kubernetes-1.7/local-volume-unmount.md has it)",
      ]
    `);
  });

  test('reports a missing translation, a missing assessment and a reason without impact none', () => {
    expect(
      withNote({
        impact: 'impact: watch',
        en: undefined,
        zh: 'zh:\n  title: 标题\n  summary: 摘要',
      }),
    ).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:2 en — found nothing, expected English texts (title, summary, assessment), or "en" listed in pendingTranslation",
        "notes/kubernetes-1.7/local-volume-unmount.md:6 reason — found "not-used", expected no reason unless impact is none",
        "notes/kubernetes-1.7/local-volume-unmount.md:10 zh.assessment — found nothing, expected an assessment, since the note is triaged",
      ]
    `);
  });

  test('accepts a pending translation and an untriaged note without assessment', () => {
    expect(
      withNote({
        impact: 'impact: untriaged',
        reason: undefined,
        zh: undefined,
        pending: 'pendingTranslation: [zh]',
        en: 'en:\n  title: Local volumes fail to unmount\n  summary: Upstream text.',
      }),
    ).toEqual([]);
  });

  test('rejects non-http upstream links and malformed ticket keys', () => {
    expect(
      withNote({ upstream: 'upstream: ["javascript:alert(1)"]', tickets: 'tickets: [pict-12]' }),
    ).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:9 upstream[0] — found "javascript:alert(1)", expected an http(s) URL, or { url, kind?, label? }",
        "notes/kubernetes-1.7/local-volume-unmount.md:18 tickets[0] — found "pict-12", expected a tracker key like PICT-1234",
      ]
    `);
  });

  test('reports every problem of several files at once, sorted by file and line', () => {
    let files = withFile(
      minimalProject(),
      'data/teams.yaml',
      'ops:\n  name: { zh: 运维组 }\n  description: { zh: 运维, en: Ops }\n  contact: ""\n',
    );
    files = withFile(
      files,
      'data/components.yaml',
      'kubelet:\n  name: { zh: kubelet, en: kubelet }\n  kind: daemon\n',
    );
    files = withFile(
      files,
      'data/releases/kubernetes-1.7.yaml',
      'product: Kubernetes\nversion: 1.7\nidPrefix: k8s-1.7\nreleaseDate: 29.6.2017\nchangelogUrl: ftp://x\nassessment: { status: done }\n',
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "data/components.yaml:3 kubelet.kind — found "daemon", expected one of control-plane, node, controller, cli, addon, network, storage, api, tooling, cloud",
        "data/releases/kubernetes-1.7.yaml:2 version — found 1.7, expected a quoted version string like "1.7"",
        "data/releases/kubernetes-1.7.yaml:4 releaseDate — found "29.6.2017", expected a date written YYYY-MM-DD",
        "data/releases/kubernetes-1.7.yaml:5 changelogUrl — found "ftp://x", expected an http(s) URL",
        "data/releases/kubernetes-1.7.yaml:6 assessment.status — found "done", expected one of not-started, in-progress, complete",
        "data/teams.yaml:2 ops.name.en — found nothing, expected non-empty text",
        "data/teams.yaml:4 ops.contact — found "", expected non-empty text",
      ]
    `);
  });

  test('reports a missing data file and a stray file under notes/', () => {
    const files = withFile(
      withFile(minimalProject(), 'data/areas.yaml', undefined),
      'notes/kubernetes-1.7/draft.txt',
      'x',
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "data/areas.yaml:1 - — found no file, expected the upstream areas, keyed by id",
        "notes/kubernetes-1.7/draft.txt:1 - — found a file that is not a note, expected only .md or .mdx notes (and notes/ids.json) under notes/",
      ]
    `);
  });

  test('reports a duplicate key in a data file', () => {
    const files = withFile(
      minimalProject(),
      'data/areas.yaml',
      'storage:\n  name: { zh: 存储, en: Storage }\nstorage:\n  name: { zh: 存储, en: Storage }\n',
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "data/areas.yaml:3 storage — found a YAML syntax error (Map keys must be unique), expected valid YAML",
      ]
    `);
  });
});

describe('loadProject with a frontmatter cache from an earlier run', () => {
  const badReferences = withFile(
    minimalProject(),
    NOTE,
    validNote({ teams: 'teams: [ops, dev]', components: 'components: [kubelett]' }),
  );
  const warm = () => {
    const first = new YamlCache();
    loadProject(badReferences, first);
    return new YamlCache(
      new Map(JSON.parse(JSON.stringify([...first.used])) as [string, unknown][]),
    );
  };

  test('returns the same project and the same problems, with their lines', () => {
    expect(loadProject(badReferences, warm()).problems.map(formatProblem)).toEqual(
      problemsOf(badReferences),
    );
    expect(loadProject(minimalProject(), warm()).project).toEqual(
      loadProject(minimalProject()).project,
    );
  });

  test('parses a changed note again instead of using its cached data', () => {
    const changed = withFile(minimalProject(), NOTE, validNote({ teams: 'teams: [ops]' }));
    expect(loadProject(changed, warm()).problems).toEqual([]);
  });
});

describe('loadProject note digests', () => {
  const digestOf = (files: SourceFile[]) => loadProject(files).project.notes[0]?.digest;
  const original = digestOf(minimalProject());

  test.each([
    ['its text changes', withFile(minimalProject(), NOTE, `${validNote()}\nA body.\n`)],
    [
      'it moves to another file',
      minimalProject().map((file) =>
        file.path === NOTE ? { ...file, path: NOTE.replace('.md', '.mdx') } : file,
      ),
    ],
  ])('changes when %s', (_, files) => {
    expect(digestOf(files)).toMatch(/^[\w-]{20,}$/);
    expect(digestOf(files)).not.toBe(original);
  });

  test('stays the same for the same file', () => {
    expect(digestOf(minimalProject())).toBe(original);
  });
});

describe('loadProject id ledger', () => {
  test('reports a note whose id is not recorded in the ledger', () => {
    const files = withFile(minimalProject(), 'notes/ids.json', '{ "ids": [], "redirects": {} }');
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:2 id — found "k8s-1.7-local-volume-unmount", which notes/ids.json does not list, expected every id recorded in notes/ids.json (run npm run ids)",
      ]
    `);
  });

  test('reports a published id that disappeared without a redirect', () => {
    const files = withFile(
      minimalProject(),
      'notes/ids.json',
      '{\n  "ids": ["k8s-1.7-gone", "k8s-1.7-local-volume-unmount"],\n  "redirects": {}\n}',
    );
    expect(problemsOf(files)).toMatchInlineSnapshot(`
      [
        "notes/ids.json:2 ids[0] — found "k8s-1.7-gone", which no note has any more, expected a note with this id, or a redirect "k8s-1.7-gone": "<successor id>" in redirects (or "<release id>" in releaseRedirects)",
      ]
    `);
  });

  test('accepts a retired id that redirects to an existing note, and rejects one that redirects nowhere', () => {
    const good = withFile(
      minimalProject(),
      'notes/ids.json',
      '{ "ids": ["k8s-1.7-gone", "k8s-1.7-local-volume-unmount"], "redirects": { "k8s-1.7-gone": "k8s-1.7-local-volume-unmount" } }',
    );
    expect(problemsOf(good)).toEqual([]);
    const bad = withFile(
      minimalProject(),
      'notes/ids.json',
      '{ "ids": ["k8s-1.7-gone", "k8s-1.7-local-volume-unmount"], "redirects": { "k8s-1.7-gone": "k8s-1.7-nowhere" } }',
    );
    expect(problemsOf(bad)).toMatchInlineSnapshot(`
      [
        "notes/ids.json:1 redirects.k8s-1.7-gone — found "k8s-1.7-nowhere", expected the id of an existing note (directly or through further redirects, without a loop)",
      ]
    `);
  });
});

describe('loadProject id ledger: retired ids leading to a release page', () => {
  const ledger = (releaseRedirects: string, redirects = '{}') =>
    withFile(
      minimalProject(),
      'notes/ids.json',
      `{ "ids": ["k8s-1.7-major-themes-x", "k8s-1.7-local-volume-unmount"], "redirects": ${redirects}, "releaseRedirects": ${releaseRedirects} }`,
    );

  test('accepts a retired id redirected to an existing release', () => {
    expect(problemsOf(ledger('{ "k8s-1.7-major-themes-x": "kubernetes-1.7" }'))).toEqual([]);
  });

  test.each([
    [
      'an unknown release',
      ledger('{ "k8s-1.7-major-themes-x": "kubernetes-9.9" }'),
      'notes/ids.json:1 releaseRedirects.k8s-1.7-major-themes-x — found "kubernetes-9.9", expected the id of a release in data/releases/ (kubernetes-1.7)',
    ],
    [
      'an id a note still has',
      ledger(
        '{ "k8s-1.7-major-themes-x": "kubernetes-1.7", "k8s-1.7-local-volume-unmount": "kubernetes-1.7" }',
      ),
      'notes/ids.json:1 releaseRedirects.k8s-1.7-local-volume-unmount — found a redirect from "k8s-1.7-local-volume-unmount", which a note still has, expected redirects only from retired ids',
    ],
    [
      'an id also redirected to a note',
      ledger(
        '{ "k8s-1.7-major-themes-x": "kubernetes-1.7" }',
        '{ "k8s-1.7-major-themes-x": "k8s-1.7-local-volume-unmount" }',
      ),
      'notes/ids.json:1 releaseRedirects.k8s-1.7-major-themes-x — found "k8s-1.7-major-themes-x" also in redirects, expected one place for a retired id: a note (redirects) or a release (releaseRedirects)',
    ],
  ])('rejects a redirect to a release from %s', (_, files, problem) => {
    expect(problemsOf(files)).toEqual([problem]);
  });
});

describe('resolveRedirect', () => {
  test.each([
    ['a', { a: 'b', b: 'c' }, 'c'],
    ['x', { a: 'b' }, 'x'],
    ['a', { a: 'b', b: 'a' }, undefined],
  ])('resolves %s through %j to %s', (id, redirects, expected) => {
    expect(resolveRedirect(id, redirects)).toBe(expected);
  });
});
