import { LANGS, type Lang } from '../schemas/fields.ts';
import { toItemPath, toReleasePath, toShortPath } from './urls.ts';

/**
 * A URL the site answers with a redirect: `from` and the targets are site-relative paths (no base, no
 * leading slash). A redirect with `to` sends everyone to one page; one with `toLang` sends the reader to
 * the page in their language (Chinese unless the browser prefers English).
 */
export type SiteRedirect =
  | { from: string; to: string; status: 301 | 302 }
  | { from: string; toLang: Record<Lang, string>; status: 301 | 302 };

/** Each language's home page (the release list), by language. */
export const HOME_BY_LANG: Readonly<Record<Lang, string>> = { zh: 'zh/', en: 'en/' };

/**
 * Folders a reader may trim a URL back to that hold no list of their own: `/<lang>/releases/` and
 * `/<lang>/items/` lead to the release list (302: a list page may come later).
 */
export const FOLDER_REDIRECTS: readonly SiteRedirect[] = LANGS.flatMap((lang) =>
  ['releases', 'items'].map((folder) => ({
    from: `${lang}/${folder}/`,
    to: HOME_BY_LANG[lang],
    status: 302 as const,
  })),
);

/** The language-neutral folders: the site root and `/i/` lead to the reader's home page. */
export const LANGUAGE_REDIRECTS: readonly SiteRedirect[] = ['', 'i/'].map((from) => ({
  from,
  toLang: HOME_BY_LANG,
  status: 302 as const,
}));

/** `/i/<id>/` → the item in the reader's language (301: an id's page never moves). */
export function shortLinkRedirect(id: string, target = id): SiteRedirect {
  return {
    from: toShortPath(id),
    toLang: { zh: toItemPath('zh', target), en: toItemPath('en', target) },
    status: 301,
  };
}

/** `/<lang>/items/<retired id>/` → its successor's page in the same language, for each language. */
export function retiredItemRedirects(id: string, target: string): SiteRedirect[] {
  return LANGS.map((lang) => ({
    from: toItemPath(lang, id),
    to: toItemPath(lang, target),
    status: 301 as const,
  }));
}

/**
 * A retired id whose item became part of a release page (an upstream theme): `/i/<id>/` → the release
 * page in the reader's language, `/<lang>/items/<id>/` → the release page in that language.
 */
export function retiredToReleaseRedirects(id: string, release: string): SiteRedirect[] {
  return [
    {
      from: toShortPath(id),
      toLang: { zh: toReleasePath('zh', release), en: toReleasePath('en', release) },
      status: 301,
    },
    ...LANGS.map((lang) => ({
      from: toItemPath(lang, id),
      to: toReleasePath(lang, release),
      status: 301 as const,
    })),
  ];
}

/**
 * Every redirect the server answers, from the same data as the pages: the language-neutral folders,
 * the folders without a list, a short link per note id, and per retired id its short link and its item
 * pages, each leading to its successor (or to the release page that holds its text). Short links of
 * live ids come last (a server may match them with one pattern).
 */
export function siteRedirects(
  noteIds: Iterable<string>,
  retired: ReadonlyMap<string, string>,
  retiredToRelease: ReadonlyMap<string, string> = new Map(),
): SiteRedirect[] {
  return [
    ...LANGUAGE_REDIRECTS,
    ...FOLDER_REDIRECTS,
    ...[...retired].flatMap(([id, target]) => [
      shortLinkRedirect(id, target),
      ...retiredItemRedirects(id, target),
    ]),
    ...[...retiredToRelease].flatMap(([id, release]) => retiredToReleaseRedirects(id, release)),
    ...[...noteIds].map((id) => shortLinkRedirect(id)),
  ];
}
