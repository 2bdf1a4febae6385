import { t } from '../i18n/index.ts';
import { IMPACTS, type Impact } from '../lib/impact.ts';
import { langItemPaths } from '../lib/paths.ts';
import { toImpactPath, withBase } from '../lib/urls.ts';
import type { Lang } from '../schemas/fields.ts';
import { impactBadge, type ImpactBadgeModel } from './card.ts';
import { releaseCounts, type ReleaseCountsModel } from './lists.ts';
import { pageHead, pageKey, pageModel, type PageModel, type Site } from './site.ts';

function impactInputs(site: Site, impact: Impact) {
  const notes = site.notesByImpact.get(impact) ?? [];
  return { notes, cacheKey: pageKey(site, ['impact', impact], notes) };
}

/** `getStaticPaths` of the impact-level pages, keyed by the notes each lists. */
export function impactPaths(site: Site) {
  return langItemPaths(
    IMPACTS,
    'impact',
    (impact) => impact,
    (impact) => impactInputs(site, impact).cacheKey,
  );
}

/** Everything an impact-level page shows: how many notes have the level in each release. */
export interface ImpactModel extends PageModel {
  name: string;
  badge: ImpactBadgeModel;
  heading: string;
  help: string;
  /** Per release, how many items have the level, linking to the release page filtered to it. */
  counts: ReleaseCountsModel;
}

/** The model of an impact-level page in `lang`. */
export function impactModel(site: Site, impact: Impact, lang: Lang): ImpactModel {
  const { notes, cacheKey } = impactInputs(site, impact);
  const name = t(lang, `impact.${impact}`);
  return {
    ...pageModel(lang, toImpactPath(lang, impact), cacheKey, name, {
      description: t(lang, 'impact.description', { name, count: notes.length }),
      section: 'impact',
    }),
    name,
    badge: impactBadge(impact, lang),
    heading: t(lang, 'impact.items', { name }),
    help: t(lang, `impact.${impact}.help`),
    counts: releaseCounts(site, notes, lang, { impact }),
  };
}

/** The impact index: each level, its meaning and how many notes have it. */
export function impactIndexModel(site: Site, lang: Lang) {
  return {
    head: pageHead(lang, `${lang}/impact/`, t(lang, 'impact.title'), {
      description: t(lang, 'meta.impact'),
      section: 'impact',
    }),
    rows: IMPACTS.map((impact) => ({
      href: withBase(site.options.base, toImpactPath(lang, impact)),
      badge: impactBadge(impact, lang),
      help: t(lang, `impact.${impact}.help`),
      count: site.notesByImpact.get(impact)?.length ?? 0,
    })),
  };
}
