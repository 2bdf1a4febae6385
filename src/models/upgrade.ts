import { t } from '../i18n/index.ts';
import { IMPACTS, type Impact } from '../lib/impact.ts';
import { inVersionOrder, PATH_LISTED_IMPACTS } from '../lib/upgrade.ts';
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
import { pageHead, pageKey, pageModel, type PageModel, type Site, type Upgrade } from './site.ts';

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
  return {
    upgrade,
    cacheKey: pageKey(site, ['upgrade', from, to], shown, [chains, upgrade.counts]),
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

/** Everything an upgrade path page shows. */
export interface UpgradeModel extends PageModel {
  title: string;
  index: string;
  crossed: Link[];
  /** How many items on the path nobody has assessed yet. */
  untriaged: number;
  /** Untriaged items upstream marks action-required, on every release crossed: each blocks the upgrade until assessed. */
  blocking: { heading: string; count: string; intro: string; items: BlockingItemModel[] };
  filters: FilterFormModel;
  /** How many items the path lists (all groups). */
  listedCount: number;
  /**
   * The listed items by when their action is done (before, during, after the upgrade, then none):
   * action-required items as full cards, attention items without their assessment text, so a path
   * across many releases stays small.
   */
  groups: {
    id: string;
    heading: string;
    count: number;
    items: { card: NoteCardModel; action: ActionModel | undefined; earlier: Link[] }[];
  }[];
  /** Impact levels counted per release (column labels), and the counts with their links. */
  counted: string[];
  counts: { release: Link; cells: { count: number; href: string }[] }[];
}

/** The model of the upgrade path from release `from` to `to` in `lang`. */
export function upgradeModel(site: Site, from: string, to: string, lang: Lang): UpgradeModel {
  const { upgrade, cacheKey } = upgradeInputs(site, from, to);
  const { base } = site.options;
  const releaseLink = (id: string) => ({
    href: withBase(base, toReleasePath(lang, id)),
    label: site.names.release(id),
  });
  const countLink = (release: string, impact: Impact) =>
    impact === 'untriaged'
      ? withBase(base, toQueuePath(lang, release))
      : `${withBase(base, toReleasePath(lang, release))}?impact=${impact}`;
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
    crossed: upgrade.crossed.map((release) => releaseLink(release.id)),
    untriaged: upgrade.counts.reduce((sum, { byImpact }) => sum + byImpact.untriaged, 0),
    blocking: {
      heading: `${t(lang, 'blocking.title')} (${upgrade.blocking.length})`,
      count: t(lang, 'blocking.count', { count: upgrade.blocking.length }),
      intro: t(lang, 'blocking.intro'),
      items: upgrade.blocking.map((note) => blockingItem(site, note, lang)),
    },
    filters: filterForm(
      site,
      upgrade.listed.map((item) => item.note),
      lang,
    ),
    listedCount: upgrade.listed.length,
    groups: actionGroups(upgrade.listed, (item) => item.note, lang).map((group) => ({
      id: group.id,
      heading: group.heading,
      count: group.items.length,
      items: group.items.map(({ note, earlier }) => {
        const card = noteCard(site, note, lang, { acrossReleases: true });
        return {
          card: note.impact === 'action-required' ? card : { ...card, assessment: undefined },
          action: actionOf(note, lang),
          earlier: earlier.map((other) => ({
            href: withBase(base, toItemPath(lang, other.id)),
            label: `${site.names.release(other.release)}: ${shownTexts(other, lang).title.text}`,
          })),
        };
      }),
    })),
    counted: COUNTED.map((impact) => t(lang, `impact.${impact}`)),
    counts: upgrade.counts.map(({ release, byImpact }) => ({
      release: releaseLink(release),
      cells: COUNTED.map((impact) => ({
        count: byImpact[impact],
        href: countLink(release, impact),
      })),
    })),
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
