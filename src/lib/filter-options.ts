import {
  facetLabel,
  filterFacets,
  matchedValues,
  type FacetData,
  type NoteFacet,
} from '../facets.ts';
import type { UiKey } from '../i18n/en.ts';
import { t } from '../i18n/index.ts';
import type { Lang } from '../schemas/fields.ts';
import type { ViewNote } from './views.ts';

/** One choice of a filter: the value items carry and its label in the page's language. */
export interface FilterOption {
  value: string;
  label: string;
}

/** One filter of a filter form: its URL parameter, the item attribute it reads and its choices. */
export interface FilterChoices {
  param: string;
  /** The filter's name in the page's language (`filters.<param>`). */
  legend: string;
  attribute: string;
  options: FilterOption[];
}

/**
 * The filters a filter form offers for a list of notes, one per filter facet: only values some note
 * carries, in the facet's order (scale or data order, else first seen). `valuesOf` replaces the values
 * a page's items match for a facet (queues match the teams an item waits for), or drops the facet
 * (`null`) where it does not apply.
 */
export function filterOptionsOf(
  notes: readonly ViewNote[],
  data: FacetData & { facets: readonly NoteFacet[] },
  lang: Lang,
  valuesOf: Record<string, ((note: ViewNote) => readonly string[]) | null> = {},
): FilterChoices[] {
  return filterFacets(data.facets).map((facet) => {
    const override = valuesOf[facet.filter.param];
    const valuesOfNote = override ?? ((note: ViewNote) => matchedValues(facet, note));
    const labelOf = new Map<string, string>();
    if (override !== null) {
      for (const note of notes) {
        for (const value of valuesOfNote(note)) {
          if (!labelOf.has(value)) labelOf.set(value, facetLabel(facet, value, lang, data, note));
        }
      }
    }
    const order = facet.order?.(data) ?? [...labelOf.keys()];
    return {
      param: facet.filter.param,
      legend: t(lang, `filters.${facet.filter.param}` as UiKey),
      attribute: facet.filter.attribute,
      options: order.flatMap((value) => {
        const label = labelOf.get(value);
        return label === undefined ? [] : [{ value, label }];
      }),
    };
  });
}
