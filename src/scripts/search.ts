// Site search: a dialog opened with the header button, "/" or Ctrl/⌘+K. Pagefind's script, index
// and WebAssembly load only when the dialog first opens, so pages stay light until someone searches.
import {
  GROUP_FILTER,
  GROUPS,
  normaliseQuery,
  UNMARKED_GROUP,
  wordSubsets,
  type Group,
} from './search-query.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
type FilterValue = string | { any: string[] } | { none: string[] };
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options: { filters: Record<string, FilterValue> },
  ): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
}

/** A result with the group it was found in and, for a partial match, the words it matched. */
interface Found {
  result: PagefindResult;
  group: Group;
  matched?: string[];
}

/** What one query found: every result in group order; for a partial match, the word sets searched. */
interface Outcome {
  found: Found[];
  partial?: string[][];
}

// Each result shown costs a request for its fragment: a first search stays light with ten.
const PAGE_SIZE = 10;
// List pages shown with the first results when more notes match than fit.
const FIRST_PAGES = 2;
// URL parameters of a shared search; release pages' own filters use the unprefixed names.
const QUERY_PARAM = 'search';
const filterParam = (name: string) => `search-${name}`;

const dialog = document.querySelector<HTMLDialogElement>('#search-dialog');
const opener = document.querySelector<HTMLButtonElement>('#search-open');
const input = document.querySelector<HTMLInputElement>('#search-input');
const list = document.querySelector<HTMLOListElement>('#search-results');
const status = document.querySelector<HTMLElement>('#search-status');
const more = document.querySelector<HTMLButtonElement>('#search-more');
const filterBox = document.querySelector<HTMLDetailsElement>('#search-filters');

