import { facetLabel, searchedValues, type NoteFacet } from '../facets.ts';
import { t } from '../i18n/index.ts';
import { plainNoteText } from '../lib/note-text.ts';
import {
  toEditUrl,
  toItemPath,
  toReleasePath,
  toShortPath,
  toTeamPath,
  withBase,
} from '../lib/urls.ts';
import type { ViewNote } from '../lib/views.ts';
import { LANGS, type Lang } from '../schemas/fields.ts';
import {
  actionOf,
  badgesOf,
  impactBadge,
  impactOf,
  noteCard,
  shownTexts,
  type ActionModel,
  type FacetBadge,
  type ImpactBadgeModel,
  type Link,
  type NoteCardModel,
  type ShownText,
} from './card.ts';
import { pageKey, pageModel, type PageModel, type Site } from './site.ts';

/** One row of an item page's facts list. */
export type ItemFact = { label: string } & (
  | { as: 'code' | 'text'; text: string }
  | { as: 'links'; links: Link[]; empty: string }
  | { as: 'impact'; badge: ImpactBadgeModel; detail: string | undefined }
);

/** What an item page says about its assessment. */
export type ItemAssessment =
  | { kind: 'own'; text: ShownText }
  | { kind: 'area'; intro: string; verdict: Link }
  | { kind: 'untriaged'; text: string };

/** Everything an item page (`/<lang>/items/<id>/`) shows. */
export interface ItemModel extends PageModel {
  id: string;
  title: ShownText;
  summary: ShownText;
  /** More of the upstream text, where the note keeps it. */
  detail: ShownText | undefined;
  /**
   * Small print under a text that is a translation of upstream's (by text: `summary`, `detail`):
   * what it is, and links to the original (the page in the other language, the upstream source).
   */
  translated: Partial<Record<'summary' | 'detail', TranslationNotice>>;
  /** The teams owning the follow-up, linking to their pages (shown with the assessment). */
  owners: Link[];
  /** Previous and next items in the release page's order. */
  sequence: { previous: Link | undefined; next: Link | undefined };
  /** The notice shown while the page's language is pending translation. */
  notTranslated: string | undefined;
  /** Pagefind: result metadata and filters, values in the page's language. */
  search: { meta: string[]; filters: string[] };
  /** The release (linking to the item on its page), section and area. */
  context: { release: Link; section: string; area: string | undefined };
  impact: ImpactBadgeModel;
  badges: FacetBadge[];
  /** What PICT must do and when, shown first; absent when the note records no action. */
  action: (ActionModel & { heading: string }) | undefined;
  actions: { permalink: string; reference: string; editUrl: string };
  assessment: ItemAssessment;
  facts: ItemFact[];
  linked: {
    label: string;
    impact: ImpactBadgeModel;
    href: string;
    title: string;
    release: string;
    id: string;
  }[];
  neighbours: NoteCardModel[];
}

/** The small print under a translated text. */
export interface TranslationNotice {
  text: string;
  original: Link[];
}

/** The notes an item page shows besides its own: its neighbours, the notes linked across releases, the previous and next. */
function itemInputs(site: Site, id: string) {
  const note = site.noteById.get(id);
  if (!note) throw new Error(`no note ${id}`);
  const neighbours = site.neighboursById.get(id) ?? [];
  const linked = site.linkedNotesById.get(id) ?? [];
  const place = site.readingPlaceById.get(id);
  const previous = place && place.index > 0 ? place.order[place.index - 1] : undefined;
  const next = place?.order[place.index + 1];
  return { note, neighbours, linked, place, previous, next };
}

/** The cache key of a note's item pages (both languages share it). */
export function itemKey(site: Site, id: string): string {
  const { note, neighbours, linked, previous, next } = itemInputs(site, id);
  return pageKey(
    site,
    ['item', id],
    [
      note,
      ...neighbours,
      ...linked.map((entry) => entry.note),
      ...[previous, next].filter((other) => other !== undefined),
    ],
    // Not the item's position: inserting a note would then re-render every item page of its release.
    [linked.map((entry) => entry.link), previous?.id, next?.id],
  );
}

// Pagefind reads "kind:value"; a comma would split the value.
const filterValue = (value: string) => value.replace(/,/g, '，');

/** Pagefind metadata and filters of a note, values in `lang`. */
export function searchFacetsOf(site: Site, note: ViewNote, lang: Lang) {
  const label = (facet: NoteFacet, value: string) => facetLabel(facet, value, lang, site, note);
  return {
    meta: [
      ...site.facets.flatMap((facet) =>
        facet.search?.meta
          ? facet.values(note).map((value) => `${facet.search?.name}:${label(facet, value)}`)
          : [],
      ),
      // Searched (Pagefind matches metadata) but never part of an excerpt: references, and the
      // components and area the note only lists.
      `keys:${searchKeys(note).join(' ')}`,
      `topics:${[...note.components.map((id) => site.names.component(id, lang)), ...(note.area === undefined ? [] : [site.names.area(note.area, lang)])].join(' ')}`,
    ],
    filters: site.facets.flatMap((facet) =>
      facet.search && facet.search.filter !== false
        ? searchedValues(facet, note)
            .filter((value) => value !== facet.search?.unmarked)
            .map(
              (value) =>
                `${facet.search?.name}:${filterValue(facet.search?.ids ? value : label(facet, value))}`,
            )
        : [],
    ),
  };
}

/**
 * What someone may type to find a note by reference: its id, the numbers of its upstream PRs and
 * issues, its tickets: metadata of the item page, which search matches, so they need not be in the
 * page's text, where the facts list's labels would run together into excerpts.
 */
