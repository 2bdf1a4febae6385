import type { APIRoute, GetStaticPaths } from 'astro';
import { siteFeed } from '../../assessment-history.ts';
import { langPaths } from '../../lib/paths.ts';
import type { Lang } from '../../schemas/fields.ts';

export const getStaticPaths = (() => langPaths()) satisfies GetStaticPaths;

/** `/<lang>/feed.xml`: Atom feed of assessment changes. */
export const GET: APIRoute = ({ props }) =>
  new Response(siteFeed((props as { lang: Lang }).lang), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
