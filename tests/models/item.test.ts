import { describe, expect, test } from 'vitest';
import { itemKey, itemModel, itemPaths } from '../../src/models/item.ts';
import {
  redirectModel,
  redirectPaths,
  shortLinkModel,
  shortLinkPaths,
} from '../../src/models/redirect.ts';
import { validNote, withFile } from '../fixtures/minimal-project.ts';
import { modelProject, siteOf } from './project.ts';

describe('itemModel', () => {
  const site = siteOf(modelProject(), { base: '/pict-notes/' });

  test('resolves everything the page shows in its language, links under the base path', () => {
    const model = itemModel(site, 'k8s-1.7-taints-alpha', 'en');
    expect({ ...model, cacheKey: '…', neighbours: model.neighbours.map((card) => card.id) })
      .toMatchInlineSnapshot(`
        {
          "action": undefined,
          "actions": {
            "editUrl": "https://git.example/notes/edit/main/notes/kubernetes-1.7/taints-alpha.md",
            "permalink": "/pict-notes/i/k8s-1.7-taints-alpha/",
            "reference": "k8s-1.7-taints-alpha — Taints \`alpha\`",
          },
          "assessment": {
            "kind": "own",
            "text": {
              "lang": undefined,
              "text": "Look at it.",
            },
          },
          "badges": [
            {
              "kind": "maturity",
              "label": "Beta",
            },
            {
              "kind": "status",
              "label": "Open",
            },
          ],
          "cacheKey": "…",
          "context": {
            "area": "Storage",
            "release": {
              "href": "/pict-notes/en/releases/kubernetes-1.7/#k8s-1.7-taints-alpha",
              "label": "Kubernetes 1.7",
            },
            "section": "Notable features",
          },
          "detail": undefined,
          "facts": [
            {
              "as": "code",
              "label": "ID",
              "text": "k8s-1.7-taints-alpha",
            },
            {
              "as": "impact",
              "badge": {
                "impact": "attention",
                "label": "Needs attention",
              },
              "detail": undefined,
              "label": "Impact",
            },
            {
              "as": "text",
              "label": "Assessed",
              "text": "individually",
            },
            {
              "as": "links",
              "empty": "",
              "label": "Waiting for",
              "links": [
                {
                  "href": "/pict-notes/en/teams/ops/",
                  "label": "Ops",
                },
              ],
            },
            {
              "as": "links",
              "empty": "None",
              "label": "Teams",
              "links": [
                {
                  "href": "/pict-notes/en/teams/ops/",
                  "label": "Ops",
                },
              ],
            },
            {
              "as": "links",
              "empty": "None",
              "label": "Components",
              "links": [
                {
                  "href": "/pict-notes/en/components/kubelet/",
                  "label": "kubelet",
                },
              ],
            },
            {
              "as": "links",
              "empty": "None",
              "label": "Upstream",
              "links": [
                {
                  "href": "https://github.com/kubernetes/kubernetes/issues/48331",
                  "label": "#48331",
                },
              ],
            },
            {
              "as": "links",
              "empty": "None",
              "label": "Tickets",
              "links": [
                {
                  "href": "https://tracker.example/browse/PICT-7",
                  "label": "PICT-7",
                },
              ],
            },
            {
              "as": "text",
              "label": "Follow-up",
              "text": "Open",
            },
          ],
          "head": {
            "description": "Look at it.",
            "lang": "en",
            "path": "en/items/k8s-1.7-taints-alpha/",
            "title": "Taints \`alpha\`",
          },
          "id": "k8s-1.7-taints-alpha",
          "impact": {
            "impact": "attention",
            "label": "Needs attention",
          },
          "lang": "en",
          "linked": [
            {
              "href": "/pict-notes/en/items/k8s-1.8-taints-removed/",
              "id": "k8s-1.8-taints-removed",
              "impact": {
                "impact": "action-required",
                "label": "Action required",
              },
              "label": "Followed by",
              "release": "Kubernetes 1.8",
              "title": "Taint annotations removed",
            },
          ],
          "neighbours": [
            "k8s-1.7-local-volume-unmount",
            "k8s-1.7-storage-untriaged",
          ],
          "notTranslated": undefined,
          "owners": [
            {
              "href": "/pict-notes/en/teams/ops/",
              "label": "Ops",
            },
          ],
          "path": "en/items/k8s-1.7-taints-alpha/",
          "search": {
            "filters": [
              "release:Kubernetes 1.7",
              "impact:Needs attention",
              "team:Ops",
              "component:kubelet",
              "maturity:Beta",
              "section:Notable features",
              "area:Storage",
            ],
            "meta": [
              "id:k8s-1.7-taints-alpha",
              "release:Kubernetes 1.7",
              "impact:Needs attention",
              "keys:k8s-1.7-taints-alpha 48331 PICT-7",
              "topics:kubelet Storage",
            ],
          },
          "sequence": {
            "next": {
              "href": "/pict-notes/en/items/k8s-1.7-storage-untriaged/",
              "label": "Storage change",
            },
            "previous": {
              "href": "/pict-notes/en/items/k8s-1.7-known-untriaged/",
              "label": "A known issue",
            },
          },
          "summary": {
            "lang": undefined,
            "text": "Taints, tolerations.",
          },
          "title": {
            "lang": undefined,
            "text": "Taints \`alpha\`",
          },
          "translated": {},
        }
      `);
  });

  test('falls back to the written language, says so, and keeps commas out of search filter values', () => {
    const model = itemModel(site, 'k8s-1.7-storage-untriaged', 'zh');
    expect(model.title).toEqual({ text: 'Storage change', lang: 'en' });
    expect(model.notTranslated).toBe('尚未翻译：显示英文原文。');
    const commas = siteOf(
      withFile(
        modelProject(),
        'data/teams.yaml',
        'ops:\n  name: { zh: 运维组, en: "Ops, on call" }\n  description: { zh: 运维, en: Operations }\n',
      ),
    );
    expect(itemModel(commas, 'k8s-1.7-taints-alpha', 'en').search.filters).toContain(
      'team:Ops， on call',
    );
    expect(itemModel(commas, 'k8s-1.7-taints-alpha', 'zh').search.filters).toContain('team:运维组');
  });

  test('quotes the area verdict an untriaged note takes, and says when nobody assessed it', () => {
    expect(itemModel(site, 'k8s-1.7-storage-untriaged', 'en').assessment).toEqual({
      kind: 'area',
      intro:
        'Not assessed on its own: it takes the verdict of the release remark on Other notable changes · Storage:',
      verdict: {
        href: '/pict-notes/en/releases/kubernetes-1.7/#remarks',
        label: 'Nothing needs direct attention.',
      },
    });
    expect(itemModel(site, 'k8s-1.7-storage-untriaged', 'en').impact.label).toBe(
      'No impact · by area',
    );
    expect(itemModel(site, 'k8s-1.7-known-untriaged', 'en').assessment).toEqual({
      kind: 'untriaged',
      text: 'Nobody has assessed it yet.',
    });
  });

  test.each([
    ['k8s-1.7-taints-alpha', undefined],
    ['k8s-1.7-storage-untriaged', 'assessedBy:area'],
    ['k8s-1.7-known-untriaged', 'assessedBy:nobody'],
  ])(
    '%s carries the search group filter %s (notes assessed on their own carry none)',
    (id, group) => {
      const filters = itemModel(site, id, 'en').search.filters;
      expect(filters.filter((filter) => filter.startsWith('assessedBy:'))).toEqual(
        group ? [group] : [],
      );
    },
  );

  test('shows upstream detail and says in small print which texts are translated, linking the original', () => {
    const translated = siteOf(
      withFile(
        modelProject(),
        'notes/kubernetes-1.7/local-volume-unmount.md',
        validNote({
          zh: 'zh:\n  title: 本地卷的unmount问题\n  summary: 本地卷路径无法卸载。\n  detail: 上游细节。\n  assessment: PICT还未使用本特性。\n  translated: [title, summary, detail]',
          en: 'en:\n  title: Local volumes fail to unmount\n  summary: Local volume paths fail to unmount.\n  detail: Upstream detail.\n  assessment: PICT does not use it.',
        }),
      ),
      { base: '/pict-notes/' },
    );
    const zh = itemModel(translated, 'k8s-1.7-local-volume-unmount', 'zh');
    expect(zh.detail).toEqual({ text: '上游细节。', lang: undefined });
    expect(zh.translated).toEqual({
      summary: {
        text: '译自上游原文。原文：',
        original: [
          { href: '/pict-notes/en/items/k8s-1.7-local-volume-unmount/', label: '英文页面' },
          { href: 'https://github.com/kubernetes/kubernetes/issues/48331', label: '#48331' },
        ],
      },
      detail: zh.translated.summary,
    });
    const en = itemModel(translated, 'k8s-1.7-local-volume-unmount', 'en');
    expect(en.detail?.text).toBe('Upstream detail.');
    expect(en.translated).toEqual({});
  });

  test('shows the action first: when, and what to do in the page’s language', () => {
    expect(itemModel(site, 'k8s-1.8-taints-removed', 'zh').action).toMatchInlineSnapshot(`
      {
        "heading": "需要进行的操作",
        "text": "升级前迁移污点注解。",
        "when": "升级前",
      }
    `);
    expect(itemModel(site, 'k8s-1.8-taints-removed', 'en').action?.text).toBe(
      'Move taint annotations before upgrading.',
    );
  });

  test('shows the reason of "no impact" next to the impact', () => {
    const impact = itemModel(site, 'k8s-1.7-local-volume-unmount', 'en').facts[1];
    expect(impact).toMatchObject({ as: 'impact', detail: 'PICT does not use it' });
  });
});

