import { describe, expect, test } from 'vitest';
import { componentModel, componentsIndexModel } from '../../src/models/component.ts';
import { homeModel } from '../../src/models/home.ts';
import { impactIndexModel, impactModel } from '../../src/models/impact.ts';
import { itemModel } from '../../src/models/item.ts';
import { notFoundModel } from '../../src/models/not-found.ts';
import { checklistModel, queueModel, releaseModel } from '../../src/models/release.ts';
import { pageHead, type NavSection, type PageHead } from '../../src/models/site.ts';
import { teamModel, teamsIndexModel } from '../../src/models/team.ts';
import { upgradeModel, upgradesIndexModel } from '../../src/models/upgrade.ts';
import { siteOf } from './project.ts';

const site = siteOf(undefined, { base: '/pict-notes/' });

describe('pageHead', () => {
  test('describes a page by its title unless given a description', () => {
    expect(pageHead('en', 'en/x/', 'X')).toEqual({
      lang: 'en',
      path: 'en/x/',
      title: 'X',
      description: 'X',
    });
    expect(pageHead('zh', 'zh/x/', 'X', { description: 'About X', section: 'teams' })).toEqual({
      lang: 'zh',
      path: 'zh/x/',
      title: 'X',
      description: 'About X',
      section: 'teams',
    });
  });
});

/** A page kind's expected head: its navigation entry (none for items and not-found pages), path, search. */
type ExpectedHead = Omit<Partial<PageHead>, 'section'> & { section: NavSection | undefined };

describe.each<[string, () => PageHead, ExpectedHead]>([
  ['home', () => homeModel(site, 'en').head, { path: 'en/', section: 'home' }],
  [
    'release',
    () => releaseModel(site, 'kubernetes-1.8', 'en').head,
    { path: 'en/releases/kubernetes-1.8/', title: 'Kubernetes 1.8', section: 'home' },
  ],
  [
    'checklist',
    () => checklistModel(site, 'kubernetes-1.8', 'zh').head,
    { lang: 'zh', path: 'zh/releases/kubernetes-1.8/checklist/', section: 'home' },
  ],
  [
    'untriaged queue',
    () => queueModel(site, 'kubernetes-1.7', 'en').head,
    { path: 'en/releases/kubernetes-1.7/untriaged/', section: 'home', searchable: false },
  ],
  [
    'item',
    () => itemModel(site, 'k8s-1.7-taints-alpha', 'zh').head,
    { lang: 'zh', path: 'zh/items/k8s-1.7-taints-alpha/', section: undefined },
  ],
  [
    'team',
    () => teamModel(site, 'ops', 'en').head,
    { path: 'en/teams/ops/', title: 'Ops', section: 'teams' },
  ],
  ['teams index', () => teamsIndexModel(site, 'en').head, { path: 'en/teams/', section: 'teams' }],
  [
    'component',
    () => componentModel(site, 'kubelet', 'en').head,
    { path: 'en/components/kubelet/', section: 'components' },
  ],
  [
    'components index',
    () => componentsIndexModel(site, 'en').head,
    { path: 'en/components/', section: 'components' },
  ],
  [
    'impact',
    () => impactModel(site, 'none', 'en').head,
    { path: 'en/impact/none/', section: 'impact' },
  ],
  [
    'impact index',
    () => impactIndexModel(site, 'en').head,
    { path: 'en/impact/', section: 'impact' },
  ],
  [
    'upgrade path',
    () => upgradeModel(site, 'kubernetes-1.7', 'kubernetes-1.8', 'en').head,
    { path: 'en/upgrade/kubernetes-1.7/kubernetes-1.8/', section: 'upgrade', searchable: false },
  ],
  [
    'upgrade index',
    () => upgradesIndexModel(site, 'en').head,
    { path: 'en/upgrade/', section: 'upgrade' },
  ],
  [
    'not found',
    () => notFoundModel('en', '/pict-notes/', site.releases).head,
    { path: 'en/404/', section: undefined, searchable: false },
  ],
])('the %s page’s head', (_kind, headOf, expected) => {
  test('is in the page’s language, at its path, titled and described in plain text', () => {
    const { section, ...rest } = expected;
    const head = headOf();
    expect(head).toMatchObject({ lang: 'en', ...rest });
    expect(head.section).toBe(section);
    expect(head.title).not.toBe('');
    expect(head.description).not.toMatch(/[*`[\]<>]/);
  });
});
