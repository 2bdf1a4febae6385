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
import {
  impactBadge,
  impactLegend,
  noteCard,
  type ImpactBadgeModel,
  type Link,
  type NoteCardModel,
} from './card.ts';
import { longDate } from './lists.ts';
import type { Site } from './site.ts';

/** Everything the home page (`/<lang>/`) shows. */
export interface HomeModel {
  lang: Lang;
  path: string;
  legend: ReturnType<typeof impactLegend>;
  releases: {
    link: Link;
    facts: string;
    counts: { href: string; badge: ImpactBadgeModel; count: number }[];
    coverage: Link;
    checklist: string;
  }[];
  /** Open items that need action, attention or study, across releases. */
  needsAction: NoteCardModel[];
  browse: { teams: string; components: string; impact: string; impacts: Link[] };
}

/** The model of the home page in `lang`. */
export function homeModel(site: Site, lang: Lang): HomeModel {
  const { base } = site.options;
  const link = (path: string) => withBase(base, path);
  return {
    lang,
    path: `${lang}/`,
    legend: impactLegend(lang),
    releases: site.releases.map((release) => {
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
          ['action-required', 'attention', 'investigate'].includes(note.impact) && isOpen(note),
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