describe('item cache keys', () => {
  const files = modelProject();
  const key = (id: string, changed = files) => itemKey(siteOf(changed), id);
  const edit = (path: string, text: string) => withFile(files, path, text);

  test('are shared by both languages and carried by the model', () => {
    const site = siteOf(files);
    const paths = itemPaths(site).filter((path) => path.params.id === 'k8s-1.7-taints-alpha');
    expect(paths.map((path) => path.params.lang)).toEqual(['zh', 'en']);
    expect(new Set(paths.map((path) => path.cacheKey))).toEqual(
      new Set([itemModel(site, 'k8s-1.7-taints-alpha', 'en').cacheKey]),
    );
  });

  test('change with the note, a neighbour, a linked note and shared data', () => {
    const before = key('k8s-1.7-taints-alpha');
    const neighbour = edit(
      'notes/kubernetes-1.7/local-volume-unmount.md',
      validNote({ reason: 'reason: irrelevant' }),
    );
    const linked = edit(
      'notes/kubernetes-1.8/taints-removed.md',
      (
        files.find((file) => file.path === 'notes/kubernetes-1.8/taints-removed.md')?.text ?? ''
      ).replace('Act before upgrading.', 'Act before upgrading!'),
    );
    const teams = edit(
      'data/teams.yaml',
      'ops:\n  name: { zh: 运维组, en: Operations }\n  description: { zh: 运维, en: Operations }\n',
    );
    for (const changed of [neighbour, linked, teams]) {
      expect(key('k8s-1.7-taints-alpha', changed)).not.toBe(before);
    }
  });

  test('stay when a note the page does not show changes', () => {
    const other = edit(
      'notes/kubernetes-1.8/taints-removed.md',
      (
        files.find((file) => file.path === 'notes/kubernetes-1.8/taints-removed.md')?.text ?? ''
      ).replace('Act before upgrading.', 'Act before upgrading!'),
    );
    expect(key('k8s-1.7-known-untriaged', other)).toBe(key('k8s-1.7-known-untriaged'));
  });
});

