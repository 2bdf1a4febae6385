import { htmlLang, t } from '../i18n/index.ts';
import { toItemPath, toReleasePath, withBase } from '../lib/urls.ts';
import { LANGS, type Lang } from '../schemas/fields.ts';
import type { Site } from './site.ts';

/** A page that only sends the reader on: a retired id's item page. */
export interface RedirectModel {
  htmlLang: string;
  title: string;
  /** Where the reader goes (also the canonical URL). */
  target: string;
  /** Text before the link, and the link's text. */
  body: string;
  label: string;
  cacheKey: string;
}

/** A page offering the same page in both languages, Chinese by default (short links, the site root). */
export interface LangRedirectModel {
  title: string;
  zh: string;
  en: string;
  label: { zh: string; en: string };
  noindex: boolean;
  /** The script that picks the reader's language. */
  script: string;
  cacheKey?: string;
}

/** Where a retired id leads: the id of the note that replaced it, or the release whose page holds its text. */
export type RetiredTarget = string | { release: string };

/** The page `target` leads to in `lang` (without the base), its label, and a key naming it. */
function targetOf(site: Site, target: RetiredTarget, lang: Lang) {
  if (typeof target === 'string') {
    return { path: toItemPath(lang, target), label: target, key: target };
  }
  const label = site.names.release(target.release);
  return {
    path: toReleasePath(lang, target.release),
    label,
    key: `release:${target.release}:${label}`,
  };
}

/** The item page of a retired id in `lang`: it redirects to its successor's page (or its release's). */
export function redirectModel(site: Site, target: RetiredTarget, lang: Lang): RedirectModel {
  const { path, label, key } = targetOf(site, target, lang);
  return {
    htmlLang: htmlLang(lang),
    title: t(lang, 'redirect.title'),
    target: withBase(site.options.base, path),
    body: t(lang, 'redirect.body'),
    label,
    cacheKey: `redirect:${key}`,
  };
}

/** Every retired id with where it leads: a note, or a release page. */
function retiredTargets(site: Site): [string, RetiredTarget][] {
  return [
    ...site.retiredIds,
    ...[...site.retiredToRelease].map(
      ([id, release]) => [id, { release }] as [string, RetiredTarget],
    ),
  ];
}

/** `getStaticPaths` entries of retired ids' item pages. */
export function redirectPaths(site: Site) {
  return LANGS.flatMap((lang) =>
    retiredTargets(site).map(([id, target]) => ({
      params: { lang, id },
      props: { lang, id, target },
      cacheKey: redirectModel(site, target, lang).cacheKey,
    })),
  );
}

/** The language-neutral link `/i/<id>/` of a note (or of a retired id, leading to `target`). */
export function shortLinkModel(site: Site, target: RetiredTarget): LangRedirectModel {
  const { base } = site.options;
  const zh = targetOf(site, target, 'zh');
  const en = targetOf(site, target, 'en');
  return {
    title: zh.label,
    zh: withBase(base, zh.path),
    en: withBase(base, en.path),
    label: { zh: zh.label, en: en.label },
    noindex: true,
    script: withBase(base, 'lang-redirect.js'),
    cacheKey: zh.key,
  };
}

/** `getStaticPaths` of the short links: every note id and every retired id. */
export function shortLinkPaths(site: Site) {
  const live = [...site.noteById.keys()].map((id): [string, RetiredTarget] => [id, id]);
  return [...live, ...retiredTargets(site)].map(([id, target]) => ({
    params: { id },
    props: { target },
    cacheKey: targetOf(site, target, 'zh').key,
  }));
}

/** The site root: the home page in the reader's language. */
export function rootModel(site: Site, title: { zh: string; en: string }): LangRedirectModel {
  const { base } = site.options;
  return {
    title: `${title.zh} · ${title.en}`,
    zh: withBase(base, 'zh/'),
    en: withBase(base, 'en/'),
    label: title,
    noindex: false,
    script: withBase(base, 'lang-redirect.js'),
  };
}

/** A folder that lists nothing itself (`/<lang>/items/`, `/<lang>/releases/`): it sends the reader on. */
export function folderRedirectModel(
  base: string,
  lang: Lang,
  to: string,
  label: string,
): RedirectModel {
  const url = withBase(base, to);
  return {
    htmlLang: htmlLang(lang),
    title: t(lang, 'redirect.title'),
    target: url,
    body: t(lang, 'redirect.folder'),
    label,
    cacheKey: `folder:${to}`,
  };
}

/** A language-neutral folder (`/i/`): the same page in the reader's language. */
export function folderLangRedirectModel(
  base: string,
  to: { zh: string; en: string },
  title: { zh: string; en: string },
): LangRedirectModel {
  return {
    title: `${title.zh} · ${title.en}`,
    zh: withBase(base, to.zh),
    en: withBase(base, to.en),
    label: title,
    noindex: true,
    script: withBase(base, 'lang-redirect.js'),
  };
}
