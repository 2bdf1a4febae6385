import type { Lang } from '../schemas/fields.ts';
import { toUpgradePath, withBase } from '../lib/urls.ts';
import type { PageLink } from './not-found.ts';

/** An upgrade between two releases, as far as a list of paths needs it. */
interface Upgrade {
  from: { id: string };
  to: { id: string; product: string; version: string };
}

/** The releases upgrades start from, each with the paths leading on from it (in the order given). */
export function upgradesByStart<U extends Upgrade>(upgrades: readonly U[]): Map<string, U[]> {
  return Map.groupBy(upgrades, (upgrade) => upgrade.from.id);
}

/** Links to the upgrade paths from one release, in a language: `→ Kubernetes 1.8`. */
export function upgradeLinksFrom(
  lang: Lang,
  base: string,
  upgrades: readonly Upgrade[],
): PageLink[] {
  return upgrades.map((upgrade) => ({
    href: withBase(base, toUpgradePath(lang, upgrade.from.id, upgrade.to.id)),
    label: `${upgrade.to.product} ${upgrade.to.version}`,
  }));
}
