import { filterFacets } from '../facets.ts';
import { t } from '../i18n/index.ts';
import { IMPACTS, type Impact } from '../lib/impact.ts';
import {
  inVersionOrder,
  PATH_LISTED_IMPACTS,
  type PathItem,
  type PathStep,
} from '../lib/upgrade.ts';
import {
  toItemPath,
  toQueuePath,
  toReleasePath,
  toUpgradePath,
  toUpgradesPath,
  withBase,
} from '../lib/urls.ts';
import { LANGS, type Lang } from '../schemas/fields.ts';
import {
  actionGroups,
  actionOf,
  blockingItem,
  noteCard,
  shownTexts,
  type ActionModel,
  type BlockingItemModel,
  type Link,
  type NoteCardModel,
} from './card.ts';
import { filterForm, type FilterFormModel } from './lists.ts';
import type { ViewNote } from '../lib/views.ts';
import { pageHead, pageKey, pageModel, type PageModel, type Site, type Upgrade } from './site.ts';

/**
 * The filters of an upgrade path: impact and team (`?team=platform` is one team's path). The other
 * facets' attributes on every card took a path across 19 releases (5,000 notes) past its size bound.
 */
const PATH_FILTERS = new Set(['impact', 'team']);

/** Impact levels an upgrade path counts per release instead of listing. */
const COUNTED = IMPACTS.filter((impact) => !PATH_LISTED_IMPACTS.includes(impact));

function upgradeInputs(
  site: Site,
  from: string,
  to: string,
): { upgrade: Upgrade; cacheKey: string } {
  const upgrade = site.upgrades.find((pair) => pair.from.id === from && pair.to.id === to);
  if (!upgrade) throw new Error(`no upgrade ${from} → ${to}`);
  // Everything the page shows: the listed notes, the earlier notes of their chains, the counts.
  const shown = [
    ...upgrade.listed.flatMap(({ note, earlier }) => [note, ...earlier]),
    ...upgrade.blocking,
  ];
  const chains = upgrade.listed.map(({ earlier }) => earlier.length);
  const counts = upgrade.steps.map((step) => step.byImpact);
  return {
    upgrade,
    cacheKey: pageKey(site, ['upgrade', from, to], shown, [chains, counts]),
  };
}

/** `getStaticPaths` of the upgrade paths in every language, keyed by what each shows. */
export function upgradePaths(site: Site) {
  const keyed = site.upgrades.map((upgrade) => ({
    from: upgrade.from.id,
    to: upgrade.to.id,
    cacheKey: upgradeInputs(site, upgrade.from.id, upgrade.to.id).cacheKey,
  }));
  return LANGS.flatMap((lang) =>
    keyed.map(({ from, to, cacheKey }) => ({
      params: { lang, from, to },
      props: { lang, from, to },
      cacheKey,
    })),
  );
}

/** A listed item of an upgrade path: its card, what to do and when, and the earlier notes of its chain. */
export interface PathItemModel {
  card: NoteCardModel;
  action: ActionModel | undefined;
  earlier: Link[];
}

/**
 * One release the upgrade crosses, as the path shows it: the listed items by when their action is
 * done (before, during, after the upgrade, then none), its blocking untriaged items with the teams
 * that must triage them, and the other items counted, each count linking to the filtered release page.
 */
export interface UpgradeStepModel {
  /** The section's id, the target of the link to it at the top of the page. */
  id: string;
  heading: string;
  release: Link;
  blocking: { heading: string; items: BlockingItemModel[] };
  groups: { id: string; heading: string; count: number; items: PathItemModel[] }[];
  /** The impact levels not listed, each with its count and the release page filtered by it. */
  counted: { label: string; count: number; href: string }[];
  /** The release page, with how many items the release has. */
  all: Link;
}

/** Everything an upgrade path page shows. */
export interface UpgradeModel extends PageModel {
  title: string;
  index: string;
  /** The releases crossed, in order, each linking to its section of the page. */
  crossed: Link[];
  /** How many items on the path nobody has assessed yet. */
  untriaged: number;
  /** How many untriaged items upstream marks action-required the path crosses (each listed under its release). */
  blocking: { count: number; notice: string; intro: string };
  filters: FilterFormModel;
  /** How many items the path lists (all releases). */
  listedCount: number;
  /**
   * Per release crossed, in the order the upgrade crosses them, what must be done for it: action-required
   * items as full cards, attention items without their assessment text, so a path across many
   * releases stays small.
   */
  steps: UpgradeStepModel[];
}

