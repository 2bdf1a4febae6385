/** Deterministic note ids for upstream items. */
import { kebab } from './areas.ts';
import { numberedRefs, stripMarkdown } from './links.ts';
import type { UpstreamItem } from './types.ts';

/** FNV-1a (32 bit) of a text's UTF-16 code units, as 8 hex digits: stable across runs and platforms. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The first `count` words of a Markdown text as a slug (links reduced to their text). */
export function firstWords(text: string, count: number): string {
  return kebab(stripMarkdown(text).split(/\s+/).slice(0, count).join(' '))
    .split('-')
    .filter(Boolean)
    .slice(0, count)
    .join('-');
}

/**
 * The id of an item's note. With a PR: `<idPrefix>-pr-<number>` (the item's own PR, i.e. the first
 * of its trailer; `<idPrefix>-<repo>-pr-<number>` for a PR outside kubernetes/kubernetes). Without:
 * `<idPrefix>-<section>-<first five words>-<6 hex digits of FNV-1a of the text>`, so the same text in
 * the same section always gets the same id, and different texts practically never share one.
 */
export function itemId(item: UpstreamItem, idPrefix: string): string {
  const [pr] = item.prs.flatMap((url) => numberedRefs(url));
  if (pr) {
    const inKubernetes = pr.owner === 'kubernetes' && pr.repo === 'kubernetes';
    return inKubernetes
      ? `${idPrefix}-pr-${pr.number}`
      : `${idPrefix}-${kebab(pr.repo)}-pr-${pr.number}`;
  }
  const words = firstWords(item.text, 5);
  return [idPrefix, item.section, words, fnv1a(item.text).slice(0, 6)].filter(Boolean).join('-');
}

/**
 * The id of a separate change listed under the same PR as an earlier item (`isSeparateChange`): the
 * PR's id and the first five words of its text (`k8s-1.7-pr-45523-support-the-service-specs-sessionaffinity`).
 */
export function separateChangeId(prId: string, item: UpstreamItem): string {
  return `${prId}-${firstWords(item.text.replace(/['’]s\b/g, 's'), 5)}`;
}
