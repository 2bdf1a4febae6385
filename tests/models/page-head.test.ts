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

// Every page kind's head: its navigation entry (none for items and not-found pages), and whether search indexes it.
describe.each<[string, () => PageHead, NavSection | undefined, boolean]>([
  ['home', () => homeModel(site, 'en').head, 'home', true],
  ['release', () => releaseModel(site, 'kubernetes-1.8', 'en').head, 'home', true],
  ['checklist', () => checklistModel(site, 'kubernetes-1.8', 'en').head, 'home', true],
  ['untriaged queue', () => queueModel(site, 'kubernetes-1.7', 'en').head, 'home', false],
  ['item', () => itemModel(site, 'k8s-1.7-taints-alpha', 'en').head, undefined, true],
  ['team', () => teamModel(site, 'ops', 'en').head, 'teams', true],
  ['teams index', () => teamsIndexModel(site, 'en').head, 'teams', true],
  ['component', () => componentModel(site, 'kubelet', 'en').head, 'components', true],
  ['components index', () => componentsIndexModel(site, 'en').head, 'components', true],
  ['impact', () => impactModel(site, 'none', 'en').head, 'impact', true],
  ['impact index', () => impactIndexModel(site, 'en').head, 'impact', true],
  ['upgrade index', () => upgradesIndexModel(site, 'en').head, 'upgrade', true],
  [
    'upgrade path',
    () => upgradeModel(site, 'kubernetes-1.7', 'kubernetes-1.8', 'en').head,
    'upgrade',
    false,
  ],
  ['not found', () => notFoundModel('en', '/pict-notes/', site.releases).head, undefined, false],
])('the %s page’s head', (_kind, headOf, section, searchable) => {
  test('is under its navigation entry, searched or not, titled and described in plain text', () => {
    const head = headOf();
    expect(head.section).toBe(section);
    expect(head.searchable ?? true).toBe(searchable);
    expect(head.lang).toBe('en');
    expect(head.path).toMatch(/^en\/(.+\/)?$/);
    expect(head.title).not.toBe('');
    expect(head.description).not.toMatch(/[*`[\]<>]/);
  });
});