/** The model of the upgrade path from release `from` to `to` in `lang`. */
export function upgradeModel(site: Site, from: string, to: string, lang: Lang): UpgradeModel {
  const { upgrade, cacheKey } = upgradeInputs(site, from, to);
  const { base } = site.options;
  const releasePath = (id: string) => withBase(base, toReleasePath(lang, id));
  const countLink = (release: string, impact: Impact) =>
    impact === 'untriaged'
      ? withBase(base, toQueuePath(lang, release))
      : `${releasePath(release)}?impact=${impact}`;
  const facets = filterFacets(site.facets);
  const attributes = new Set(
    facets.filter((facet) => PATH_FILTERS.has(facet.filter.param)).map((f) => f.filter.attribute),
  );
  const pathItem = ({ note, earlier }: PathItem<ViewNote>): PathItemModel => {
    const full = noteCard(site, note, lang);
    const card = {
      ...full,
      filters: Object.fromEntries(
        Object.entries(full.filters).filter(([attribute]) => attributes.has(attribute)),
      ),
    };
    return {
      // Attention items as one line (badge and title): a path across many releases lists hundreds.
      card:
        note.impact === 'action-required'
          ? card
          : { ...card, assessment: undefined, badges: [], meta: [], compact: true },
      action: actionOf(note, lang),
      earlier: earlier.map((other) => ({
        href: withBase(base, toItemPath(lang, other.id)),
        label: `${site.names.release(other.release)}: ${shownTexts(other, lang).title.text}`,
      })),
    };
  };
  const step = ({ release, listed, blocking, byImpact }: PathStep<ViewNote>): UpgradeStepModel => {
    const name = site.names.release(release);
    const total = IMPACTS.reduce((sum, impact) => sum + byImpact[impact], 0);
    return {
      id: `to-${release}`,
      heading: t(lang, 'upgrade.step', { release: name }),
      release: { href: releasePath(release), label: name },
      blocking: {
        heading: `${t(lang, 'blocking.title')} (${blocking.length})`,
        items: blocking.map((note) => blockingItem(site, note, lang)),
      },
      groups: actionGroups(listed, (item) => item.note, lang).map((group) => ({
        id: `${release}-${group.id}`,
        heading: group.heading,
        count: group.items.length,
        items: group.items.map(pathItem),
      })),
      counted: COUNTED.map((impact) => ({
        label: t(lang, `impact.${impact}`),
        count: byImpact[impact],
        href: countLink(release, impact),
      })),
      all: { href: releasePath(release), label: t(lang, 'upgrade.allItems', { count: total }) },
    };
  };
  const steps = upgrade.steps.map(step);
  const title = t(lang, 'upgrade.pageTitle', {
    from: site.names.release(from),
    to: site.names.release(to),
  });
  return {
    ...pageModel(lang, toUpgradePath(lang, from, to), cacheKey, title, {
      section: 'upgrade',
      searchable: false,
    }),
    title,
    index: withBase(base, toUpgradesPath(lang)),
    crossed: steps.map((one) => ({ href: `#${one.id}`, label: one.release.label })),
    untriaged: upgrade.steps.reduce((sum, { byImpact }) => sum + byImpact.untriaged, 0),
    blocking: {
      count: upgrade.blocking.length,
      notice: t(lang, 'blocking.count', { count: upgrade.blocking.length }),
      intro: t(lang, 'blocking.intro'),
    },
    filters: filterForm(
      site,
      upgrade.listed.map((item) => item.note),
      lang,
      Object.fromEntries(
        facets.flatMap((facet) =>
          PATH_FILTERS.has(facet.filter.param) ? [] : [[facet.filter.param, null]],
        ),
      ),
    ),
    listedCount: upgrade.listed.length,
    steps,
  };
}

/** The upgrade index: per product with two releases or more, a from × to matrix of links. */
export function upgradesIndexModel(site: Site, lang: Lang) {
  const paths = new Set(site.upgrades.map((upgrade) => `${upgrade.from.id} ${upgrade.to.id}`));
  const products = [...new Set(site.releases.map((release) => release.product))];
  return {
    head: pageHead(lang, toUpgradesPath(lang), t(lang, 'upgrade.title'), {
      description: t(lang, 'upgrade.intro'),
      section: 'upgrade',
    }),
    any: site.upgrades.length > 0,
    products: products.flatMap((product) => {
      const releases = inVersionOrder(
        site.releases.filter((release) => release.product === product),
      );
      if (releases.length < 2) return [];
      const targets = releases.slice(1);
      return [
        {
          product,
          columns: targets.map((release) => release.version),
          rows: releases.slice(0, -1).map((from) => ({
            version: from.version,
            cells: targets.map((to) =>
              paths.has(`${from.id} ${to.id}`)
                ? {
                    href: withBase(site.options.base, toUpgradePath(lang, from.id, to.id)),
                    label: `${site.names.release(from.id)} → ${to.version}`,
                  }
                : undefined,
            ),
          })),
        },
      ];
    }),
  };
}
