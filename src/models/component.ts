import { t } from '../i18n/index.ts';
import { langItemPaths } from '../lib/paths.ts';
import { toComponentPath, withBase } from '../lib/urls.ts';
import type { Lang } from '../schemas/fields.ts';
import { groupedNotes, type ReleaseGroup } from './lists.ts';
import { pageKey, type Site } from './site.ts';

function componentInputs(site: Site, id: string) {
  const component = site.components.find((candidate) => candidate.id === id);
  if (!component) throw new Error(`no component ${id}`);
  const notes = site.notesByComponent.get(id) ?? [];
  return { component, notes, cacheKey: pageKey(site, ['component', id], notes) };
}

/** `getStaticPaths` of the component pages, keyed by the notes each lists. */
export function componentPaths(site: Site) {
  return langItemPaths(
    site.components,
    'component',
    (component) => component.id,
    (component) => componentInputs(site, component.id).cacheKey,
  );
}

/** Everything a component page shows: the notes affecting it by release and impact. */
export interface ComponentModel {
  lang: Lang;
  path: string;
  cacheKey: string;
  name: string;
  intro: string;
  groups: ReleaseGroup[];
}

/** The model of a component page in `lang`. */
export function componentModel(site: Site, id: string, lang: Lang): ComponentModel {
  const { component, notes, cacheKey } = componentInputs(site, id);
  const name = component.name[lang];
  return {
    lang,
    path: toComponentPath(lang, id),
    cacheKey,
    name,
    intro: t(lang, 'component.items', { name }),
    groups: groupedNotes(site, notes, lang),
  };
}

/** The components index: each component with how many notes affect it. */
export function componentsIndexModel(site: Site, lang: Lang) {
  return site.components.map((component) => ({
    link: {
      href: withBase(site.options.base, toComponentPath(lang, component.id)),
      label: component.name[lang],
    },
    count: site.notesByComponent.get(component.id)?.length ?? 0,
  }));
}
