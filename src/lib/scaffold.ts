import { stringify } from 'yaml';

/** Turns an English title into an id slug: lowercase words joined by `-`, at most 6 words. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6)
    .join('-');
}

/** The first id of `base`, `base-2`, `base-3`, … that is not taken. */
export function nextFreeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix += 1;
  return `${base}-${suffix}`;
}

/** What a new note starts from. */
export interface ScaffoldInput {
  id: string;
  section: string;
  area?: string;
  title: string;
}

/** The text of a new untriaged note: fields to fill in are left empty, so `npm run check` points at them. */
export function renderNoteScaffold({ id, section, area, title }: ScaffoldInput): string {
  const frontmatter = {
    id,
    section,
    ...(area ? { area } : {}),
    impact: 'untriaged',
    teams: [],
    components: [],
    upstream: [],
    zh: { title, summary: '' },
    en: { title, summary: '' },
  };
  return `---\n${stringify(frontmatter)}---\n`;
}
