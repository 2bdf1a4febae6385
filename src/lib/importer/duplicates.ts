/**
 * One upstream change listed twice: the 1.7-era changelogs describe a feature once under "Notable
 * Features" (a bullet without a PR, sometimes citing its enhancement issue) and again among the PR
 * bullets of "Other notable changes". Both are one change, so one note. And the converse: one PR
 * listed for several changes side by side, each its own note.
 */
import { firstWords } from './ids.ts';
import { LEADING_TAGS, refKey, stripMarkdown } from './links.ts';
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

/** Below this share of common words, two texts listed side by side describe different changes. */
const SAME_CHANGE_OVERLAP = 0.5;

function words(item: UpstreamItem): Set<string> {
  return new Set(
    stripMarkdown(item.text)
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

/** The share of the shorter text's words the other text has too. */
function overlap(a: UpstreamItem, b: UpstreamItem): number {
  const [one, two] = [words(a), words(b)];
  const shared = [...one].filter((word) => two.has(word)).length;
  return shared / Math.max(1, Math.min(one.size, two.size));
}

const place = (item: UpstreamItem) =>
  JSON.stringify([item.version, item.section, item.headings, item.groups]);

/**
 * Whether `item`, citing the PR of the note `earlier` stands for, is a separate change of that PR:
 * listed beside one of them (same release section, upstream section, headings and pseudo-headings)
 * with a text sharing under half its words with each (1.7's Azure bullets "Add support for UDP
 * ports", "Fix support for multiple loadBalancerSourceRanges" and "Support the Service spec's
 * sessionAffinity", all #45523). The same change written twice shares most of its words
 * ("servicecontroller: Fix node selection logic…" and "Fix node selection logic…") and stays one note.
 */
export function isSeparateChange(item: UpstreamItem, earlier: readonly UpstreamItem[]): boolean {
  return (
    earlier.some((other) => place(other) === place(item)) &&
    earlier.every((other) => overlap(item, other) < SAME_CHANGE_OVERLAP)
  );
}
