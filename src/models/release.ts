import { htmlLang, t } from '../i18n/index.ts';
import { plainNoteText } from '../lib/note-text.ts';
import { langItemPaths } from '../lib/paths.ts';
import {
  assessedPercent,
  coverageOf,
  GENERAL_AREA,
  shownAssessmentStatus,
  triagingTeams,
} from '../lib/triage.ts';
import {
  toChecklistPath,
  toItemPath,
  toQueuePath,
  toReleasePath,
  toTeamPath,
  withBase,
} from '../lib/urls.ts';
import { checklistOf, groupByArea, groupBySectionAndArea, type ViewNote } from '../lib/views.ts';
import type { Lang } from '../schemas/fields.ts';
import type { Release, Theme } from '../schemas/release.ts';
import {
  actionGroups,
  actionOf,
  blockingItem,
  impactBadge,
  impactLegend,
  type BlockingItemModel,
  noteCard,
  shownTexts,
  type ImpactBadgeModel,
  type Link,
  type NoteCardModel,
} from './card.ts';
import { areaLabel, filterForm, impactChart, longDate, type FilterFormModel } from './lists.ts';
import { pageKey, pageModel, type PageModel, type Site } from './site.ts';

/** The three pages of a release and the notes each lists. */
const RELEASE_PAGES = {
  release: (site: Site, id: string) => site.notesByRelease.get(id) ?? [],
  checklist: (site: Site, id: string) => [
    ...checklistOf(site.notesByRelease.get(id) ?? []),
    ...(site.blockingByRelease.get(id) ?? []),
  ],
  untriaged: (site: Site, id: string) => site.untriagedByRelease.get(id) ?? [],
} as const;

type ReleasePage = keyof typeof RELEASE_PAGES;

function releaseInputs(site: Site, page: ReleasePage, id: string) {
  const release = site.releaseById.get(id);
  if (!release) throw new Error(`no release ${id}`);
  const notes = RELEASE_PAGES[page](site, id);
  return { release, notes, cacheKey: pageKey(site, [page, id], notes) };
}

/** `getStaticPaths` of one of a release's pages in every language, keyed by what it lists. */
export function releasePaths(site: Site, page: ReleasePage) {
  return langItemPaths(
    site.releases,
    'release',
    (release) => release.id,
    (release) => releaseInputs(site, page, release.id).cacheKey,
  );
}

/** A release's heading facts, in the page's language. */
function releaseFacts(site: Site, release: Release, notes: readonly ViewNote[], lang: Lang) {
  const coverage = site.coverageByRelease.get(release.id) ?? coverageOf([]);
  return {
    released: t(lang, 'release.released', { date: longDate(release.releaseDate, lang) }),
    status: t(lang, `assessment.${shownAssessmentStatus(release.assessment.status, coverage)}`),
    items: t(lang, 'release.items', { count: notes.length }),
    checklist: withBase(site.options.base, toChecklistPath(lang, release.id)),
    queue: withBase(site.options.base, toQueuePath(lang, release.id)),
  };
}

/** Everything a release page (`/<lang>/releases/<id>/`) shows. */
export interface ReleaseModel extends PageModel {
  title: string;
  facts: ReturnType<typeof releaseFacts> & { assessed: string; changelog: string };
  summary: string | undefined;
  /** The release's themes in the page's language (or, pending translation, the other with its `lang`). */
  themes: { text: string; lang?: string }[];
  /** Small print under the themes: translated from upstream, or not yet translated. */
  themesNotes: string[];
  coverage: { summary: string; total: number; assessed: number; parts: string; untriaged: number };
  chart: ReturnType<typeof impactChart>;
  legend: ReturnType<typeof impactLegend>;
  filters: FilterFormModel;
  sections: {
    id: string;
    heading: string;
    areas: {
      heading: string;
      remarks: string[];
      cards: NoteCardModel[];
      crossRefs: { href: string; title: string; section: string }[];
    }[];
  }[];
  remarks: {
    section: string;
    area: string;
    text: string;
    verdict: ImpactBadgeModel | undefined;
    covers: number | undefined;
  }[];
  /** "On this page": the page's parts and upstream sections, linking to their headings. */
  toc: (Link & { sections?: Link[] })[];
}

