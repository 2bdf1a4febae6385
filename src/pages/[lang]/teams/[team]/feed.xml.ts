import type { APIRoute, GetStaticPaths } from 'astro';
import { teamFeed } from '../../../../assessment-history.ts';
import { langItemPaths } from '../../../../lib/paths.ts';
import type { Lang } from '../../../../schemas/fields.ts';
import { site } from '../../../../queries.ts';

export const getStaticPaths = (() =>
  langItemPaths(site.teams, 'team', (team) => team.id)) satisfies GetStaticPaths;

/** `/<lang>/teams/<team>/feed.xml`: Atom feed of items entering the team's queue and of their verdict changes. */
export const GET: APIRoute = ({ props }) => {
  const { lang, item } = props as { lang: Lang; item: { id: string } };
  return new Response(teamFeed(lang, item.id), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
};
