/**
 * The note facets, each declared once: the field it reads, its label, how release pages filter by it,
 * its Pagefind search filter, how cards and item pages show it, and its field in `/notes.json` and
 * column in `/notes.csv`. Filter forms, search filters, cards, item metadata and both exports loop
 * over this table; docs/architecture.md walks through adding one.
 */
import { z } from 'astro/zod';
import type { UiKey } from './i18n/en.ts';
import { t } from './i18n/index.ts';
import { IMPACTS, NO_IMPACT_REASONS } from './lib/impact.ts';
import { SECTIONS } from './lib/sections.ts';
import { GROUP_FILTER, UNMARKED_GROUP } from './scripts/search-query.ts';
import { ASSESSED_BY } from './lib/triage.ts';
import { UPSTREAM_KINDS } from './lib/upstream.ts';
import { toComponentPath, toTeamPath, toTicketUrl, withBase } from './lib/urls.ts';
import type { ViewNote } from './lib/views.ts';
import { LANGS, type Lang } from './schemas/fields.ts';
import { ACTION_TIMES, FOLLOW_UP_STATUSES, MATURITIES } from './schemas/note.ts';

/** What facets name, order and link their values with. */
export interface FacetData {
  /** Names of referenced data in a language (the id when unknown). */
  names: {
    team(id: string, lang: Lang): string;
    component(id: string, lang: Lang): string;
    area(id: string, lang: Lang): string;
    release(id: string): string;
  };
  teams: readonly { id: string }[];
  components: readonly { id: string }[];
  options: { base: string; trackerUrlPattern: string };
}

/** How the item page's facts list shows a facet. */
export interface ItemDisplay {
  /** `dt` label. */
  label: UiKey;
  /** `code`: the value as code; `text`: labels joined by commas; `links`: a list of links; `impact`: the impact badge. */
  as: 'code' | 'text' | 'links' | 'impact';
  /** Text when the note has no value; the row is left out without it. */
  empty?: UiKey;
  /** Key of a facet whose value follows this one's (`impact — reason`). */
  detail?: string;
}

/** One note facet. `key` is its stable name: the JSON field, and the CSV column unless `csv` says otherwise. */
export interface NoteFacet {
  key: string;
  /** The note's values: ids, enum values or texts (what cards, item facts and the CSV show). */
  values(note: ViewNote): readonly string[];
  /** The values filters and search match, when more than `values`. */
  matches?(note: ViewNote): readonly string[];
  /** A value as shown in a language. */
  label?(value: string, lang: Lang, data: FacetData, note: ViewNote): string;
  /** Where a value links to (site-relative links include the base path). */
  href?(value: string, lang: Lang, data: FacetData, note: ViewNote): string;
  /** Values in the order filter forms offer them; first-seen order without it. */
  order?(data: FacetData): readonly string[];
  /** Release-page filter: URL parameter and the item attribute it reads. Legend: `filters.<param>`. */
  filter?: { param: string; attribute: string };
  /**
   * Pagefind: a search filter `name` (values are labels in the page's language; the search dialog's
   * select is labelled `filters.<name>`) unless `filter` is false, and result metadata with `meta`.
   * `ids`: values are the stable ids, not labels; `select: false`: the dialog uses the filter itself
   * (no select); `matches`: the values search matches when more than the release pages' filter does;
   * `unmarked`: a value pages do not carry (the filter lists only the others, so it loads lighter).
   */
  search?: {
    name: string;
    filter?: false;
    meta?: true;
    ids?: true;
    select?: false;
    unmarked?: string;
    matches?(note: ViewNote): readonly string[];
  };
  /** On note cards: a `badge`, a plain `value`, or `labelled` with `item` label; `across` shows it only on pages spanning releases. */
  card?: { as: 'badge' | 'value' | 'labelled'; across?: boolean };
  /** On the item page's facts list. */
  item?: ItemDisplay;
  /** In `/notes.json`: the value and its schema (dates as `YYYY-MM-DD`). */
  json: { schema: z.ZodType; value(note: ViewNote): unknown };
  /** In `/notes.csv`: the column name, or false to leave it out; values are joined by spaces. */
  csv?: string | false;
}

