import { describe, expect, test } from 'vitest';
import { noteCard } from '../../src/models/card.ts';
import { componentModel, componentsIndexModel } from '../../src/models/component.ts';
import { homeModel } from '../../src/models/home.ts';
import { impactIndexModel, impactModel } from '../../src/models/impact.ts';
import type { ReleaseCountsModel } from '../../src/models/lists.ts';
import { teamModel, teamPaths, teamsIndexModel } from '../../src/models/team.ts';
import { siteOf } from './project.ts';

const site = siteOf(undefined, { base: '/pict-notes/' });
/** A release-counts table as `[release, total, [impact, count, href]…]` rows. */
const counted = (model: ReleaseCountsModel) =>
  model.rows.map((row) => [
    row.release.label,
    row.total.count,
    row.cells.flatMap((cell, index) =>
      cell ? [[model.impacts[index]?.impact, cell.count, cell.href]] : [],
    ),
  ]);

describe('noteCard', () => {
  test('resolves texts, badges, filter attributes and facts in the page language', () => {
    const note = site.noteById.get('k8s-1.7-taints-alpha');
    if (!note) throw new Error('fixture');
    expect(noteCard(site, note, 'zh', { anchor: true, acrossReleases: true }))
      .toMatchInlineSnapshot(`
        {
          "anchor": "k8s-1.7-taints-alpha",
          "assessment": {
            "lang": undefined,
            "text": "需要关注。",
          },
          "badges": [
            {
              "kind": "maturity",
              "label": "Beta",
            },
            {
              "kind": "status",
              "label": "待处理",
            },
          ],
          "filters": {
            "data-components": "kubelet",
            "data-impact": "attention",
            "data-maturity": "beta",
            "data-section": "notable-features",
            "data-teams": "ops",
          },
          "href": "/pict-notes/zh/items/k8s-1.7-taints-alpha/",
          "id": "k8s-1.7-taints-alpha",
          "impact": {
            "impact": "attention",
            "label": "需要关注",
          },
          "meta": [
            "Kubernetes 1.7",
            "团队: 运维组",
            "组件: kubelet",
          ],
          "title": {
            "lang": undefined,
            "text": "污点 \`alpha\`",
          },
        }
      `);
  });

  test('shows the release only on pages spanning releases, and a queue its waiting teams', () => {
    const note = site.noteById.get('k8s-1.7-local-volume-unmount');
    if (!note) throw new Error('fixture');
    const card = noteCard(site, note, 'en', { filterValues: { team: [] } });
    expect(card.meta).toEqual(['PICT does not use it', 'Teams: Ops', 'Components: kubelet']);
    expect(card.filters['data-teams']).toBe('');
    expect(card.anchor).toBeUndefined();
  });
});

describe('teamModel', () => {
  const model = teamModel(site, 'ops', 'en');

  test('starts with what waits for the team: open follow-ups and its queues', () => {
    expect(model.waitingHeading).toBe('Waiting for Ops');
    expect(model.open.map((card) => card.id)).toEqual([
      'k8s-1.8-taints-removed',
      'k8s-1.7-taints-alpha',
    ]);
    expect(model.untriaged).toEqual([]);
  });

  test('then counts its notes per release (newest first) and impact, linking to the filtered release page', () => {
    expect(counted(model.counts)).toEqual([
      [
        'Kubernetes 1.8',
        1,
        [
          [
            'action-required',
            1,
            '/pict-notes/en/releases/kubernetes-1.8/?team=ops&impact=action-required',
          ],
        ],
      ],
      [
        'Kubernetes 1.7',
        2,
        [
          ['attention', 1, '/pict-notes/en/releases/kubernetes-1.7/?team=ops&impact=attention'],
          ['none', 1, '/pict-notes/en/releases/kubernetes-1.7/?team=ops&impact=none'],
        ],
      ],
    ]);
    expect(model.counts.rows[1]?.total.href).toBe(
      '/pict-notes/en/releases/kubernetes-1.7/?team=ops',
    );
  });

  test('links the queue filtered to the team where its areas have untriaged items', () => {
    const queue = siteOf(undefined, { base: '/pict-notes/' });
    const note = queue.noteById.get('k8s-1.7-known-untriaged');
    if (!note) throw new Error('fixture');
    (queue.notesWaitingByTeam.get('ops') ?? []).push(note);
    expect(teamModel(queue, 'ops', 'en').untriaged).toEqual([
      {
        queue: {
          href: '/pict-notes/en/releases/kubernetes-1.7/untriaged/?team=ops',
          label: 'Kubernetes 1.7',
        },
        count: '1 untriaged item in its areas',
      },
    ]);
  });

  test('is keyed by the notes it shows', () => {
    expect(teamPaths(site).map((path) => path.cacheKey)).toEqual([model.cacheKey, model.cacheKey]);
  });

  test('the index counts each team’s items and open follow-ups', () => {
    expect(teamsIndexModel(site, 'en').teams).toEqual([
      {
        link: { href: '/pict-notes/en/teams/ops/', label: 'Ops' },
        description: 'Operations',
        counts: '3 items · Open: 2',
      },
    ]);
  });
});

