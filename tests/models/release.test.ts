import { describe, expect, test } from 'vitest';
import {
  checklistModel,
  queueModel,
  releaseModel,
  releasePaths,
} from '../../src/models/release.ts';
import { loadProject } from '../../src/checker/index.ts';
import { formatProblem } from '../../src/checker/problems.ts';
import { RELEASE_1_8, validNote, withFile } from '../fixtures/minimal-project.ts';
import { blockingProject, modelProject, siteOf } from './project.ts';

const site = siteOf();

describe('releaseModel', () => {
  const model = releaseModel(site, 'kubernetes-1.7', 'en');

  test('counts items assessed individually, by area and not at all', () => {
    expect(model.coverage).toEqual({
      summary: '3 of 4 upstream items assessed (75%)',
      total: 4,
      assessed: 3,
      parts: '2 individually, 1 by area verdict, 1 untriaged',
      untriaged: 1,
    });
    expect(model.facts.queue).toBe('/en/releases/kubernetes-1.7/untriaged/');
  });

  test('groups cards by section (document order) and area (data order, then items without one)', () => {
    expect(
      model.sections.map((section) => [
        section.heading,
        section.areas.map((area) => [area.heading, area.cards.map((card) => card.anchor)]),
      ]),
    ).toEqual([
      [
        'Known issues',
        [
          ['Storage', ['k8s-1.7-local-volume-unmount']],
          ['General', ['k8s-1.7-known-untriaged']],
        ],
      ],
      ['Notable features', [['Storage', ['k8s-1.7-taints-alpha']]]],
      ['Other notable changes', [['Storage', ['k8s-1.7-storage-untriaged']]]],
    ]);
    expect(model.sections[2]?.areas[0]?.remarks).toEqual(['Nothing needs direct attention.']);
  });

  test('lists the remarks with the verdict each states and how many items it covers', () => {
    expect(model.remarks).toEqual([
      {
        section: 'Other notable changes',
        area: 'Storage',
        text: 'Nothing needs direct attention.',
        verdict: { impact: 'none', label: 'No impact' },
        covers: 1,
      },
    ]);
  });

  test('charts impact by area, unassigned first', () => {
    expect(
      model.chart.map((row) => [row.label, row.total, row.segments.map((s) => s.title)]),
    ).toEqual([
      ['General', 1, ['Untriaged: 1']],
      ['Storage', 3, ['Needs attention: 1', 'No impact: 2']],
    ]);
  });

  test('keys the page by the notes it lists', () => {
    const keys = (files = modelProject()) =>
      new Map(
        releasePaths(siteOf(files), 'release').map((path) => [path.params.release, path.cacheKey]),
      );
    const before = keys();
    const after = keys(
      withFile(
        modelProject(),
        'notes/kubernetes-1.7/local-volume-unmount.md',
        validNote({ reason: 'reason: irrelevant' }),
      ),
    );
    expect(after.get('kubernetes-1.7')).not.toBe(before.get('kubernetes-1.7'));
    expect(after.get('kubernetes-1.8')).toBe(before.get('kubernetes-1.8'));
    expect(before.get('kubernetes-1.7')).toBe(model.cacheKey);
  });
});

describe('queueModel', () => {
  test('lists only what nobody has assessed, by area, with the teams that triage it', () => {
    const site = siteOf(
      withFile(
        modelProject(),
        'notes/kubernetes-1.7/storage-untriaged.md',
        validNote({
          id: 'id: k8s-1.7-storage-untriaged',
          section: 'section: known-issues',
          impact: 'impact: untriaged',
          reason: undefined,
          teams: undefined,
          components: undefined,
        }),
      ),
    );
    const model = queueModel(site, 'kubernetes-1.7', 'en');
    expect(
      model.areas.map((area) => [
        `${area.heading} (${area.count})`,
        area.teams,
        area.cards.map((card) => [card.id, card.filters['data-teams']]),
      ]),
    ).toEqual([
      ['General (1)', [], [['k8s-1.7-known-untriaged', '']]],
      [
        'Storage (1)',
        [{ href: '/en/teams/ops/', label: 'Ops' }],
        [['k8s-1.7-storage-untriaged', 'ops']],
      ],
    ]);
    expect(model.filters.filters.map((filter) => [filter.param, filter.options.length])).toEqual([
      ['impact', 0],
      ['team', 1],
      ['component', 0],
      ['maturity', 0],
      ['section', 1],
    ]);
  });
});

