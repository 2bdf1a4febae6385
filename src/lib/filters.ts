/** Kinds of filter on a release page, each matching one `data-*` attribute of an item. */
export const FILTER_KINDS = ['impact', 'team', 'component', 'maturity', 'section'] as const;

/** One kind of filter. */
export type FilterKind = (typeof FILTER_KINDS)[number];

/** Selected values per kind; an empty list means the kind does not filter. */
export type FilterState = Record<FilterKind, string[]>;

/** The item attribute each filter kind reads (space-separated values). */
export const FILTER_ATTRIBUTES: Record<FilterKind, string> = {
  impact: 'data-impact',
  team: 'data-teams',
  component: 'data-components',
  maturity: 'data-maturity',
  section: 'data-section',
};

/** Reads filters from a URL query (`?impact=attention&team=ops&team=network-plugin`). */
export function parseFilters(search: string): FilterState {
  const params = new URLSearchParams(search);
  return Object.fromEntries(
    FILTER_KINDS.map((kind) => [kind, [...new Set(params.getAll(kind).filter(Boolean))]]),
  ) as FilterState;
}

/** Writes filters as a URL query, keeping other parameters; empty string when nothing is selected. */
export function formatFilters(state: FilterState, search = ''): string {
  const params = new URLSearchParams(search);
  for (const kind of FILTER_KINDS) {
    params.delete(kind);
    for (const value of state[kind]) params.append(kind, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether an item with these attribute values passes: AND across kinds, OR within a kind. */
export function matchesFilters(values: Record<FilterKind, string[]>, state: FilterState): boolean {
  return FILTER_KINDS.every(
    (kind) =>
      state[kind].length === 0 || state[kind].some((wanted) => values[kind].includes(wanted)),
  );
}