describe('component and impact pages', () => {
  test('a component page lists the notes affecting it', () => {
    const model = componentModel(site, 'kubelet', 'zh');
    expect(model.intro).toBe('影响 kubelet 的条目');
    expect(model.open.map((card) => card.id)).toEqual([
      'k8s-1.8-taints-removed',
      'k8s-1.7-taints-alpha',
    ]);
    expect(counted(model.counts).map(([release, total]) => [release, total])).toEqual([
      ['Kubernetes 1.8', 1],
      ['Kubernetes 1.7', 2],
    ]);
    expect(componentsIndexModel(site, 'en').rows).toEqual([
      { link: { href: '/pict-notes/en/components/kubelet/', label: 'kubelet' }, count: 3 },
    ]);
  });

  test('an impact page counts its level per release, linking to the release page filtered to it', () => {
    const model = impactModel(site, 'none', 'en');
    expect(model.heading).toBe('No impact: items across all releases');
    expect(model.counts.rows).toEqual([
      {
        release: {
          href: '/pict-notes/en/releases/kubernetes-1.7/?impact=none',
          label: 'Kubernetes 1.7',
        },
        total: { count: 2, href: '/pict-notes/en/releases/kubernetes-1.7/?impact=none' },
        cells: [{ count: 2, href: '/pict-notes/en/releases/kubernetes-1.7/?impact=none' }],
      },
    ]);
    expect(impactModel(site, 'untriaged', 'en').counts.rows[0]?.total.href).toBe(
      '/pict-notes/en/releases/kubernetes-1.7/untriaged/',
    );
    expect(impactIndexModel(site, 'en').rows.map((row) => [row.badge.impact, row.count])).toEqual([
      ['action-required', 1],
      ['attention', 1],
      ['investigate', 0],
      ['watch', 0],
      ['none', 2],
      ['untriaged', 1],
    ]);
  });
});

describe('homeModel', () => {
  const model = homeModel(site, 'en');

  test('shows in full the releases being assessed, and the others one line each', () => {
    expect(model.releases.map((release) => release.link.label)).toEqual(['Kubernetes 1.8']);
    expect(model.older).toEqual([
      {
        link: { href: '/pict-notes/en/releases/kubernetes-1.7/', label: 'Kubernetes 1.7' },
        facts: 'Assessed · 4 items',
      },
    ]);
  });

  test('shows a release with its counts, coverage and checklist (the newest when all are assessed)', () => {
    const release17 = site.releaseById.get('kubernetes-1.7');
    if (!release17) throw new Error('fixture');
    expect(homeModel({ ...site, releases: [release17] }, 'en').releases[0]).toEqual({
      link: { href: '/pict-notes/en/releases/kubernetes-1.7/', label: 'Kubernetes 1.7' },
      // Its data file says complete, but one item is still untriaged.
      facts: 'Released June 29, 2017 · Assessment in progress · 4 items',
      counts: [
        {
          href: '/pict-notes/en/releases/kubernetes-1.7/?impact=attention',
          badge: { impact: 'attention', label: 'Needs attention' },
          count: 1,
        },
        {
          href: '/pict-notes/en/releases/kubernetes-1.7/?impact=none',
          badge: { impact: 'none', label: 'No impact' },
          count: 2,
        },
        {
          href: '/pict-notes/en/releases/kubernetes-1.7/?impact=untriaged',
          badge: { impact: 'untriaged', label: 'Untriaged' },
          count: 1,
        },
      ],
      coverage: {
        href: '/pict-notes/en/releases/kubernetes-1.7/untriaged/',
        label: '75% assessed · 1 untriaged',
      },
      checklist: '/pict-notes/en/releases/kubernetes-1.7/checklist/',
    });
  });

  test('lists the open action and attention items of the releases being assessed, with their release', () => {
    expect(model.needsAction.map((card) => [card.id, card.meta[0]])).toEqual([
      ['k8s-1.8-taints-removed', 'Kubernetes 1.8'],
    ]);
  });
});
