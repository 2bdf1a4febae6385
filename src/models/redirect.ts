import { htmlLang, t } from '../i18n/index.ts';
import { toItemPath, withBase } from '../lib/urls.ts';
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

/** The item page of a retired id in `lang`: it redirects to its successor's page. */
export function redirectModel(site: Site, target: string, lang: Lang): RedirectModel {
  const url = withBase(site.options.base, toItemPath(lang, target));
  return {
    htmlLang: htmlLang(lang),
    title: t(lang, 'redirect.title'),
    target: url,
    body: t(lang, 'redirect.body'),
    label: target,
    cacheKey: `redirect:${target}`,
  };
}

/** `getStaticPaths` entries of retired ids' item pages. */
export function redirectPaths(site: Site) {
  return LANGS.flatMap((lang) =>
    [...site.retiredIds].map(([id, target]) => ({
      params: { lang, id },
      props: { lang, id, target },
      cacheKey: redirectModel(site, target, lang).cacheKey,
    })),
  );
}

/** The language-neutral link `/i/<id>/` of a note (or of a retired id, leading to `target`). */
export function shortLinkModel(site: Site, target: string): LangRedirectModel {
  const { base } = site.options;
  return {
    title: target,
    zh: withBase(base, toItemPath('zh', target)),
    en: withBase(base, toItemPath('en', target)),
    label: { zh: target, en: target },
    noindex: true,
    script: withBase(base, 'lang-redirect.js'),
    cacheKey: target,
  };
}

/** `getStaticPaths` of the short links: every note id and every retired id. */
export function shortLinkPaths(site: Site) {
  return [...[...site.noteById.keys()].map((id) => [id, id] as const), ...site.retiredIds].map(
    ([id, target]) => ({ params: { id }, props: { target }, cacheKey: target }),
  );
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