/** The "on this page" list of a release page, from what it shows. */
function releaseToc(
  lang: Lang,
  model: Pick<ReleaseModel, 'themes' | 'sections' | 'remarks'>,
): ReleaseModel['toc'] {
  return [
    ...(model.themes.length > 0 ? [{ href: '#themes', label: t(lang, 'release.themes') }] : []),
    { href: '#coverage', label: t(lang, 'coverage.title') },
    { href: '#chart', label: t(lang, 'release.chart') },
    ...(model.sections.length > 0
      ? [
          {
            href: '#filters-title',
            label: t(lang, 'release.sections'),
            sections: model.sections.map((group) => ({
              href: `#section-${group.id}`,
              label: group.heading,
            })),
          },
        ]
      : []),
    ...(model.remarks.length > 0 ? [{ href: '#remarks', label: t(lang, 'release.remarks') }] : []),
  ];
}

/** A theme's text in `lang`, or in the other language while its translation is pending. */
function shownTheme(theme: Theme, lang: Lang): { text: string; lang?: string } {
  const own = theme[lang];
  if (own !== undefined) return { text: own };
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return { text: theme[other] ?? '', lang: htmlLang(other) };
}

/** What the small print under a release's themes says in `lang`. */
function themesNotes(themes: readonly Theme[], lang: Lang): string[] {
  return [
    ...(themes.some((theme) => theme[lang] !== undefined && theme.translated.includes(lang))
      ? [t(lang, 'release.themesTranslated')]
      : []),
    ...(themes.some((theme) => theme[lang] === undefined)
      ? [t(lang, lang === 'zh' ? 'item.notTranslatedZh' : 'item.notTranslated')]
      : []),
  ];
}

/** The model of a release page in `lang`. */
export function releaseModel(site: Site, id: string, lang: Lang): ReleaseModel {
  const { release, notes, cacheKey } = releaseInputs(site, 'release', id);
  const coverage = site.coverageByRelease.get(id) ?? coverageOf([]);
  const covered = site.remarkCoverageByRelease.get(id) ?? [];
  const facts = releaseFacts(site, release, notes, lang);
  const title = site.names.release(id);
  const model: Omit<ReleaseModel, 'toc'> = {
    // Described by the release summary as plain text, or else by what the page is.
    ...pageModel(lang, toReleasePath(lang, id), cacheKey, title, {
      description: release.summary
        ? plainNoteText(release.summary[lang])
        : t(lang, 'meta.release', { release: title }),
      section: 'home',
    }),
    title,
    facts: {
      ...facts,
      assessed: t(lang, 'release.assessed', { status: facts.status }),
      changelog: release.changelogUrl,
    },
    summary: release.summary?.[lang],
    themes: release.themes.map((theme) => shownTheme(theme, lang)),
    themesNotes: themesNotes(release.themes, lang),
    coverage: {
      summary: t(lang, 'coverage.summary', {
        assessed: coverage.note + coverage.area,
        total: coverage.total,
        percent: assessedPercent(coverage),
      }),
      total: coverage.total,
      assessed: coverage.note + coverage.area,
      parts: t(lang, 'coverage.parts', { ...coverage }),
      untriaged: coverage.nobody,
    },
    chart: impactChart(site, notes, lang),
    legend: impactLegend(lang),
    filters: filterForm(site, notes, lang),
    sections: groupBySectionAndArea(notes, site.areas).map((group) => ({
      id: group.section,
      heading: t(lang, `section.${group.section}`),
      areas: group.areas.map((areaGroup) => ({
        heading: areaLabel(site, areaGroup.area, lang),
        remarks: release.remarks
          .filter((remark) => remark.section === group.section && remark.area === areaGroup.area)
          .map((remark) => remark.text[lang]),
        cards: areaGroup.notes.map((note) => noteCard(site, note, lang, { anchor: true })),
        crossRefs: areaGroup.crossRefs.map((note) => ({
          href: `#${note.id}`,
          title: shownTexts(note, lang).title.text,
          section: t(lang, `section.${note.section}`),
        })),
      })),
    })),
    remarks: release.remarks.map((remark, index) => ({
      section: t(lang, `section.${remark.section}`),
      area: areaLabel(site, remark.area, lang),
      text: remark.text[lang],
      verdict: remark.impact ? impactBadge(remark.impact, lang) : undefined,
      covers: remark.impact ? covered[index] : undefined,
    })),
  };
  return { ...model, toc: releaseToc(lang, model) };
}

