import type { Area } from '../schemas/area.ts';
import type { Note } from '../schemas/note.ts';
import type { ASSESSMENT_STATUSES, Release, Remark } from '../schemas/release.ts';
import type { Impact } from './impact.ts';

/** How a note got its verdict: assessed on its own, covered by a release remark on its area or section, or not yet. */
export const ASSESSED_BY = ['note', 'area', 'nobody'] as const;

/** One way a note got its verdict. */
export type AssessedBy = (typeof ASSESSED_BY)[number];

/** A note's effective verdict. */
export interface Verdict {
  impact: Impact;
  assessedBy: AssessedBy;
  /** The remark the verdict comes from, when `assessedBy` is `area`. */
  remark?: Remark;
}

/** Whether a remark states a verdict: an impact other than `untriaged`. */
function statesVerdict(remark: Remark): boolean {
  return remark.impact !== undefined && remark.impact !== 'untriaged';
}

/**
 * The remark whose verdict covers a note: the first one on the note's section and area, else the
 * first one on its whole section; undefined when no remark there states an impact.
 */
export function coveringRemark(
  note: Pick<Note, 'section' | 'area'>,
  remarks: readonly Remark[],
): Remark | undefined {
  const inSection = remarks.filter(
    (remark) => remark.section === note.section && statesVerdict(remark),
  );
  return (
    (note.area === undefined ? undefined : inSection.find((remark) => remark.area === note.area)) ??
    inSection.find((remark) => remark.area === undefined)
  );
}

/** A note's verdict: its own impact unless untriaged, else the covering remark's, else untriaged. */
export function verdictOf(
  note: Pick<Note, 'impact' | 'section' | 'area'>,
  remarks: readonly Remark[],
): Verdict {
  if (note.impact !== 'untriaged') return { impact: note.impact, assessedBy: 'note' };
  const remark = coveringRemark(note, remarks);
  return remark?.impact
    ? { impact: remark.impact, assessedBy: 'area', remark }
    : { impact: 'untriaged', assessedBy: 'nobody' };
}

/** How many of a release's items are assessed individually, by an area verdict, or not at all. */
export interface Coverage {
  total: number;
  note: number;
  area: number;
  nobody: number;
}

/** Counts notes by how they were assessed. */
export function coverageOf(notes: readonly { assessedBy: AssessedBy }[]): Coverage {
  const coverage: Coverage = { total: notes.length, note: 0, area: 0, nobody: 0 };
  for (const note of notes) coverage[note.assessedBy] += 1;
  return coverage;
}

/**
 * Share of items assessed one way or another, as a whole percentage: rounded down so that it is 100
 * only when complete, and at least 1 once anything is assessed (1 of 161 is not "0%").
 */
export function assessedPercent(coverage: Coverage): number {
  if (coverage.total === 0) return 100;
  const assessed = coverage.note + coverage.area;
  return assessed === 0 ? 0 : Math.max(1, Math.floor((100 * assessed) / coverage.total));
}

/** How far a release's assessment has got. */
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/**
 * The assessment status a release is shown with: the status its data file records, but never further
 * than its coverage — "complete" only when no item is left unassessed, "in progress" rather than "not
 * started" once an item is assessed. Derived rather than enforced by the checker, so that importing
 * new items into a release marked complete shows it in progress instead of failing the build.
 */
export function shownAssessmentStatus(
  recorded: AssessmentStatus,
  coverage: Coverage,
): AssessmentStatus {
  if (recorded === 'complete' && coverage.nobody > 0) return 'in-progress';
  if (recorded === 'not-started' && coverage.note + coverage.area > 0) return 'in-progress';
  return recorded;
}

/** The area id whose teams triage the items upstream files under no sub-heading (shown as "General"). */
export const GENERAL_AREA = 'general';

/** The teams that triage an area's items; items without an area go to the general area's teams. */
export function triagingTeams(area: string | undefined, areas: readonly Area[]): string[] {
  const id = area ?? GENERAL_AREA;
  return areas.find((candidate) => candidate.id === id)?.teams ?? [];
}

/** Whether upstream marks an item action-required: flagged so, or filed under the action-required section. */
export function upstreamActionRequired(
  note: Pick<Note, 'actionRequired' | 'section' | 'alsoIn'>,
): boolean {
  return (
    note.actionRequired ||
    note.section === 'action-required' ||
    note.alsoIn.includes('action-required')
  );
}

/**
 * Whether an item blocks an upgrade until someone assesses it: upstream marks it action-required
 * and it has no verdict yet (its effective impact is still untriaged).
 */
export function isBlockingUntriaged(
  note: Pick<Note, 'impact' | 'actionRequired' | 'section' | 'alsoIn'>,
): boolean {
  return note.impact === 'untriaged' && upstreamActionRequired(note);
}

/**
 * Teams a note is waiting for: the teams that triage its area while nobody has assessed it (its own
 * teams when it names some), its own teams while its follow-up is open; none otherwise.
 */
export function waitingFor(
  note: Pick<Note, 'teams' | 'area' | 'status'> & { assessedBy: AssessedBy },
  areas: readonly Area[],
): string[] {
  if (note.assessedBy === 'nobody') {
    if (note.teams.length > 0) return note.teams;
    return triagingTeams(note.area, areas);
  }
  return note.status === 'open' || note.status === 'in-progress' ? note.teams : [];
}

/** Release-level remarks that state contradicting verdicts for the same section and area, as index pairs. */
export function conflictingRemarks(release: Pick<Release, 'remarks'>): [number, number][] {
  const conflicts: [number, number][] = [];
  release.remarks.forEach((remark, index) => {
    const earlier = release.remarks.findIndex(
      (other, otherIndex) =>
        otherIndex < index &&
        statesVerdict(other) &&
        statesVerdict(remark) &&
        other.section === remark.section &&
        other.area === remark.area &&
        other.impact !== remark.impact,
    );
    if (earlier >= 0) conflicts.push([earlier, index]);
  });
  return conflicts;
}

/** For each remark, how many notes take their verdict from it. */
export function countCoveredByRemark(
  notes: readonly (Pick<Note, 'section' | 'area'> & { assessedBy: AssessedBy })[],
  remarks: readonly Remark[],
): number[] {
  const counts = remarks.map(() => 0);
  for (const note of notes) {
    if (note.assessedBy !== 'area') continue;
    const remark = coveringRemark(note, remarks);
    const index = remark ? remarks.indexOf(remark) : -1;
    if (index >= 0) counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}