export function searchKeys(note: ViewNote): string[] {
  const numbers = note.upstream.flatMap((link) => {
    const number = /\/(?:pull|issues)\/(\d+)\b/.exec(link.url)?.[1];
    return number ? [number] : [];
  });
  return [...new Set([note.id, ...numbers, ...note.tickets])];
}

/** The facts list of a note: every facet with an item display, in table order. */
export function itemFacts(site: Site, note: ViewNote, lang: Lang): ItemFact[] {
  return site.facets.flatMap((facet): ItemFact[] => {
    const display = facet.item;
    if (!display) return [];
    const values = facet.values(note);
    const label = t(lang, display.label);
    if (values.length === 0 && !display.empty) return [];
    const empty = display.empty ? t(lang, display.empty) : '';
    const valueLabel = (value: string, of = facet) => facetLabel(of, value, lang, site, note);
    switch (display.as) {
      case 'impact': {
        const detail = site.facets.find((candidate) => candidate.key === display.detail);
        const [reason] = detail?.values(note) ?? [];
        return [
          {
            label,
            as: 'impact',
            badge: impactOf(note, lang),
            detail: detail && reason !== undefined ? valueLabel(reason, detail) : undefined,
          },
        ];
      }
      case 'links':
        return [
          {
            label,
            as: 'links',
            empty,
            links: values.map((value) => ({
              href: facet.href?.(value, lang, site, note) ?? value,
              label: valueLabel(value),
            })),
          },
        ];
      default:
        return [
          {
            label,
            as: display.as,
            text: values.map((value) => valueLabel(value)).join(', ') || empty,
          },
        ];
    }
  });
}

/** The small print of the translated texts (title excepted: its summary's notice covers it). */
function translationNotices(
  site: Site,
  note: ViewNote,
  lang: Lang,
  translated: readonly string[],
): ItemModel['translated'] {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const original: Link[] = [
    {
      href: withBase(site.options.base, toItemPath(other, note.id)),
      label: t(lang, 'item.translated.otherLanguage'),
    },
    ...note.upstream.slice(0, 1).map((link) => ({ href: link.url, label: link.label })),
  ];
  const notice = { text: t(lang, 'item.translated'), original };
  return Object.fromEntries(
    (['summary', 'detail'] as const)
      .filter((field) => translated.includes(field))
      .map((field) => [field, notice]),
  );
}

/** The model of a note's item page in `lang`. */
export function itemModel(site: Site, id: string, lang: Lang): ItemModel {
  const { note, neighbours, linked, previous, next } = itemInputs(site, id);
  const { base, repositoryUrl } = site.options;
  const itemLink = (other: ViewNote | undefined): Link | undefined =>
    other && {
      href: withBase(base, toItemPath(lang, other.id)),
      label: shownTexts(other, lang).title.text,
    };
  const texts = shownTexts(note, lang);
  const releasePath = withBase(base, toReleasePath(lang, note.release));
  const section = t(lang, `section.${note.section}`);
  const area = note.area === undefined ? undefined : site.names.area(note.area, lang);
  const permalink = withBase(base, toShortPath(note.id));
  return {
    // Described by PICT's assessment, or else the upstream summary, as plain text.
    ...pageModel(lang, toItemPath(lang, note.id), itemKey(site, id), texts.title.text, {
      description: plainNoteText(texts.assessment?.text ?? texts.summary.text),
    }),
    id: note.id,
    title: texts.title,
    summary: texts.summary,
    detail: texts.detail,
    translated: translationNotices(site, note, lang, texts.translated),
    owners: note.teams.map((team) => ({
      href: withBase(base, toTeamPath(lang, team)),
      label: site.names.team(team, lang),
    })),
    sequence: {
      previous: itemLink(previous),
      next: itemLink(next),
    },
    notTranslated: texts.fallback
      ? t(lang, lang === 'en' ? 'item.notTranslated' : 'item.notTranslatedZh')
      : undefined,
    search: searchFacetsOf(site, note, lang),
    context: {
      release: { href: `${releasePath}#${note.id}`, label: site.names.release(note.release) },
      section,
      area,
    },
    impact: impactOf(note, lang),
    badges: badgesOf(site, note, lang),
    action: note.action && {
      heading: t(lang, 'action.title'),
      ...(actionOf(note, lang) as ActionModel),
    },
    actions: {
      permalink,
      reference: `${note.id} — ${texts.title.text}`,
      editUrl: toEditUrl(repositoryUrl, note.file),
    },
    assessment: texts.assessment
      ? { kind: 'own', text: texts.assessment }
      : note.areaVerdict
        ? {
            kind: 'area',
            intro: t(lang, 'item.inherited', {
              scope: [section, area].filter(Boolean).join(' · '),
            }),
            verdict: { href: `${releasePath}#remarks`, label: note.areaVerdict[lang] },
          }
        : { kind: 'untriaged', text: t(lang, 'impact.untriaged.help') },
    facts: itemFacts(site, note, lang),
    linked: linked.map(({ link, note: other }) => ({
      label: t(lang, `link.${link}`),
      impact: impactBadge(other.impact, lang),
      href: withBase(base, toItemPath(lang, other.id)),
      title: shownTexts(other, lang).title.text,
      release: site.names.release(other.release),
      id: other.id,
    })),
    neighbours: neighbours.map((neighbour) => noteCard(site, neighbour, lang)),
  };
}

/** `getStaticPaths` of the item pages: every note in every language, keyed by what the page shows. */
export function itemPaths(site: Site) {
  const keys = new Map([...site.noteById.keys()].map((id) => [id, itemKey(site, id)]));
  return LANGS.flatMap((lang) =>
    [...keys].map(([id, cacheKey]) => ({ params: { lang, id }, props: { lang, id }, cacheKey })),
  );
}