describe('redirects', () => {
  const site = siteOf(modelProject(), { base: '/pict-notes/' });

  test("a retired id's item page sends the reader to its successor's, in the page's language", () => {
    expect(redirectPaths(site).map((path) => path.params)).toEqual([
      { lang: 'zh', id: 'k8s-1.7-old-name' },
      { lang: 'en', id: 'k8s-1.7-old-name' },
    ]);
    expect(redirectModel(site, 'k8s-1.7-taints-alpha', 'en')).toEqual({
      htmlLang: 'en',
      title: 'Redirecting…',
      target: '/pict-notes/en/items/k8s-1.7-taints-alpha/',
      body: 'This item has moved. Continue to',
      label: 'k8s-1.7-taints-alpha',
      cacheKey: 'redirect:k8s-1.7-taints-alpha',
    });
  });

  test('short links exist for every id and retired id, and offer both languages', () => {
    expect(shortLinkPaths(site).map((path) => [path.params.id, path.props.target])).toEqual([
      ['k8s-1.8-taints-removed', 'k8s-1.8-taints-removed'],
      ['k8s-1.7-taints-alpha', 'k8s-1.7-taints-alpha'],
      ['k8s-1.7-local-volume-unmount', 'k8s-1.7-local-volume-unmount'],
      ['k8s-1.7-storage-untriaged', 'k8s-1.7-storage-untriaged'],
      ['k8s-1.7-known-untriaged', 'k8s-1.7-known-untriaged'],
      ['k8s-1.7-old-name', 'k8s-1.7-taints-alpha'],
    ]);
    expect(shortLinkModel(site, 'k8s-1.7-taints-alpha')).toMatchObject({
      zh: '/pict-notes/zh/items/k8s-1.7-taints-alpha/',
      en: '/pict-notes/en/items/k8s-1.7-taints-alpha/',
      noindex: true,
      script: '/pict-notes/lang-redirect.js',
    });
  });
});

