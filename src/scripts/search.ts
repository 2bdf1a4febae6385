// Site search: a dialog opened with the header button, "/" or Ctrl/⌘+K. Pagefind's script, index
// and WebAssembly load only when the dialog first opens, so pages stay light until someone searches.
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  search(
    term: string | null,
    options: { filters: Record<string, string> },
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
}

const dialog = document.querySelector<HTMLDialogElement>('#search-dialog');
const opener = document.querySelector<HTMLButtonElement>('#search-open');
const input = document.querySelector<HTMLInputElement>('#search-input');
const list = document.querySelector<HTMLOListElement>('#search-results');
const status = document.querySelector<HTMLElement>('#search-status');

if (dialog && opener && input && list && status) {
  const selects = [...dialog.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  const impacts = JSON.parse(dialog.dataset['impacts'] ?? '{}') as Record<string, string>;
  let api: Promise<PagefindApi> | undefined;
  let generation = 0;
  opener.hidden = false;

  // The index is split into bundles (list pages, then groups of releases) listed in bundles.json;
  // the first carries Pagefind's scripts and the others are merged into it.
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
      const options = { baseUrl: dialog.dataset['base'] ?? '/', excerptLength: 24 };
      await module.options(options);
      await Promise.all(
        merged.map((bundle) => module.mergeIndex(`${root}${bundle.path}`, options)),
      );
      await fillFilters(module);
      return module;
    })();
    return api;
  };

  const fillFilters = async (pagefind: PagefindApi) => {
    const available = await pagefind.filters();
    for (const select of selects) {
      const values = Object.keys(available[select.dataset['filter'] ?? ''] ?? {}).sort((a, b) =>
        a.localeCompare(b),
      );
      for (const value of values) select.add(new Option(value, value));
      select.disabled = values.length === 0;
    }
  };

  // Pagefind excerpts are HTML with <mark>; copy only text and <mark> so nothing else can get in.
  const excerptNodes = (html: string): Node[] => {
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
    return [...(parsed?.childNodes ?? [])].map((node) => {
      if (node.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = node.textContent;
        return mark;
      }
      return document.createTextNode(node.textContent ?? '');
    });
  };

  const renderResult = (data: PagefindResultData): HTMLLIElement => {
    const item = document.createElement('li');
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
    for (const part of [data.meta['release'], data.meta['id']]) {
      if (!part) continue;
      const span = document.createElement(part === data.meta['id'] ? 'code' : 'span');
      span.textContent = part;
      meta.append(span);
    }
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(data.excerpt));
    item.append(link, meta, excerpt);
    return item;
  };

  const run = async () => {
    const current = ++generation;
    const term = input.value.trim();
    const filters = Object.fromEntries(
      selects
        .filter((select) => select.value)
        .map((select) => [select.dataset['filter'] ?? '', select.value]),
    );
    if (!term && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = dialog.dataset['loading'] ?? '';
    try {
      const pagefind = await load();
      const search = await pagefind.search(term || null, { filters });
      if (!search || current !== generation) return;
      const loaded = await Promise.all(search.results.slice(0, 30).map((result) => result.data()));
      if (current !== generation) return;
      // Items (pages with an id) come before list pages that merely mention the same words.
      const data = [
        ...loaded.filter((result) => result.meta['id']),
        ...loaded.filter((result) => !result.meta['id']),
      ].slice(0, 20);
      list.replaceChildren(...data.map(renderResult));
      status.textContent =
        data.length === 0
          ? (dialog.dataset['noResults'] ?? '')
          : (dialog.dataset['results'] ?? '').replace('{count}', String(search.results.length));
    } catch {
      status.textContent = dialog.dataset['error'] ?? '';
    }
  };

  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    input.focus();
    input.select();
    void load().catch(() => {
      status.textContent = dialog.dataset['error'] ?? '';
    });
  };

  const resultLinks = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];

  opener.addEventListener('click', open);
  input.addEventListener('input', () => void run());
  for (const select of selects) select.addEventListener('change', () => void run());
  dialog.addEventListener('close', () => opener.focus());
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
}

export {};
