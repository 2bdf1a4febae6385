import { t } from '../i18n/index.ts';
import { langItemPaths } from '../lib/paths.ts';
import { toQueuePath, toTeamPath, withBase } from '../lib/urls.ts';
import { isOpen } from '../lib/views.ts';
import type { Lang } from '../schemas/fields.ts';
import { noteCard, type Link, type NoteCardModel } from './card.ts';
import { releaseCounts, type ReleaseCountsModel } from './lists.ts';
import { pageHead, pageKey, pageModel, type PageModel, type Site } from './site.ts';

function teamInputs(site: Site, id: string) {
  const team = site.teams.find((candidate) => candidate.id === id);
  if (!team) throw new Error(`no team ${id}`);
  const notes = site.notesByTeam.get(id) ?? [];
  const waiting = site.notesWaitingByTeam.get(id) ?? [];
  return { team, notes, waiting, cacheKey: pageKey(site, ['team', id], [...notes, ...waiting]) };
}

/** `getStaticPaths` of the team pages, keyed by the notes each shows. */
export function teamPaths(site: Site) {
  return langItemPaths(
    site.teams,
    'team',
    (team) => team.id,
    (team) => teamInputs(site, team.id).cacheKey,
  );
}

/** Everything a team page shows: what waits for the team (each open item once), then its notes counted per release and impact. */
export interface TeamModel extends PageModel {
  name: string;
  description: string;
  contact: string | undefined;
  waitingHeading: string;
  /** Per release with untriaged items in the team's areas: a link to the queue filtered to the team. */
  untriaged: { queue: Link; count: string }[];
  open: NoteCardModel[];
  /** Per release and impact, how many of its items, linking to the release page filtered to them. */
  counts: ReleaseCountsModel;
}

/** The model of a team page in `lang`. */
export function teamModel(site: Site, id: string, lang: Lang): TeamModel {
  const { team, notes, waiting, cacheKey } = teamInputs(site, id);
  const untriaged = waiting.filter((note) => note.assessedBy === 'nobody');
  return {
    ...pageModel(lang, toTeamPath(lang, id), cacheKey, team.name[lang], {
      description: t(lang, 'team.description', { name: team.name[lang] }),
      section: 'teams',
    }),
    name: team.name[lang],
    description: team.description[lang],
    contact: team.contact,
    waitingHeading: t(lang, 'team.waiting', { name: team.name[lang] }),
    untriaged: site.releases.flatMap((release) => {
      const count = untriaged.filter((note) => note.release === release.id).length;
      if (count === 0) return [];
      const queue = withBase(site.options.base, toQueuePath(lang, release.id));
      return [
        {
          queue: {
            href: `${queue}?team=${encodeURIComponent(id)}`,
            label: site.names.release(release.id),
          },
          count: t(lang, 'team.untriaged', { count }),
        },
      ];
    }),
    open: notes.filter(isOpen).map((note) => noteCard(site, note, lang, { acrossReleases: true })),
    counts: releaseCounts(site, notes, lang, { team: id }),
  };
}

/** The teams index: each team with its description and counts. */
export function teamsIndexModel(site: Site, lang: Lang) {
  return {
    head: pageHead(lang, `${lang}/teams/`, t(lang, 'team.title'), {
      description: t(lang, 'meta.teams'),
      section: 'teams',
    }),
    teams: site.teams.map((team) => {
      const notes = site.notesByTeam.get(team.id) ?? [];
      return {
        link: {
          href: withBase(site.options.base, toTeamPath(lang, team.id)),
          label: team.name[lang],
        },
        description: team.description[lang],
        counts: `${t(lang, 'release.items', { count: notes.length })} · ${t(lang, 'status.open')}: ${notes.filter(isOpen).length}`,
      };
    }),
  };
}