describe('an id retired into a release page', () => {
  const ledger = modelProject().find((file) => file.path === 'notes/ids.json')?.text ?? '{}';
  const IDS_OF_MODEL_PROJECT = (JSON.parse(ledger) as { ids: string[] }).ids;
  const files = withFile(
    modelProject(),
    'notes/ids.json',
    JSON.stringify({
      ids: [...IDS_OF_MODEL_PROJECT, 'k8s-1.8-major-themes-x'],
      redirects: { 'k8s-1.7-old-name': 'k8s-1.7-taints-alpha' },
      releaseRedirects: { 'k8s-1.8-major-themes-x': 'kubernetes-1.8' },
    }),
  );
  const site = siteOf(files, { base: '/pict-notes/' });

  test('its item pages send the reader to the release page in the page’s language', () => {
    expect(redirectPaths(site).map((path) => [path.params, path.props.target])).toEqual([
      [{ lang: 'zh', id: 'k8s-1.7-old-name' }, 'k8s-1.7-taints-alpha'],
      [{ lang: 'zh', id: 'k8s-1.8-major-themes-x' }, { release: 'kubernetes-1.8' }],
      [{ lang: 'en', id: 'k8s-1.7-old-name' }, 'k8s-1.7-taints-alpha'],
      [{ lang: 'en', id: 'k8s-1.8-major-themes-x' }, { release: 'kubernetes-1.8' }],
    ]);
    expect(redirectModel(site, { release: 'kubernetes-1.8' }, 'zh')).toEqual({
      htmlLang: 'zh-CN',
      title: '正在跳转…',
      target: '/pict-notes/zh/releases/kubernetes-1.8/',
      body: expect.any(String),
      label: 'Kubernetes 1.8',
      cacheKey: 'redirect:release:kubernetes-1.8:Kubernetes 1.8',
    });
  });

  test('its short link offers the release page in both languages', () => {
    const short = shortLinkPaths(site).find((path) => path.params.id === 'k8s-1.8-major-themes-x');
    expect(short?.props.target).toEqual({ release: 'kubernetes-1.8' });
    expect(shortLinkModel(site, { release: 'kubernetes-1.8' })).toMatchObject({
      zh: '/pict-notes/zh/releases/kubernetes-1.8/',
      en: '/pict-notes/en/releases/kubernetes-1.8/',
      noindex: true,
    });
  });
});