describe('checklistModel', () => {
  test('lists every item above "no impact" with its follow-up status', () => {
    const model = checklistModel(site, 'kubernetes-1.7', 'zh');
    expect(model.blocking.items).toEqual([]);
    expect(model.groups).toEqual([
      {
        id: 'no-action',
        heading: '未记录操作',
        rows: [
          {
            id: 'k8s-1.7-taints-alpha',
            done: false,
            href: '/zh/items/k8s-1.7-taints-alpha/',
            title: '污点 `alpha`',
            titleLang: undefined,
            impact: { impact: 'attention', label: '需要关注' },
            teams: '运维组',
            status: '待处理',
            action: '需要关注。',
          },
        ],
      },
    ]);
    expect(checklistModel(site, 'kubernetes-1.7', 'en').untriaged).toBe(
      '1 item of this release is not yet assessed.',
    );
  });

  describe('with untriaged items upstream marks action-required', () => {
    const blockingSite = siteOf(blockingProject());

    test('lists them first as blocking — not yet assessed, with the team that must triage each', () => {
      const { blocking } = checklistModel(blockingSite, 'kubernetes-1.8', 'en');
      expect(blocking).toMatchInlineSnapshot(`
        {
          "heading": "Blocking — not yet assessed (2)",
          "intro": "Upstream marks these items action required, but nobody at PICT has assessed them yet. Each blocks the upgrade until the team that triages it sets its verdict.",
          "items": [
            {
              "href": "/en/items/k8s-1.8-flag-removed/",
              "id": "k8s-1.8-flag-removed",
              "label": "blocking — not yet assessed",
              "noTeams": undefined,
              "release": "Kubernetes 1.8",
              "teams": [
                {
                  "href": "/en/teams/ops/",
                  "label": "Ops",
                },
              ],
              "title": {
                "lang": undefined,
                "text": "Flag removed",
              },
              "triagedBy": "To triage",
            },
            {
              "href": "/en/items/k8s-1.8-swap/",
              "id": "k8s-1.8-swap",
              "label": "blocking — not yet assessed",
              "noTeams": undefined,
              "release": "Kubernetes 1.8",
              "teams": [
                {
                  "href": "/en/teams/platform/",
                  "label": "Platform",
                },
              ],
              "title": {
                "lang": undefined,
                "text": "Kubelet fails with swap on",
              },
              "triagedBy": "To triage",
            },
          ],
        }
      `);
    });

    test('groups the assessed items by when their action is done, and prints what to do', () => {
      const { groups } = checklistModel(blockingSite, 'kubernetes-1.8', 'zh');
      expect(groups.map((group) => [group.heading, group.rows.map((row) => [row.id, row.action])]))
        .toMatchInlineSnapshot(`
        [
          [
            "升级前",
            [
              [
                "k8s-1.8-taints-removed",
                "升级前迁移污点注解。",
              ],
            ],
          ],
          [
            "升级后",
            [
              [
                "k8s-1.8-metrics",
                "升级后检查指标。",
              ],
            ],
          ],
        ]
      `);
    });

    test('has a cache key that changes when a blocking item changes', () => {
      const files = blockingProject();
      const edited = files.map((file) =>
        file.path === 'notes/kubernetes-1.8/swap.md'
          ? { ...file, text: file.text.replace('Kubelet fails', 'The kubelet fails') }
          : file,
      );
      expect(checklistModel(siteOf(edited), 'kubernetes-1.8', 'en').cacheKey).not.toBe(
        checklistModel(blockingSite, 'kubernetes-1.8', 'en').cacheKey,
      );
    });

    test('never shows the release as assessed while an item is untriaged', () => {
      const complete = blockingProject().map((file) =>
        file.path === 'data/releases/kubernetes-1.8.yaml'
          ? { ...file, text: file.text.replace('status: in-progress', 'status: complete') }
          : file,
      );
      const model = releaseModel(siteOf(complete), 'kubernetes-1.8', 'en');
      expect([model.facts.status, model.coverage.summary]).toMatchInlineSnapshot(`
        [
          "Assessment in progress",
          "2 of 5 upstream items assessed (40%)",
        ]
      `);
    });
  });
});

describe('release themes', () => {
  const themes = [
    'themes:',
    '  - zh: 安全性提升。',
    '    en: Security enhancements.',
    '  - zh: SIG Apps 将工作负载 API 迁移到 apps/v1beta2。',
    '    en: SIG Apps moved the workloads API to apps/v1beta2.',
    '    translated: [zh]',
    '  - en: SIG Node focused on workload types.',
    '    pendingTranslation: [zh]',
    '',
  ].join('\n');
  const files = withFile(
    modelProject(),
    'data/releases/kubernetes-1.8.yaml',
    `${RELEASE_1_8}${themes}`,
  );
  const themed = siteOf(files);

  test('shows each theme in the page’s language, a pending one in the other with its lang', () => {
    expect(releaseModel(themed, 'kubernetes-1.8', 'zh').themes).toEqual([
      { text: '安全性提升。' },
      { text: 'SIG Apps 将工作负载 API 迁移到 apps/v1beta2。' },
      { text: 'SIG Node focused on workload types.', lang: 'en' },
    ]);
    expect(releaseModel(themed, 'kubernetes-1.8', 'en').themes.map((theme) => theme.lang)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  test('says in small print which texts are translations and which are not yet translated', () => {
    expect(releaseModel(themed, 'kubernetes-1.8', 'zh').themesNotes).toEqual([
      '译自上游发布说明。',
      '尚未翻译：显示英文原文。',
    ]);
    expect(releaseModel(themed, 'kubernetes-1.8', 'en').themesNotes).toEqual([]);
    expect(releaseModel(themed, 'kubernetes-1.8', 'en').toc[0]).toEqual({
      href: '#themes',
      label: 'Highlights of this release',
    });
  });

  test('a theme pending translation is a problem once the release is marked translated', () => {
    const complete = withFile(
      files,
      'data/releases/kubernetes-1.8.yaml',
      `${RELEASE_1_8}translationComplete: true\n${themes}`,
    );
    expect(loadProject(complete).problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^data\/releases\/kubernetes-1\.8\.yaml:\d+ themes\[2\]\.pendingTranslation — .*texts in both languages, since the release sets translationComplete$/,
      ),
    ]);
  });
});
