import { t } from '../i18n/index.ts';
import { IMPACTS } from '../lib/impact.ts';
import { assessedPercent, coverageOf, shownAssessmentStatus } from '../lib/triage.ts';
import {
  toChecklistPath,
  toImpactPath,
  toQueuePath,
  toReleasePath,
  withBase,
} from '../lib/urls.ts';
import { countByImpact, isOpen } from '../lib/views.ts';
import type { Lang } from '../schemas/fields.ts';
import type { Release } from '../schemas/release.ts';
import {
  impactBadge,
  impactLegend,
  noteCard,
  type ImpactBadgeModel,
  type Link,
  type NoteCardModel,
} from './card.ts';
import { longDate } from './lists.ts';
import { pageHead, type PageHead, type Site } from './site.ts';

/** Everything the home page (`/<lang>/`) shows. */
export interface HomeModel {
  lang: Lang;
  path: string;
  /** The page's `<head>` and navigation (what `Base.astro` takes). */
  head: PageHead;
  legend: ReturnType<typeof impactLegend>;
  releases: {
    link: Link;
    facts: string;
    counts: { href: string; badge: ImpactBadgeModel; count: number }[];
    coverage: Link;
    checklist: string;
  }[];
  /** Older releases (assessment complete, or beyond the newest few being assessed): one line each. */
  older: { link: Link; facts: string }[];
  /** Open items of the current releases that need action or attention. */
  needsAction: NoteCardModel[];
  browse: { teams: string; components: string; impact: string; impacts: Link[] };
}

/** How many releases being assessed the home page shows in full, newest first. */
export const CURRENT_RELEASES = 3;

/**
 * The releases the home page shows in full: those whose assessment is not complete (being assessed, or
 * being upgraded to), newest first and at most `CURRENT_RELEASES`; the newest release when all are complete.
 */
export function currentReleases(site: Site): Release[] {
  const open = site.releases.filter((release) => release.assessment.status !== 'complete');
  return (open.length > 0 ? open : site.releases).slice(0, CURRENT_RELEASES);
}

/** The model of the home page in `lang`. */
export function homeModel(site: Site, lang: Lang): HomeModel {
  const { base } = site.options;
  const link = (path: string) => withBase(base, path);
  const current = currentReleases(site);
  const currentIds = new Set(current.map((release) => release.id));
  return {
    lang,
    path: `${lang}/`,
    head: pageHead(lang, `${lang}/`, t(lang, 'home.title'), {
      description: t(lang, 'home.intro'),
      section: 'home',
    }),
    legend: impactLegend(lang),
    older: site.releases
      .filter((release) => !currentIds.has(release.id))
      .map((release) => ({
        link: {
          href: link(toReleasePath(lang, release.id)),
          label: site.names.release(release.id),
        },
        facts: [
          t(lang, `assessment.${release.assessment.status}`),
          t(lang, 'release.items', { count: site.notesByRelease.get(release.id)?.length ?? 0 }),
        ].join(' · '),
      })),
    releases: current.map((release) => {
      const notes = site.notesByRelease.get(release.id) ?? [];
      const counts = countByImpact(notes);
      const coverage = site.coverageByRelease.get(release.id) ?? coverageOf([]);
      const releasePath = link(toReleasePath(lang, release.id));
      return {
        link: { href: releasePath, label: `${release.product} ${release.version}` },
        facts: [
          t(lang, 'release.released', { date: longDate(release.releaseDate, lang) }),
          t(lang, `assessment.${shownAssessmentStatus(release.assessment.status, coverage)}`),
          t(lang, 'release.items', { count: notes.length }),
        ].join(' · '),
        counts: IMPACTS.filter((impact) => counts[impact] > 0).map((impact) => ({
          href: `${releasePath}?impact=${impact}`,
          badge: impactBadge(impact, lang),
          count: counts[impact],
        })),
        coverage: {
          href: link(toQueuePath(lang, release.id)),
          label: t(lang, 'coverage.short', {
            percent: assessedPercent(coverage),
            nobody: coverage.nobody,
          }),
        },
        checklist: link(toChecklistPath(lang, release.id)),
      };
    }),
    needsAction: site.notes
      .filter(
        (note) =>
          currentIds.has(note.release) &&
          ['action-required', 'attention'].includes(note.impact) &&
          isOpen(note),
      )
      .map((note) => noteCard(site, note, lang, { acrossReleases: true })),
    browse: {
      teams: link(`${lang}/teams/`),
      components: link(`${lang}/components/`),
      impact: link(`${lang}/impact/`),
      impacts: IMPACTS.map((impact) => ({
        href: link(toImpactPath(lang, impact)),
        label: t(lang, `impact.${impact}`),
      })),
    },
  };
}