/** One row of a release's upgrade checklist. */
export interface ChecklistRow {
  id: string;
  done: boolean;
  href: string;
  title: string;
  titleLang: string | undefined;
  impact: ImpactBadgeModel;
  teams: string;
  status: string;
  /** What to do, in the page's language; absent when the note records no action. */
  action: string | undefined;
}

/** Everything a release's upgrade checklist shows. */
export interface ChecklistModel extends PageModel {
  title: string;
  /** Untriaged items upstream marks action-required: listed first, each blocking until assessed. */
  blocking: { heading: string; intro: string; items: BlockingItemModel[] };
  /** The assessed items, by when their action is done (before, during, after the upgrade, then none). */
  groups: { id: string; heading: string; rows: ChecklistRow[] }[];
  /** How many items of the release nobody has assessed yet (printed). */
  untriaged: string;
}

/** The model of a release's upgrade checklist in `lang`. */
export function checklistModel(site: Site, id: string, lang: Lang): ChecklistModel {
  const { cacheKey } = releaseInputs(site, 'checklist', id);
  const coverage = site.coverageByRelease.get(id) ?? coverageOf([]);
  const blocking = site.blockingByRelease.get(id) ?? [];
  const row = (note: ViewNote): ChecklistRow => {
    const texts = shownTexts(note, lang);
    const title = texts.title;
    return {
      id: note.id,
      done: note.status === 'done' || note.status === 'accepted',
      href: withBase(site.options.base, toItemPath(lang, note.id)),
      title: title.text,
      titleLang: title.lang,
      impact: impactBadge(note.impact, lang),
      teams: note.teams.map((team) => site.names.team(team, lang)).join(', ') || '—',
      status: note.status ? t(lang, `status.${note.status}`) : '—',
      // What to do: the note's action, else its assessment (printed under the title).
      action:
        actionOf(note, lang)?.text ??
        (texts.assessment && plainNoteText(texts.assessment.text, 400)),
    };
  };
  const title = t(lang, 'checklist.title', { release: site.names.release(id) });
  return {
    ...pageModel(lang, toChecklistPath(lang, id), cacheKey, title, {
      description: t(lang, 'checklist.intro'),
      section: 'home',
    }),
    title,
    blocking: {
      heading: `${t(lang, 'blocking.title')} (${blocking.length})`,
      intro: t(lang, 'blocking.intro'),
      items: blocking.map((note) => blockingItem(site, note, lang)),
    },
    groups: actionGroups(checklistOf(site.notesByRelease.get(id) ?? []), (note) => note, lang).map(
      (group) => ({ id: group.id, heading: group.heading, rows: group.items.map(row) }),
    ),
    untriaged: t(lang, 'checklist.untriaged', { count: coverage.nobody }),
  };
}

/** Everything a release's untriaged queue shows. */
export interface QueueModel extends PageModel {
  title: string;
  release: Link;
  filters: FilterFormModel;
  total: number;
  /** Per area: its name, how many items it has (the page updates it while filtering), its teams and cards. */
  areas: { id: string; heading: string; count: number; teams: Link[]; cards: NoteCardModel[] }[];
}

/** The model of a release's untriaged queue in `lang`. */
export function queueModel(site: Site, id: string, lang: Lang): QueueModel {
  const { notes, cacheKey } = releaseInputs(site, 'untriaged', id);
  const { base } = site.options;
  const title = t(lang, 'queue.title', { release: site.names.release(id) });
  return {
    ...pageModel(lang, toQueuePath(lang, id), cacheKey, title, {
      section: 'home',
      searchable: false,
    }),
    title,
    release: { href: withBase(base, toReleasePath(lang, id)), label: site.names.release(id) },
    // Untriaged items have no impact, maturity or components to choose by yet; teams are those they wait for.
    filters: filterForm(site, notes, lang, {
      impact: null,
      component: null,
      maturity: null,
      team: (note) => note.waitingFor,
    }),
    total: notes.length,
    areas: groupByArea(notes, site.areas).map((group) => ({
      id: group.area ?? GENERAL_AREA,
      heading: areaLabel(site, group.area, lang),
      count: group.notes.length,
      teams: triagingTeams(group.area, site.areas).map((team) => ({
        href: withBase(base, toTeamPath(lang, team)),
        label: site.names.team(team, lang),
      })),
      cards: group.notes.map((note) =>
        noteCard(site, note, lang, { filterValues: { team: note.waitingFor } }),
      ),
    })),
  };
}
