import { formatFilters, matchesFilters, parseFilters, type FilterState } from '../lib/filters.ts';

// Release-page filters (no JavaScript, no filters: every item stays visible);
// with it, changes apply at once and the state lives in the URL query so the view can be pasted.
const panel = document.querySelector<HTMLElement>('section.filters');
if (panel) {
  const items = [...document.querySelectorAll<HTMLElement>('[data-filterable] .item')];
  const status = document.getElementById('filter-status');
  const empty = document.getElementById('filter-empty');
  const chips = document.getElementById('active-filters');
  const chipList = chips?.querySelector('ul');
  const clear = document.getElementById('filter-clear');
  // URL parameter → item attribute of every filter (from the facet table, written by FilterForm).
  const attributes = JSON.parse(panel.dataset['attributes'] ?? '{}') as Record<string, string>;
  const kinds = Object.keys(attributes);
  // Without JavaScript the checkboxes would do nothing, so they stay hidden.
  panel.hidden = false;

  const readForm = (): FilterState =>
    Object.fromEntries(
      kinds.map((kind) => [
        kind,
        [...panel.querySelectorAll<HTMLInputElement>(`input[name="${kind}"]:checked`)].map(
          (input) => input.value,
        ),
      ]),
    );

  const writeForm = (state: FilterState) => {
    for (const input of panel.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      input.checked = state[input.name]?.includes(input.value) ?? false;
    }
  };

  const apply = (state: FilterState) => {
    let shown = 0;
    for (const item of items) {
      const values = Object.fromEntries(
        kinds.map((kind) => [
          kind,
          (item.getAttribute(attributes[kind] ?? '') ?? '').split(' ').filter(Boolean),
        ]),
      );
      const visible = matchesFilters(values, state);
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    const filtering = kinds.some((kind) => (state[kind] ?? []).length > 0);
    for (const group of document.querySelectorAll<HTMLElement>('[data-filter-group]')) {
      const visible = group.querySelectorAll('.item:not([hidden])').length;
      group.hidden = filtering && visible === 0;
      // A group heading's count says how many of its items are shown, not how many it has.
      const count = group.querySelector<HTMLElement>(':scope > :is(h2, h3) [data-group-count]');
      if (count) count.textContent = String(visible);
    }
    if (status) {
      // The template comes with its total (and the word for it) filled in at build time.
      status.textContent = (status.dataset['template'] ?? '').replace('{shown}', String(shown));
    }
    if (empty) empty.hidden = shown > 0;
    renderChips(state);
  };

  const renderChips = (state: FilterState) => {
    if (!chips || !chipList) return;
    chipList.replaceChildren();
    for (const kind of kinds) {
      for (const value of state[kind] ?? []) {
        const input = panel.querySelector<HTMLInputElement>(
          `input[name="${kind}"][value="${CSS.escape(value)}"]`,
        );
        const name = input?.dataset['label'] ?? value;
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'chip';
        button.textContent = `${name} ×`;
        button.setAttribute(
          'aria-label',
          (chips.dataset['removeTemplate'] ?? '{name}').replace('{name}', name),
        );
        button.addEventListener('click', () => {
          if (input) input.checked = false;
          update();
          panel.querySelector<HTMLInputElement>('input[type=checkbox]')?.focus();
        });
        const li = document.createElement('li');
        li.append(button);
        chipList.append(li);
      }
    }
    chips.hidden = chipList.childElementCount === 0;
  };

  const update = () => {
    const state = readForm();
    history.replaceState(
      null,
      '',
      `${location.pathname}${formatFilters(state, location.search)}${location.hash}`,
    );
    apply(state);
  };

  panel.addEventListener('change', update);
  clear?.addEventListener('click', () => {
    writeForm(parseFilters('', kinds));
    update();
  });
  const initial = parseFilters(location.search, kinds);
  writeForm(initial);
  apply(initial);
}
