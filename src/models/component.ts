import { t } from '../i18n/index.ts';
import { langItemPaths } from '../lib/paths.ts';
import { toComponentPath, withBase } from '../lib/urls.ts';
import type { Lang } from '../schemas/fields.ts';
import { isOpen } from '../lib/views.ts';
import { noteCard, type NoteCardModel } from './card.ts';
import { releaseCounts, type ReleaseCountsModel } from './lists.ts';
import { pageHead, pageKey, pageModel, type PageModel, type Site } from './site.ts';

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

/** Everything a component page shows: its open items, then its notes counted per release and impact. */
export interface ComponentModel extends PageModel {
  name: string;
  intro: string;
  /** Open items affecting the component (needing work, not done), across releases. */
  open: NoteCardModel[];
  /** Per release and impact, how many of its items, linking to the release page filtered to them. */
  counts: ReleaseCountsModel;
}

/** The model of a component page in `lang`. */
export function componentModel(site: Site, id: string, lang: Lang): ComponentModel {
  const { component, notes, cacheKey } = componentInputs(site, id);
  const name = component.name[lang];
  return {
    ...pageModel(lang, toComponentPath(lang, id), cacheKey, name, {
      description: t(lang, 'component.description', { name }),
      section: 'components',
    }),
    name,
    intro: t(lang, 'component.items', { name }),
    open: notes.filter(isOpen).map((note) => noteCard(site, note, lang, { acrossReleases: true })),
    counts: releaseCounts(site, notes, lang, { component: id }),
  };
}

/** The components index: each component with how many notes affect it. */
export function componentsIndexModel(site: Site, lang: Lang) {
  return {
    head: pageHead(lang, `${lang}/components/`, t(lang, 'component.title'), {
      description: t(lang, 'meta.components'),
      section: 'components',
    }),
    rows: site.components.map((component) => ({
      link: {
        href: withBase(site.options.base, toComponentPath(lang, component.id)),
        label: component.name[lang],
      },
      count: site.notesByComponent.get(component.id)?.length ?? 0,
    })),
  };
}
