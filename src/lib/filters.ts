// Runs in the browser too (src/scripts/filters.ts): the filter kinds come from the page, which
// renders them from the facet table (src/facets.ts), so this module knows none of them.

/** Selected values per filter kind (URL parameter); an empty list means the kind does not filter. */
export type FilterState = Record<string, string[]>;

/** Reads the filters `kinds` from a URL query (`?impact=attention&team=ops&team=network-plugin`). */
export function parseFilters(search: string, kinds: readonly string[]): FilterState {
  const params = new URLSearchParams(search);
  return Object.fromEntries(
    kinds.map((kind) => [kind, [...new Set(params.getAll(kind).filter(Boolean))]]),
  );
}

/** Writes filters as a URL query, keeping other parameters; empty string when nothing is selected. */
export function formatFilters(state: FilterState, search = ''): string {
  const params = new URLSearchParams(search);
  for (const [kind, values] of Object.entries(state)) {
    params.delete(kind);
    for (const value of values) params.append(kind, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** Whether an item with these values passes: AND across kinds, OR within a kind. */
export function matchesFilters(values: FilterState, state: FilterState): boolean {
  return Object.entries(state).every(
    ([kind, wanted]) =>
      wanted.length === 0 || wanted.some((value) => values[kind]?.includes(value) ?? false),
  );
}
