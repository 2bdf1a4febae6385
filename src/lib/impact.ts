/** PICT's verdict on an upstream change, most urgent first; `untriaged` means nobody has assessed it yet. */
export const IMPACTS = [
  'action-required',
  'attention',
  'investigate',
  'watch',
  'none',
  'untriaged',
] as const;

/** One level of the impact scale. */
export type Impact = (typeof IMPACTS)[number];

/** Why an item has no impact on PICT: PICT does not use it, it does not apply to PICT's setup, or it is simply irrelevant. */
export const NO_IMPACT_REASONS = ['not-used', 'not-applicable', 'irrelevant'] as const;

/** One reason for `impact: none`. */
export type NoImpactReason = (typeof NO_IMPACT_REASONS)[number];

/** Impact levels that call for follow-up work, and so get a follow-up status. */
export const IMPACTS_NEEDING_WORK: readonly Impact[] = [
  'action-required',
  'attention',
  'investigate',
];

/** Returns true when an item of this impact calls for follow-up work. */
export function needsWork(impact: Impact): boolean {
  return IMPACTS_NEEDING_WORK.includes(impact);
}

/** Sort comparator: the more urgent impact first. */
export function compareImpact(a: Impact, b: Impact): number {
  return IMPACTS.indexOf(a) - IMPACTS.indexOf(b);
}
