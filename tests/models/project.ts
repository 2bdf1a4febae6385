import { expect } from 'vitest';
import { loadProject, type SourceFile } from '../../src/checker/index.ts';
import { buildSite, type Site, type SiteOptions } from '../../src/models/site.ts';
import { minimalProject, RELEASE_1_8, validNote, withFile } from '../fixtures/minimal-project.ts';

const IDS = [
  'k8s-1.7-local-volume-unmount',
  'k8s-1.7-taints-alpha',
  'k8s-1.7-storage-untriaged',
  'k8s-1.7-known-untriaged',
  'k8s-1.8-taints-removed',
  'k8s-1.7-old-name',
];

/**
 * A small project for the page models: two releases; in 1.7 a note with no impact, an open
 * attention item with maturity and a ticket, an untriaged item covered by the storage area's
 * verdict and one nobody has assessed; in 1.8 a note following the 1.7 attention item; a retired id.
 */
export function modelProject(): SourceFile[] {
  let files = minimalProject();
  files = withFile(files, 'data/releases/kubernetes-1.8.yaml', RELEASE_1_8);
  files = withFile(
    files,
    'data/areas.yaml',
    'storage:\n  name: { zh: 存储, en: Storage }\n  teams: [ops]\n',
  );
  files = withFile(
    files,
    'notes/ids.json',
    JSON.stringify({ ids: IDS, redirects: { 'k8s-1.7-old-name': 'k8s-1.7-taints-alpha' } }),
  );
  files = withFile(
    files,
    'notes/kubernetes-1.7/taints-alpha.md',
    validNote({
      id: 'id: k8s-1.7-taints-alpha',
      section: 'section: notable-features',
      impact: 'impact: attention',
      reason: undefined,
      maturity: 'maturity: beta',
      tickets: 'tickets: [PICT-7]',
      zh: 'zh:\n  title: 污点 `alpha`\n  summary: 污点, 容忍。\n  assessment: 需要关注。',
      en: 'en:\n  title: Taints `alpha`\n  summary: Taints, tolerations.\n  assessment: Look at it.',
    }),
  );
  files = withFile(
    files,
    'notes/kubernetes-1.7/storage-untriaged.md',
    validNote({
      id: 'id: k8s-1.7-storage-untriaged',
      section: 'section: other-notable-changes',
      impact: 'impact: untriaged',
      reason: undefined,
      teams: undefined,
      components: undefined,
      zh: undefined,
      pendingTranslation: 'pendingTranslation: [zh]',
      en: 'en:\n  title: Storage change\n  summary: Something in storage.',
    }),
  );
  files = withFile(
    files,
    'notes/kubernetes-1.7/known-untriaged.md',
    validNote({
      id: 'id: k8s-1.7-known-untriaged',
      area: undefined,
      impact: 'impact: untriaged',
      reason: undefined,
      teams: undefined,
      components: undefined,
      zh: 'zh:\n  title: 已知问题\n  summary: 某个已知问题。',
      en: 'en:\n  title: A known issue\n  summary: Some known issue.',
    }),
  );
  files = withFile(
    files,
    'notes/kubernetes-1.8/taints-removed.md',
    validNote({
      id: 'id: k8s-1.8-taints-removed',
      section: 'section: deprecations',
      impact: 'impact: action-required',
      reason: undefined,
      maturity: 'maturity: removed',
      follows: 'follows: [k8s-1.7-taints-alpha]',
      action:
        'action:\n  when: before-upgrade\n  zh: 升级前迁移污点注解。\n  en: Move taint annotations before upgrading.',
      zh: 'zh:\n  title: 污点注解移除\n  summary: 移除。\n  assessment: 升级前处理。',
      en: 'en:\n  title: Taint annotations removed\n  summary: Removed.\n  assessment: Act before upgrading.',
    }),
  );
  return files;
}

/** The site of `files` (the model project by default), which must be valid. */
export function siteOf(
  files: SourceFile[] = modelProject(),
  options: Partial<SiteOptions> = {},
): Site {
  const { project, problems } = loadProject(files);
  expect(problems).toEqual([]);
  return buildSite(project, {
    base: '/',
    trackerUrlPattern: 'https://tracker.example/browse/{key}',
    repositoryUrl: 'https://git.example/notes',
    ...options,
  });
}

/** The project with `notes` added (path → text) and their ids recorded in the ledger. */
export function withNotes(files: SourceFile[], notes: Record<string, string>): SourceFile[] {
  const ledger = JSON.parse(files.find((file) => file.path === 'notes/ids.json')?.text ?? '{}') as {
    ids: string[];
    redirects: Record<string, string>;
  };
  const ids = Object.values(notes).flatMap((text) => /^id: (\S+)$/m.exec(text)?.[1] ?? []);
  let result = withFile(
    files,
    'notes/ids.json',
    JSON.stringify({ ...ledger, ids: [...ledger.ids, ...ids] }),
  );
  for (const [path, text] of Object.entries(notes)) result = withFile(result, path, text);
  return result;
}

/**
 * The model project plus, in 1.8: two untriaged items upstream marks action-required (one flagged,
 * with no area, so the general area's team triages it; one filed under the action-required section
 * of storage), an untriaged item upstream does not flag, and an attention item to do after the
 * upgrade. The general area is triaged by a second team, platform.
 */
export function blockingProject(): SourceFile[] {
  const untriaged = (id: string, title: string, lines: Record<string, string | undefined>) =>
    validNote({
      id: `id: ${id}`,
      impact: 'impact: untriaged',
      reason: undefined,
      teams: undefined,
      components: undefined,
      zh: `zh:\n  title: ${title}\n  summary: ${title}。`,
      en: `en:\n  title: ${title}\n  summary: ${title}.`,
      ...lines,
    });
  let files = withFile(
    modelProject(),
    'data/teams.yaml',
    [
      'ops:\n  name: { zh: 运维组, en: Ops }\n  description: { zh: 运维, en: Operations }',
      'platform:\n  name: { zh: 平台组, en: Platform }\n  description: { zh: 平台, en: Platform }',
      '',
    ].join('\n'),
  );
  files = withFile(
    files,
    'data/areas.yaml',
    [
      'general:\n  name: { zh: 通用, en: General }\n  teams: [platform]',
      'storage:\n  name: { zh: 存储, en: Storage }\n  teams: [ops]',
      '',
    ].join('\n'),
  );
  return withNotes(files, {
    'notes/kubernetes-1.8/swap.md': untriaged('k8s-1.8-swap', 'Kubelet fails with swap on', {
      section: 'section: other-notable-changes',
      area: undefined,
      actionRequired: 'actionRequired: true',
    }),
    'notes/kubernetes-1.8/flag-removed.md': untriaged('k8s-1.8-flag-removed', 'Flag removed', {
      section: 'section: action-required',
    }),
    'notes/kubernetes-1.8/plain.md': untriaged('k8s-1.8-plain', 'Plain change', {
      section: 'section: other-notable-changes',
    }),
    'notes/kubernetes-1.8/metrics.md': validNote({
      id: 'id: k8s-1.8-metrics',
      section: 'section: notable-features',
      impact: 'impact: attention',
      reason: undefined,
      action:
        'action:\n  when: after-upgrade\n  zh: 升级后检查指标。\n  en: Check the metrics after upgrading.',
      zh: 'zh:\n  title: 指标变更\n  summary: 指标。\n  assessment: 关注。',
      en: 'en:\n  title: Metrics changed\n  summary: Metrics.\n  assessment: Look.',
    }),
  });
}
