import { t } from '../i18n/index.ts';
import type { Lang } from '../schemas/fields.ts';
import type { Release } from '../schemas/release.ts';
import { toReleasePath, toUpgradesPath, withBase } from '../lib/urls.ts';
import { pageHead, type PageHead } from './site.ts';

/** A link the not-found page offers. */
export interface PageLink {
  href: string;
  label: string;
}

/** What the not-found page of a language shows: the way back to the release list and to each release. */
export interface NotFoundModel {
  /** The page's `<head>` (what `Base.astro` takes): not searched. */
  head: PageHead;
  home: PageLink;
  releases: PageLink[];
  upgrades: PageLink;
}

/** The not-found page of a language; `releases` newest first. */
export function notFoundModel(
  lang: Lang,
  base: string,
  releases: readonly Release[],
): NotFoundModel {
  return {
    head: pageHead(lang, `${lang}/404/`, t(lang, 'notFound.title'), {
      description: t(lang, 'notFound.body'),
      searchable: false,
    }),
    home: { href: withBase(base, `${lang}/`), label: t(lang, 'notFound.home') },
    releases: releases.map((release) => ({
      href: withBase(base, toReleasePath(lang, release.id)),
      label: `${release.product} ${release.version}`,
    })),
    upgrades: { href: withBase(base, toUpgradesPath(lang)), label: t(lang, 'nav.upgrade') },
  };
}
