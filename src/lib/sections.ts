/** The sections of an upstream release-notes document, in the order they appear there. */
export const SECTIONS = [
  'major-themes',
  'action-required',
  'known-issues',
  'deprecations',
  'notable-features',
  'other-notable-changes',
] as const;

/** One upstream section. */
export type Section = (typeof SECTIONS)[number];

/** Sort comparator: upstream document order. */
export function compareSection(a: Section, b: Section): number {
  return SECTIONS.indexOf(a) - SECTIONS.indexOf(b);
}