/** A date as the exports write it: `YYYY-MM-DD`. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const ids = z.array(z.string());
const optional = <T extends z.ZodType>(schema: T) => schema.optional();
const one = (value: string | undefined) => (value === undefined ? [] : [value]);
const translated = (prefix: string) => (value: string, lang: Lang) =>
  t(lang, `${prefix}.${value}` as UiKey);

/** The note facets, in the order filters, search filters, cards, item facts and exports show them. */
export const NOTE_FACETS: readonly NoteFacet[] = [
  {
    key: 'id',
    values: (note) => [note.id],
    search: { name: 'id', filter: false, meta: true },
    item: { label: 'item.id', as: 'code' },
    json: { schema: z.string(), value: (note) => note.id },
  },
  {
    key: 'release',
    values: (note) => [note.release],
    label: (value, _lang, data) => data.names.release(value),
    search: { name: 'release', meta: true },
    card: { as: 'value', across: true },
    json: { schema: z.string(), value: (note) => note.release },
  },
  {
    key: 'impact',
    values: (note) => [note.impact],
    label: translated('impact'),
    order: () => IMPACTS,
    filter: { param: 'impact', attribute: 'data-impact' },
    search: { name: 'impact', meta: true },
    item: { label: 'item.impact', as: 'impact', detail: 'reason' },
    json: { schema: z.enum(IMPACTS), value: (note) => note.impact },
  },
  {
    key: 'assessedBy',
    values: (note) => [note.assessedBy],
    label: translated('verdict'),
    // The search dialog groups results by it: assessed on their own, by an area verdict, untriaged.
    search: { name: GROUP_FILTER, ids: true, select: false, unmarked: UNMARKED_GROUP },
    item: { label: 'item.assessedBy', as: 'text' },
    json: { schema: z.enum(ASSESSED_BY), value: (note) => note.assessedBy },
    csv: 'assessed_by',
  },
  {
    key: 'areaVerdict',
    values: (note) => one(note.areaVerdict?.en),
    json: {
      schema: optional(z.strictObject({ zh: z.string(), en: z.string() })),
      value: (note) => note.areaVerdict,
    },
    csv: false,
  },
  {
    key: 'reason',
    values: (note) => one(note.reason),
    label: translated('reason'),
    card: { as: 'value' },
    json: { schema: optional(z.enum(NO_IMPACT_REASONS)), value: (note) => note.reason },
  },
  {
    key: 'waitingFor',
    values: (note) => note.waitingFor,
    label: (value, lang, data) => data.names.team(value, lang),
    href: (value, lang, data) => withBase(data.options.base, toTeamPath(lang, value)),
    item: { label: 'item.waitingFor', as: 'links' },
    json: { schema: ids, value: (note) => note.waitingFor },
    csv: false,
  },
  {
    key: 'alsoIn',
    values: (note) => note.alsoIn,
    label: translated('section'),
    item: { label: 'item.alsoIn', as: 'text' },
    json: { schema: z.array(z.enum(SECTIONS)), value: (note) => note.alsoIn },
    csv: false,
  },
  {
    key: 'teams',
    values: (note) => note.teams,
    label: (value, lang, data) => data.names.team(value, lang),
    href: (value, lang, data) => withBase(data.options.base, toTeamPath(lang, value)),
    order: (data) => data.teams.map((team) => team.id),
    filter: { param: 'team', attribute: 'data-teams' },
    // Search by team also finds the untriaged items waiting for that team (its areas).
    search: { name: 'team', matches: (note) => [...new Set([...note.teams, ...note.waitingFor])] },
    card: { as: 'labelled' },
    item: { label: 'item.teams', as: 'links', empty: 'item.none' },
    json: { schema: ids, value: (note) => note.teams },
  },
  {
    key: 'components',
    values: (note) => note.components,
    label: (value, lang, data) => data.names.component(value, lang),
    href: (value, lang, data) => withBase(data.options.base, toComponentPath(lang, value)),
    order: (data) => data.components.map((component) => component.id),
    filter: { param: 'component', attribute: 'data-components' },
    search: { name: 'component' },
    card: { as: 'labelled' },
    item: { label: 'item.components', as: 'links', empty: 'item.none' },
    json: { schema: ids, value: (note) => note.components },
  },
  {
    key: 'maturity',
    values: (note) => one(note.maturity),
    label: translated('maturity'),
    order: () => MATURITIES,
    filter: { param: 'maturity', attribute: 'data-maturity' },
    search: { name: 'maturity' },
    card: { as: 'badge' },
    json: { schema: optional(z.enum(MATURITIES)), value: (note) => note.maturity },
  },
  {
    key: 'section',
    values: (note) => [note.section],
    // Filters and search match every section upstream lists the item in.
    matches: (note) => [note.section, ...note.alsoIn],
    label: translated('section'),
    order: () => SECTIONS,
    filter: { param: 'section', attribute: 'data-section' },
    search: { name: 'section' },
    json: { schema: z.enum(SECTIONS), value: (note) => note.section },
  },
  {
    key: 'area',
    values: (note) => one(note.area),
    label: (value, lang, data) => data.names.area(value, lang),
    search: { name: 'area' },
    json: { schema: optional(z.string()), value: (note) => note.area },
  },
  {
    key: 'upstream',
    values: (note) => note.upstream.map((link) => link.url),
    label: (value, _lang, _data, note) =>
      note.upstream.find((link) => link.url === value)?.label ?? value,
    href: (value) => value,
    item: { label: 'item.upstream', as: 'links', empty: 'item.none' },
    json: {
      schema: z.array(
        z.strictObject({ kind: z.enum(UPSTREAM_KINDS), url: z.string(), label: z.string() }),
      ),
      value: (note) => note.upstream.map(({ kind, url, label }) => ({ kind, url, label })),
    },
  },
  {
    key: 'tickets',
    values: (note) => note.tickets,
    href: (value, _lang, data) => toTicketUrl(data.options.trackerUrlPattern, value),
    item: { label: 'item.tickets', as: 'links', empty: 'item.none' },
    json: { schema: ids, value: (note) => note.tickets },
  },
  {
    key: 'status',
    values: (note) => one(note.status),
    label: translated('status'),
    card: { as: 'badge' },
    item: { label: 'item.status', as: 'text', empty: 'item.none' },
    json: { schema: optional(z.enum(FOLLOW_UP_STATUSES)), value: (note) => note.status },
  },
  {
    // The item page shows the action first, apart from the facts; checklists and upgrade paths group by it.
    key: 'action',
    values: (note) => one(note.action?.when),
    label: translated('action'),
    json: {
      schema: optional(
        z.strictObject({ when: z.enum(ACTION_TIMES), zh: z.string(), en: z.string() }),
      ),
      value: (note) => note.action,
    },
    // The texts follow the other texts, as action_zh and action_en.
    csv: 'action_when',
  },
  {
    key: 'follows',
    values: (note) => note.follows,
    json: { schema: ids, value: (note) => note.follows },
  },
  {
    key: 'supersedes',
    values: (note) => note.supersedes,
    json: { schema: ids, value: (note) => note.supersedes },
  },
  {
    key: 'authors',
    values: (note) => note.authors,
    json: { schema: ids, value: (note) => note.authors },
    csv: false,
  },
  {
    key: 'actionRequired',
    values: (note) => (note.actionRequired ? ['true'] : []),
    json: { schema: z.boolean(), value: (note) => note.actionRequired },
    csv: false,
  },
  {
    key: 'pendingTranslation',
    values: (note) => note.pendingTranslation,
    json: { schema: z.array(z.enum(LANGS)), value: (note) => note.pendingTranslation },
    csv: false,
  },
  {
    key: 'file',
    values: (note) => [note.file],
    json: { schema: z.string(), value: (note) => note.file },
    csv: false,
  },
];

