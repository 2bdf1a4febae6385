/** The one place to configure the site for a deployment. */
export const siteConfig = {
  /** The site's name in both languages. */
  title: { zh: 'PICT 升级说明', en: 'PICT Upgrade Notes' },
  /** Path the site is served under, e.g. `/pict-notes/`; `PICT_BASE` overrides it for a build. */
  base: `/${(process.env['PICT_BASE'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/'),
  /** Absolute origin the site is served from (used for canonical links); `PICT_SITE` overrides it. */
  site: process.env['PICT_SITE'] ?? 'https://pict-notes.internal',
  /** Tracker URL for a ticket key; `{key}` is replaced by e.g. `PICT-1234`. */
  trackerUrlPattern: 'https://tracker.pict.internal/browse/{key}',
  /** Folder holding `data/` and `notes/`; `PICT_CONTENT_ROOT` points a build at a fixture site instead. */
  contentRoot: process.env['PICT_CONTENT_ROOT'] ?? '.',
  /**
   * Most notes per search bundle: consecutive releases share a bundle up to this many notes, and a
   * rebuild re-indexes only the bundles whose pages changed. Smaller re-indexes less after a change
   * (a local rebuild; CI builds start without a cache), larger makes the first search lighter: the
   * default keeps one index per language (README, Search). `PICT_SEARCH_BUNDLE_NOTES` overrides it.
   */
  searchBundleNotes: Number(process.env['PICT_SEARCH_BUNDLE_NOTES'] ?? 10_000),
  /** Repository web URL for "edit this note" links; a note's path is appended after `/edit/main/`. */
  repositoryUrl: 'https://git.pict.internal/platform/pict-upgrade-notes',
} as const;
