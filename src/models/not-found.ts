import type { Lang } from '../schemas/fields.ts';
import type { Release } from '../schemas/release.ts';
import { toReleasePath, toUpgradesPath, withBase } from '../lib/urls.ts';

/** A link the not-found page offers. */
export interface PageLink {
  href: string;
  label: string;
}

/** What the not-found page of a language shows: the way back to the release list and to each release. */
export interface NotFoundModel {
  home: PageLink;
  releases: PageLink[];
  upgrades: PageLink;
}

/** The not-found page of a language; `releases` newest first, `labels` the UI words it uses. */
export function notFoundModel(
  lang: Lang,
  base: string,
  releases: readonly Release[],
  labels: { home: string; upgrades: string },
): NotFoundModel {
  return {
    home: { href: withBase(base, `${lang}/`), label: labels.home },
    releases: releases.map((release) => ({
      href: withBase(base, toReleasePath(lang, release.id)),
      label: `${release.product} ${release.version}`,
    })),
    upgrades: { href: withBase(base, toUpgradesPath(lang)), label: labels.upgrades },
  };
}
