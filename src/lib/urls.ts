import type { Lang } from '../schemas/fields.ts';

/** Joins the site base (e.g. `/` or `/pict-notes/`) and a site-relative path without a leading slash. */
export function withBase(base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${path.replace(/^\//, '')}`;
}

/** Path of an item's page: it depends only on the language and the id, so it never changes. */
export function toItemPath(lang: Lang, id: string): string {
  return `${lang}/items/${id}/`;
}

/** Path of the language-neutral link tickets cite: `/i/<id>/`. */
export function toShortPath(id: string): string {
  return `i/${id}/`;
}

/** Path of a release page. */
export function toReleasePath(lang: Lang, release: string): string {
  return `${lang}/releases/${release}/`;
}

/** Path of a release's upgrade checklist. */
export function toChecklistPath(lang: Lang, release: string): string {
  return `${lang}/releases/${release}/checklist/`;
}

/** Path of a release's untriaged queue. */
export function toQueuePath(lang: Lang, release: string): string {
  return `${lang}/releases/${release}/untriaged/`;
}

/** Path of the upgrade-path index. */
export function toUpgradesPath(lang: Lang): string {
  return `${lang}/upgrade/`;
}

/** Path of the upgrade path from one release to a later one. */
export function toUpgradePath(lang: Lang, from: string, to: string): string {
  return `${lang}/upgrade/${from}/${to}/`;
}

/** Path of a team page. */
export function toTeamPath(lang: Lang, team: string): string {
  return `${lang}/teams/${team}/`;
}

/** Path of a component page. */
export function toComponentPath(lang: Lang, component: string): string {
  return `${lang}/components/${component}/`;
}

/** Path of an impact-level page. */
export function toImpactPath(lang: Lang, impact: string): string {
  return `${lang}/impact/${impact}/`;
}

/** The same page in another language: swaps the leading language segment of a site-relative path. */
export function switchLangPath(path: string, lang: Lang): string {
  return path.replace(/^(zh|en)(\/|$)/, `${lang}$2`);
}

/** Tracker URL of a ticket key, from the site's pattern (`{key}` is replaced). */
export function toTicketUrl(pattern: string, key: string): string {
  return pattern.replace('{key}', encodeURIComponent(key));
}

/** "Edit this note" URL in the repository's web UI. */
export function toEditUrl(repositoryUrl: string, file: string): string {
  // Each path segment percent-encoded, so no file name can end the path early (`?`, `#`).
  return `${repositoryUrl.replace(/\/$/, '')}/edit/main/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** An absolute URL of a site-relative path: the site's origin, the base path, then `path`. */
export function toAbsoluteUrl(site: string, base: string, path: string): string {
  return new URL(withBase(base, path), site.endsWith('/') ? site : `${site}/`).href;
}
