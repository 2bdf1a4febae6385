/**
 * One upstream change listed twice: the 1.7-era changelogs describe a feature once under "Notable
 * Features" (a bullet without a PR, sometimes citing its enhancement issue) and again among the PR
 * bullets of "Other notable changes". Both are one change, so one note.
 */
import { firstWords } from './ids.ts';
import { LEADING_TAGS, refKey } from './links.ts';
import type { UpstreamItem } from './types.ts';

/** How many opening words two texts must share to describe the same change. */
const SAME_OPENING_WORDS = 4;

function opening(item: UpstreamItem): string {
  const words = firstWords(item.text.replace(LEADING_TAGS, ''), SAME_OPENING_WORDS);
  return words.split('-').length === SAME_OPENING_WORDS ? words : '';
}

function issueKeys(item: UpstreamItem): Set<string> {
  return new Set(item.issues.flatMap((url) => refKey(url) ?? []));
}

/**
 * For each notable-features bullet without a PR of its own that describes the same change as exactly
 * one PR bullet of another section, that PR bullet. The same change: both cite the same issue or
 * enhancement (`kubernetes/features#287`), or both open with the same words (`PodDisruptionBudget now
 * uses ControllerRef`, tags such as `[beta]` and link markup aside).
 */
export function sameChangeAs(items: readonly UpstreamItem[]): Map<UpstreamItem, UpstreamItem> {
  const withPr = items.filter((item) => item.prs.length > 0 && item.section !== 'notable-features');
  const pairs = new Map<UpstreamItem, UpstreamItem>();
  for (const feature of items) {
    if (feature.section !== 'notable-features' || feature.prs.length > 0) continue;
    const issues = issueKeys(feature);
    const words = opening(feature);
    const candidates = withPr.filter(
      (candidate) =>
        [...issueKeys(candidate)].some((key) => issues.has(key)) ||
        (words !== '' && opening(candidate) === words),
    );
    const [only] = candidates;
    if (only && candidates.length === 1) pairs.set(feature, only);
  }
  return pairs;
}