/** A value of a facet as shown in a language: its label, or the value itself. */
export function facetLabel(
  facet: NoteFacet,
  value: string,
  lang: Lang,
  data: FacetData,
  note: ViewNote,
): string {
  return facet.label?.(value, lang, data, note) ?? value;
}

/** The values of a note that filters and search match. */
export function matchedValues(facet: NoteFacet, note: ViewNote): readonly string[] {
  return facet.matches?.(note) ?? facet.values(note);
}

/** The facets release pages filter by. */
export function filterFacets(facets: readonly NoteFacet[]) {
  return facets.flatMap((facet) => (facet.filter ? [{ ...facet, filter: facet.filter }] : []));
}

/** Filter parameter → item attribute, as the filter form hands it to the browser script. */
export function filterAttributes(facets: readonly NoteFacet[]): Record<string, string> {
  return Object.fromEntries(
    filterFacets(facets).map((facet) => [facet.filter.param, facet.filter.attribute]),
  );
}

/** Names of the Pagefind search filters the dialog offers as selects, in table order. */
export function searchFilterNames(facets: readonly NoteFacet[]): string[] {
  return facets.flatMap((facet) =>
    facet.search && facet.search.filter !== false && facet.search.select !== false
      ? [facet.search.name]
      : [],
  );
}

/** The values of a note that its search filter matches. */
export function searchedValues(facet: NoteFacet, note: ViewNote): readonly string[] {
  return facet.search?.matches?.(note) ?? matchedValues(facet, note);
}