if (dialog && opener && input && list && status && more && filterBox) {
  const selects = [...dialog.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const text = (key: string) => dialog.dataset[key] ?? '';
  const impacts = JSON.parse(text('impacts') || '{}') as Record<string, string>;
  const groupLabels = JSON.parse(text('groups') || '{}') as Record<string, string>;
  let api: Promise<PagefindApi> | undefined;
  let generation = 0;
  let pending: Found[] = [];
  let filtersFilled: Promise<void> | undefined;
  opener.hidden = false;

  // The index is listed in bundles.json (list pages, then releases' items); the first carries
  // Pagefind's scripts and any others are merged into it.
  const load = (): Promise<PagefindApi> => {
    api ??= (async () => {
      const root = dialog.dataset['bundle'] ?? '/pagefind/';
      const response = await fetch(`${root}bundles.json`);
      if (!response.ok) throw new Error(`${root}bundles.json: ${response.status}`);
      const [primary, ...merged] = ((await response.json()) as { bundles: { path: string }[] })
        .bundles;
      if (!primary) throw new Error('no search bundle');
      const module = (await import(
        /* @vite-ignore */ `${root}${primary.path}pagefind.js`
      )) as PagefindApi;
      // Ids and PR numbers are metadata (never in an excerpt); a match there outranks a mention in a text.
      // Searching on the page's thread (noWorker) spares the first search Pagefind's worker script
      // (12.5 KB gzipped); the few searches of a query take milliseconds there.
      const options = {
        noWorker: true,
        baseUrl: dialog.dataset['base'] ?? '/',
        excerptLength: 24,
        ranking: { metaWeights: { id: 20, keys: 20 } },
      };
      await module.options(options);
      await Promise.all(
        merged.map((bundle) => module.mergeIndex(`${root}${bundle.path}`, options)),
      );
      return module;
    })();
    return api;
  };

  // The filters' values come from every filter's index files (most of a first search's bytes at
  // 5,000 notes), so they load only when someone unfolds the filters.
  const fillFilters = () => {
    filtersFilled ??= (async () => {
      const available = await (await load()).filters();
      for (const select of selects) {
        const values = Object.keys(available[select.dataset['filter'] ?? ''] ?? {}).sort((a, b) =>
          a.localeCompare(b),
        );
        const present = new Set([...select.options].map((option) => option.value));
        for (const value of values) if (!present.has(value)) select.add(new Option(value, value));
        select.disabled = select.options.length <= 1;
      }
    })();
    return filtersFilled;
  };

  // Pagefind excerpts are HTML with <mark>; copy only text and <mark> so nothing else can get in.
  // A mark on a lone letter or a dash (a prefix match of a one-letter word) is dropped.
  const excerptNodes = (html: string): Node[] => {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
    return [...(parsed?.childNodes ?? [])].map((node) => {
      const content = node.textContent ?? '';
      if (node.nodeName === 'MARK' && /[\p{L}\p{N}]/u.test(content) && !/^\w$/.test(content)) {
        const mark = document.createElement('mark');
        mark.textContent = content;
        return mark;
      }
      return document.createTextNode(content);
    });
  };

  const renderResult = (data: PagefindResultData, found: Found): HTMLLIElement => {
    const { group } = found;
    const item = document.createElement('li');
    item.dataset['group'] = group;
    const link = document.createElement('a');
    link.href = data.url;
    const impactLabel = data.meta['impact'];
    if (impactLabel) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.dataset['impact'] = impacts[impactLabel] ?? 'untriaged';
      badge.textContent = impactLabel;
      link.append(badge, ' ');
    }
    link.append(data.meta['title'] ?? data.url);
    const meta = document.createElement('div');
    meta.className = 'item-meta';
    const parts: [string, string | undefined][] = [
      ['span', groupLabels[group]],
      ['span', data.meta['release']],
      ['code', data.meta['id']],
    ];
    for (const [tag, part] of parts) {
      if (!part) continue;
      const span = document.createElement(tag);
      span.textContent = part;
      meta.append(span);
    }
    if (found.matched) {
      const matched = document.createElement('span');
      matched.className = 'matched';
      matched.textContent = text('matched').replace('{words}', found.matched.join(' '));
      meta.append(matched);
    }
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(link, meta, excerpt);
    return item;
  };

  const chosenFilters = (): Record<string, string> =>
    Object.fromEntries(
      selects
        .filter((select) => select.value)
        .map((select) => [select.dataset['filter'] ?? '', select.value]),
    );

  /**
   * Every result of `term` in group order: notes assessed on their own, by an area verdict, not yet,
   * then the list pages. Pagefind's relevance orders each group. The unmarked group is what no
   * other group's filter claims; the searches share the index chunks already loaded, so grouping
   * costs only the group filter.
   */
  const searchGroups = async (
    pagefind: PagefindApi,
    term: string | null,
    filters: Record<string, string>,
  ): Promise<Found[]> => {
    const marked = GROUPS.filter((group) => group !== UNMARKED_GROUP);
    const [all, ...byGroup] = await Promise.all([
      pagefind.search(term, { filters }),
      ...marked.map((group) =>
        pagefind.search(term, { filters: { ...filters, [GROUP_FILTER]: group } }),
      ),
    ]);
    // A page carries one group at most. An index with no page of a marked group (a bundle of notes
    // all assessed on their own) has no group filter at all; should Pagefind then leave that index
    // unfiltered, every group's search returns its pages. A page claimed by more than one is unmarked.
    const claims = new Map<string, Group[]>();
    marked.forEach((group, index) => {
      for (const result of byGroup[index]?.results ?? [])
        claims.set(result.id, [...(claims.get(result.id) ?? []), group]);
    });
    const groupOf = (id: string): Group => {
      const [group, ...more] = claims.get(id) ?? [];
      return group !== undefined && more.length === 0 ? group : UNMARKED_GROUP;
    };
    const found = (all?.results ?? []).map((result) => ({
      result,
      group: groupOf(result.id),
    }));
    return GROUPS.flatMap((group) => found.filter((entry) => entry.group === group));
  };

  /**
   * The results of all the words, or, when no page has them all, of the largest subsets of the words
   * that find something: merged, each result with the words it matched, in group order.
   */
  const searchWords = async (
    pagefind: PagefindApi,
    words: string[],
    filters: Record<string, string>,
  ): Promise<Outcome> => {
    const found = await searchGroups(pagefind, words.join(' ') || null, filters);
    if (found.length > 0 || words.length < 2) return { found };
    for (const subsets of wordSubsets(words)) {
      const tries = await Promise.all(
        subsets.map(async (subset) => ({
          words: subset,
          found: await searchGroups(pagefind, subset.join(' '), filters),
        })),
      );
      const hits = tries.filter((attempt) => attempt.found.length > 0);
      if (hits.length === 0) continue;
      const byPage = new Map<string, Found>();
      for (const attempt of hits) {
        for (const entry of attempt.found) {
          const known = byPage.get(entry.result.id);
          if (known) known.matched = [...new Set([...(known.matched ?? []), ...attempt.words])];
          else byPage.set(entry.result.id, { ...entry, matched: [...attempt.words] });
        }
      }
      // Stable: within a group, the first subset's order (Pagefind's relevance), then the next's.
      const merged = [...byPage.values()].sort(
        (a, b) => GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group),
      );
      return { found: merged, partial: hits.map((attempt) => attempt.words) };
    }
    return { found: [] };
  };

  /** Loads and shows the next page of results. */
  const showMore = async (current: number, size = PAGE_SIZE) => {
    const next = pending.slice(0, size);
    const data = await Promise.all(next.map((entry) => entry.result.data()));
    if (current !== generation) return;
    pending = pending.slice(next.length);
    list.append(
      ...data.flatMap((result, index) => {
        const found = next[index];
        return found ? [renderResult(result, found)] : [];
      }),
    );
    more.hidden = pending.length === 0;
  };

  /** Keeps the query and filters in the address, so a search can be shared and bookmarked. */
  const saveToUrl = (term: string, filters: Record<string, string>) => {
    const url = new URL(window.location.href);
    url.searchParams.delete(QUERY_PARAM);
    for (const select of selects)
      url.searchParams.delete(filterParam(select.dataset['filter'] ?? ''));
    if (term) url.searchParams.set(QUERY_PARAM, term);
    for (const [name, value] of Object.entries(filters))
      url.searchParams.set(filterParam(name), value);
    history.replaceState(history.state, '', url);
  };

  const run = async () => {
    const current = ++generation;
    const term = input.value.trim();
    const filters = chosenFilters();
    saveToUrl(term, filters);
    if (!term && Object.keys(filters).length === 0) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      return;
    }
    status.textContent = text('loading');
    try {
      const pagefind = await load();
      const outcome = await searchWords(
        pagefind,
        normaliseQuery(term, { splitHyphens: document.documentElement.lang.startsWith('zh') }),
        filters,
      );
      if (current !== generation) return;
      // The first results also show the best list pages, so release, team and component pages
      // are never pushed out of sight by many matching notes.
      const notes = outcome.found.filter((entry) => entry.group !== 'pages');
      const pages = outcome.found.filter((entry) => entry.group === 'pages');
      const first = [...notes.slice(0, PAGE_SIZE), ...pages.slice(0, FIRST_PAGES)];
      pending = [...first, ...notes.slice(PAGE_SIZE), ...pages.slice(FIRST_PAGES)];
      list.replaceChildren();
      await showMore(current, first.length);
      if (current !== generation) return;
      // English has one singular form, at exactly 1; the Chinese strings are the same.
      const one = outcome.found.length === 1;
      const count = text(one ? 'resultsOne' : 'results').replace(
        '{count}',
        String(outcome.found.length),
      );
      status.textContent =
        outcome.found.length === 0
          ? text('noResults')
          : outcome.partial
            ? `${text('partial').replace('{words}', outcome.partial.map((words) => words.join(' ')).join('” / “'))} ${count}`
            : count;
    } catch {
      status.textContent = text('error');
    }
  };

  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    void load().catch(() => {
      status.textContent = text('error');
    });
  };

  /** Opens the dialog on a shared search address (`?search=…&search-team=…`). */
  const restoreFromUrl = () => {
    const params = new URL(window.location.href).searchParams;
    let wanted = false;
    for (const select of selects) {
      const value = params.get(filterParam(select.dataset['filter'] ?? ''));
      if (!value) continue;
      // Chosen at once; the other values arrive when the filters unfold.
      select.add(new Option(value, value));
      select.value = value;
      select.disabled = false;
      filterBox.open = true;
      wanted = true;
    }
    const term = params.get(QUERY_PARAM);
    if (term) input.value = term;
    if (!term && !wanted) return;
    open();
    void run();
  };

  const resultLinks = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];

  opener.addEventListener('click', open);
  filterBox.addEventListener('toggle', () => {
    if (filterBox.open) void fillFilters().catch(() => undefined);
  });
  input.addEventListener('input', () => void run());
  for (const select of selects) select.addEventListener('change', () => void run());
  more.addEventListener('click', () => {
    const before = resultLinks().length;
    void showMore(generation).then(() => resultLinks()[before]?.focus());
  });
  dialog.addEventListener('close', () => {
    saveToUrl('', {});
    opener.focus();
  });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = resultLinks();
    if (links.length === 0) return;
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    event.preventDefault();
    if (event.key === 'ArrowDown') (links[index + 1] ?? links[0])?.focus();
    else if (index <= 0) input.focus();
    else links[index - 1]?.focus();
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    const typing =
      target instanceof HTMLInputElement ||
      target instanceof HTMLTextAreaElement ||
      target?.isContentEditable;
    if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      open();
    } else if (event.key === '/' && !typing && !dialog.open) {
      event.preventDefault();
      open();
    }
  });
  restoreFromUrl();
}

export {};
