import { facetLabel, filterFacets, matchedValues } from '../facets.ts';
import { htmlLang, t } from '../i18n/index.ts';
import { IMPACTS, type Impact } from '../lib/impact.ts';
import { toItemPath, toTeamPath, withBase } from '../lib/urls.ts';
import { groupByAction, textsFor, type ViewNote } from '../lib/views.ts';
import type { Lang } from '../schemas/fields.ts';
import type { Site } from './site.ts';

/** A text of a note and, when it is in the other language (translation pending), its `lang`. */
export interface ShownText {
  text: string;
  lang: string | undefined;
}

/** An impact badge: the level and its label ("No impact · by area" when inherited from an area verdict). */
export interface ImpactBadgeModel {
  impact: Impact;
  label: string;
}

/** A badge of a facet (class `badge <kind>`). */
export interface FacetBadge {
  kind: string;
  label: string;
}

/** A link with its text. */
export interface Link {
  href: string;
  label: string;
}

/** A note as a card in a list: everything resolved in the page's language. */
export interface NoteCardModel {
  id: string;
  /** The card's element id (release pages anchor items by id). */
  anchor: string | undefined;
  href: string;
  title: ShownText;
  assessment: ShownText | undefined;
  impact: ImpactBadgeModel;
  badges: FacetBadge[];
  /** Filter attributes (`data-impact`, `data-teams`, …), values separated by spaces. */
  filters: Record<string, string>;
  /** Short facts under the text (release, reason, teams, components). */
  meta: string[];
  /** Shown as one line (badge and title, no facts line), where a page lists hundreds of cards. */
  compact?: boolean;
}

/** How a page lists a card. */
export interface CardOptions {
  /** Give the card the note's id as anchor (release pages). */
  anchor?: boolean;
  /** The page spans releases: show each card's release. */
  acrossReleases?: boolean;
  /** Values a filter matches instead of the note's own, by filter parameter (queues: the teams it waits for). */
  filterValues?: Record<string, readonly string[]>;
}

/** The texts of a note in `lang`, with the language they are actually in when they fall back. */
export function shownTexts(note: ViewNote, lang: Lang) {
  const shown = textsFor(note, lang);
  const textLang = shown.fallback ? htmlLang(shown.lang) : undefined;
  const text = (value: string): ShownText => ({ text: value, lang: textLang });
  return {
    title: text(shown.texts.title),
    summary: text(shown.texts.summary),
    detail: shown.texts.detail === undefined ? undefined : text(shown.texts.detail),
    assessment: shown.texts.assessment === undefined ? undefined : text(shown.texts.assessment),
    /** Which of the shown texts are translations of the upstream text. */
    translated: shown.texts.translated ?? [],
    fallback: shown.fallback,
  };
}

/** The badge of an impact level; `byArea` when the verdict is inherited from an area verdict. */
export function impactBadge(impact: Impact, lang: Lang, byArea = false): ImpactBadgeModel {
  const label = t(lang, `impact.${impact}`);
  return { impact, label: byArea ? `${label} · ${t(lang, 'verdict.byArea')}` : label };
}

/** The impact badge of a note. */
export function impactOf(note: ViewNote, lang: Lang): ImpactBadgeModel {
  return impactBadge(note.impact, lang, note.assessedBy === 'area');
}

/** The impact scale with each level's meaning, as legends show it. */
export function impactLegend(lang: Lang): { badge: ImpactBadgeModel; help: string }[] {
  return IMPACTS.map((impact) => ({
    badge: impactBadge(impact, lang),
    help: t(lang, `impact.${impact}.help`),
  }));
}

/** The facet badges of a note (maturity, status), in the page's language. */
export function badgesOf(site: Site, note: ViewNote, lang: Lang): FacetBadge[] {
  return site.facets
    .filter((facet) => facet.card?.as === 'badge')
    .flatMap((facet) =>
      facet
        .values(note)
        .map((value) => ({ kind: facet.key, label: facetLabel(facet, value, lang, site, note) })),
    );
}

/** The card of a note on a list page. */
export function noteCard(
  site: Site,
  note: ViewNote,
  lang: Lang,
  options: CardOptions = {},
): NoteCardModel {
  const texts = shownTexts(note, lang);
  const meta = site.facets.flatMap((facet) => {
    const card = facet.card;
    if (!card || card.as === 'badge' || (card.across && !options.acrossReleases)) return [];
    const labels = facet.values(note).map((value) => facetLabel(facet, value, lang, site, note));
    if (labels.length === 0) return [];
    if (card.as === 'value') return labels;
    const label = facet.item ? `${t(lang, facet.item.label)}: ` : '';
    return [`${label}${labels.join(', ')}`];
  });
  return {
    id: note.id,
    anchor: options.anchor ? note.id : undefined,
    href: withBase(site.options.base, toItemPath(lang, note.id)),
    title: texts.title,
    assessment: texts.assessment,
    impact: impactOf(note, lang),
    badges: badgesOf(site, note, lang),
    filters: Object.fromEntries(
      filterFacets(site.facets).map((facet) => [
        facet.filter.attribute,
        (options.filterValues?.[facet.filter.param] ?? matchedValues(facet, note)).join(' '),
      ]),
    ),
    meta,
  };
}

/** A note's action as pages print it: when, and what to do in the page's language. */
export interface ActionModel {
  when: string;
  text: string;
}

/** The action of a note in `lang`, if it has one. */
export function actionOf(note: ViewNote, lang: Lang): ActionModel | undefined {
  return note.action && { when: t(lang, `action.${note.action.when}`), text: note.action[lang] };
}

/** Items grouped by when their action is done, each group with its heading in `lang`. */
export function actionGroups<T>(
  items: readonly T[],
  noteOf: (item: T) => ViewNote,
  lang: Lang,
): { id: string; heading: string; items: T[] }[] {
  return groupByAction(items, noteOf).map(({ when, items: grouped }) => ({
    id: when,
    heading: t(lang, `action.${when}`),
    items: grouped,
  }));
}

/** An untriaged item upstream marks action-required, as checklists and upgrade paths list it. */
export interface BlockingItemModel {
  id: string;
  href: string;
  title: ShownText;
  release: string;
  /** "blocking — not yet assessed". */
  label: string;
  /** "To triage", then the teams that must triage it (links to their pages), or `noTeams` when none is assigned. */
  triagedBy: string;
  teams: Link[];
  noTeams: string | undefined;
}

/** The blocking-item entry of an untriaged note upstream marks action-required. */
export function blockingItem(site: Site, note: ViewNote, lang: Lang): BlockingItemModel {
  // An untriaged note waits for its own teams, else for those that triage its area.
  const teams = note.waitingFor;
  return {
    id: note.id,
    href: withBase(site.options.base, toItemPath(lang, note.id)),
    title: shownTexts(note, lang).title,
    release: site.names.release(note.release),
    label: t(lang, 'blocking.label'),
    triagedBy: t(lang, 'blocking.triagedBy'),
    teams: teams.map((team) => ({
      href: withBase(site.options.base, toTeamPath(lang, team)),
      label: site.names.team(team, lang),
    })),
    noTeams: teams.length === 0 ? t(lang, 'queue.noTeams') : undefined,
  };
}
