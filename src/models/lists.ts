import { t } from '../i18n/index.ts';
import { impactByAreaRows } from '../lib/chart.ts';
import { filterOptionsOf, type FilterChoices } from '../lib/filter-options.ts';
import { IMPACTS, type Impact } from '../lib/impact.ts';
import { toQueuePath, toReleasePath, withBase } from '../lib/urls.ts';
import { compareNotes, type ViewNote } from '../lib/views.ts';
import type { Lang } from '../schemas/fields.ts';
import { impactBadge, type ImpactBadgeModel, type Link } from './card.ts';
import type { Site } from './site.ts';

/** A release page's filter form: the filters offered and how many items the page lists. */
export interface FilterFormModel {
  filters: FilterChoices[];
  total: number;
}

/** The filter form of a list of notes (see `filterOptionsOf` for `valuesOf`). */
export function filterForm(
  site: Site,
  notes: readonly ViewNote[],
  lang: Lang,
  valuesOf?: Parameters<typeof filterOptionsOf>[3],
): FilterFormModel {
  return { filters: filterOptionsOf(notes, site, lang, valuesOf), total: notes.length };
}

/** One count of a release-counts table, linking to the release page filtered to what it counts. */
export interface CountCell {
  count: number;
  href: string;
}

/** Per release (newest first), how many of a page's notes it has, by impact, each linking to the filtered release page. */
export interface ReleaseCountsModel {
  /** Column heads: the impact levels present. */
  impacts: ImpactBadgeModel[];
  rows: { release: Link; total: CountCell; cells: (CountCell | undefined)[] }[];
}

/** The release page of `release` filtered by `filter`, e.g. `{ team: 'ops', impact: 'none' }`. */
export function filteredReleaseHref(
  site: Site,
  lang: Lang,
  release: string,
  filter: Record<string, string>,
): string {
  const query = new URLSearchParams(filter).toString();
  return `${withBase(site.options.base, toReleasePath(lang, release))}${query ? `?${query}` : ''}`;
}

/**
 * Notes of a page spanning releases, counted per release and impact rather than listed: each count links
 * to the release page already filtered (`?team=ops&impact=none`), so the page stays small as releases
 * accumulate. A count of untriaged items and nothing else links to the release's queue.
 */
export function releaseCounts(
  site: Site,
  notes: readonly ViewNote[],
  lang: Lang,
  filter: Record<string, string> = {},
): ReleaseCountsModel {
  const byRelease = Map.groupBy(notes, (note) => note.release);
  const present = IMPACTS.filter((impact) => notes.some((note) => note.impact === impact));
  const href = (release: string, impact?: Impact) => {
    const params = { ...filter, ...(impact ? { impact } : {}) };
    return params.impact === 'untriaged' && Object.keys(params).length === 1
      ? withBase(site.options.base, toQueuePath(lang, release))
      : filteredReleaseHref(site, lang, release, params);
  };
  return {
    impacts: present.map((impact) => impactBadge(impact, lang)),
    rows: site.releases.flatMap((release) => {
      const list = byRelease.get(release.id);
      if (!list) return [];
      return [
        {
          release: { href: href(release.id), label: site.names.release(release.id) },
          total: { count: list.length, href: href(release.id) },
          cells: present.map((impact) => {
            const count = list.filter((note) => note.impact === impact).length;
            return count === 0 ? undefined : { count, href: href(release.id, impact) };
          }),
        },
      ];
    }),
  };
}

/** One bar of an impact-by-area chart, labelled. */
export interface ChartRowModel {
  label: string;
  total: number;
  segments: { impact: string; start: number; width: number; title: string }[];
}

/** The impact-by-area chart of a list of notes: areas in data order, unassigned first. */
export function impactChart(site: Site, notes: readonly ViewNote[], lang: Lang): ChartRowModel[] {
  const areaOrder = [undefined, ...site.areas.map((area) => area.id)];
  return impactByAreaRows(notes, areaOrder).map((row) => ({
    label: areaLabel(site, row.area, lang),
    total: row.total,
    segments: row.segments.map((segment) => ({
      impact: segment.impact,
      start: segment.start,
      width: segment.width,
      title: `${t(lang, `impact.${segment.impact}`)}: ${segment.count}`,
    })),
  }));
}

/** An area's name, or "General" for items without one. */
export function areaLabel(site: Site, area: string | undefined, lang: Lang): string {
  return area === undefined ? t(lang, 'release.noArea') : site.names.area(area, lang);
}

/** A date as pages show it, e.g. "29 June 2017" / "2017年6月29日". */
export function longDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
}

/** Notes sorted most urgent first. */
export function byUrgency(notes: readonly ViewNote[]): ViewNote[] {
  return [...notes].sort(compareNotes);
}
