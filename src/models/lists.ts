import { t } from '../i18n/index.ts';
import { impactByAreaRows } from '../lib/chart.ts';
import { filterOptionsOf, type FilterChoices } from '../lib/filter-options.ts';
import { IMPACTS } from '../lib/impact.ts';
import { compareNotes, type ViewNote } from '../lib/views.ts';
import type { Lang } from '../schemas/fields.ts';
import {
  impactBadge,
  noteCard,
  type CardOptions,
  type ImpactBadgeModel,
  type NoteCardModel,
} from './card.ts';
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

/** One group of cards under an impact badge. */
export interface ImpactGroup {
  badge: ImpactBadgeModel;
  cards: NoteCardModel[];
}

/** Notes of one release on a page spanning releases, by impact. */
export interface ReleaseGroup {
  id: string;
  heading: string;
  count: string;
  impacts: ImpactGroup[];
}

/** Notes by release (newest first) and impact, as team, component and impact pages list them. */
export function groupedNotes(
  site: Site,
  notes: readonly ViewNote[],
  lang: Lang,
  options: CardOptions = {},
): ReleaseGroup[] {
  const byRelease = Map.groupBy(notes, (note) => note.release);
  return site.releases.flatMap((release) => {
    const list = byRelease.get(release.id);
    if (!list) return [];
    return [
      {
        id: release.id,
        heading: site.names.release(release.id),
        count: t(lang, 'release.items', { count: list.length }),
        impacts: IMPACTS.flatMap((impact) => {
          const group = list.filter((note) => note.impact === impact);
          return group.length === 0
            ? []
            : [
                {
                  badge: impactBadge(impact, lang),
                  cards: group.map((note) => noteCard(site, note, lang, options)),
                },
              ];
        }),
      },
    ];
  });
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
