import type { Area } from '../schemas/area.ts';
import type { Lang, LocalizedText } from '../schemas/fields.ts';
import { ACTION_TIMES, type Note, type NoteTexts } from '../schemas/note.ts';
import type { Release } from '../schemas/release.ts';
import { IMPACTS, compareImpact, type Impact } from './impact.ts';
import { SECTIONS, type Section } from './sections.ts';
import { verdictOf, waitingFor, type AssessedBy } from './triage.ts';

/**
 * A note as pages use it: the validated data with its effective verdict (`impact` is inherited from
 * an area verdict when the note itself is untriaged), plus the file it came from.
 */
export interface ViewNote extends Note {
  /** Path of the source file relative to the project root, for edit links. */
  file: string;
  /** Whether the verdict is the note's own, inherited from a release remark, or missing. */
  assessedBy: AssessedBy;
  /** The release remark an inherited verdict comes from. */
  areaVerdict?: LocalizedText;
  /** Teams that have something to do on it: triage it, or finish its follow-up. */
  waitingFor: string[];
}

/** The view of a note: its effective verdict from its release's remarks and who it is waiting for. */
export function toViewNote(
  note: Note,
  file: string,
  release: Pick<Release, 'remarks'> | undefined,
  areas: readonly Area[],
): ViewNote {
  const verdict = verdictOf(note, release?.remarks ?? []);
  const view: ViewNote = {
    ...note,
    file,
    impact: verdict.impact,
    assessedBy: verdict.assessedBy,
    waitingFor: [],
  };
  if (verdict.remark) view.areaVerdict = verdict.remark.text;
  view.waitingFor = waitingFor(view, areas);
  return view;
}

/** Texts to show in `lang`, falling back to the other language when a translation is pending. */
export interface ShownTexts {
  texts: NoteTexts;
  /** The language the texts are actually in. */
  lang: Lang;
  /** True when the texts are in the other language because the translation is missing. */
  fallback: boolean;
}

/** The texts of a note in `lang`, or in the other language with `fallback` set. */
export function textsFor(note: Note, lang: Lang): ShownTexts {
  const own = note[lang];
  if (own) return { texts: own, lang, fallback: false };
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const texts = note[other];
  if (!texts) throw new Error(`note ${note.id} has no texts`);
  return { texts, lang: other, fallback: true };
}

/** Counts notes per impact level, every level present (zero where none). */
export function countByImpact(notes: readonly Note[]): Record<Impact, number> {
  const counts = Object.fromEntries(IMPACTS.map((impact) => [impact, 0])) as Record<Impact, number>;
  for (const note of notes) counts[note.impact] += 1;
  return counts;
}

/** Sort comparator: most urgent impact first, then title-independent id order for stability. */
export function compareNotes(a: Note, b: Note): number {
  return compareImpact(a.impact, b.impact) || a.id.localeCompare(b.id);
}

/** One area of a section on a release page; `crossRefs` are notes listed here by upstream but kept elsewhere. */
export interface AreaGroup<N extends Note> {
  area: string | undefined;
  notes: N[];
  crossRefs: N[];
}

/** One upstream section on a release page. */
export interface SectionGroup<N extends Note> {
  section: Section;
  areas: AreaGroup<N>[];
}

/** Groups a release's notes by upstream section (document order) and area (order of `areas`), urgent first. */
export function groupBySectionAndArea<N extends Note>(
  notes: readonly N[],
  areas: readonly Area[],
): SectionGroup<N>[] {
  const areaOrder = (area: string | undefined) =>
    area === undefined ? -1 : areas.findIndex((candidate) => candidate.id === area);
  return SECTIONS.flatMap((section) => {
    const primary = notes.filter((note) => note.section === section);
    const crossRefs = notes.filter((note) => note.alsoIn.includes(section));
    if (primary.length === 0 && crossRefs.length === 0) return [];
    const keys = [...new Set([...primary, ...crossRefs].map((note) => note.area))].sort(
      (a, b) => areaOrder(a) - areaOrder(b),
    );
    return [
      {
        section,
        areas: keys.map((area) => ({
          area,
          notes: primary.filter((note) => note.area === area).sort(compareNotes),
          crossRefs: crossRefs.filter((note) => note.area === area).sort(compareNotes),
        })),
      },
    ];
  });
}

/** Whether the note has follow-up work still to do. */
export function isOpen(note: Note): boolean {
  return note.status === 'open' || note.status === 'in-progress';
}

/** Sort comparator for team pages: open follow-ups first, then by impact. */
export function compareOpenFirst(a: Note, b: Note): number {
  return Number(isOpen(b)) - Number(isOpen(a)) || compareNotes(a, b);
}

/** Other notes of the same release and area, most urgent first. */
export function neighboursOf<N extends Note>(note: Note, notes: readonly N[], limit = 6): N[] {
  return notes
    .filter(
      (other) => other.id !== note.id && other.release === note.release && other.area === note.area,
    )
    .sort(compareNotes)
    .slice(0, limit);
}

/** Impact levels an upgrade checklist lists: everything above "no impact". */
export const CHECKLIST_IMPACTS: readonly Impact[] = [
  'action-required',
  'attention',
  'investigate',
  'watch',
];

/** The notes of an upgrade checklist, most urgent first. */
export function checklistOf<N extends Note>(notes: readonly N[]): N[] {
  return notes.filter((note) => CHECKLIST_IMPACTS.includes(note.impact)).sort(compareNotes);
}

/** How two notes are linked across releases, seen from one of them. */
export type NoteLink = 'follows' | 'supersedes' | 'followed-by' | 'superseded-by';

/** A note linked to another across releases, and how. */
export interface LinkedNote<N extends Note> {
  link: NoteLink;
  note: N;
}

/**
 * For every note, the notes linked to it by `follows`/`supersedes`, both ways: those it points at
 * (follows, then supersedes), then those that point at it. One pass over all notes.
 */
export function indexLinkedNotes<N extends Note>(
  notes: readonly N[],
): Map<string, LinkedNote<N>[]> {
  const byId = new Map(notes.map((note) => [note.id, note]));
  const outgoing = new Map(notes.map((note) => [note.id, [] as LinkedNote<N>[]]));
  const incoming = new Map(notes.map((note) => [note.id, [] as LinkedNote<N>[]]));
  for (const note of notes) {
    for (const [field, reverse] of [
      ['follows', 'followed-by'],
      ['supersedes', 'superseded-by'],
    ] as const) {
      for (const id of note[field]) {
        const other = byId.get(id);
        if (!other) continue;
        outgoing.get(note.id)?.push({ link: field, note: other });
        incoming.get(id)?.push({ link: reverse, note });
      }
    }
  }
  return new Map(
    notes.map((note) => [
      note.id,
      [...(outgoing.get(note.id) ?? []), ...(incoming.get(note.id) ?? [])],
    ]),
  );
}

/** Notes grouped by area in the order of `areas` (notes without an area first), each group urgent first. */
export function groupByArea<N extends Note>(
  notes: readonly N[],
  areas: readonly Area[],
): { area: string | undefined; notes: N[] }[] {
  const order = (area: string | undefined) =>
    area === undefined ? -1 : areas.findIndex((candidate) => candidate.id === area);
  return [...Map.groupBy(notes, (note) => note.area)]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([area, list]) => ({ area, notes: [...list].sort(compareNotes) }));
}

/** The groups checklists and upgrade paths list items in: by when their action is done, then items without one. */
export const ACTION_GROUPS = [...ACTION_TIMES, 'no-action'] as const;

/** One group of {@link ACTION_GROUPS}. */
export type ActionGroup = (typeof ACTION_GROUPS)[number];

/** Items grouped by when their action is done (before, during, after the upgrade, then none), order kept; empty groups left out. */
export function groupByAction<T>(
  items: readonly T[],
  noteOf: (item: T) => Pick<Note, 'action'>,
): { when: ActionGroup; items: T[] }[] {
  const groups = Map.groupBy(
    items,
    (item): ActionGroup => noteOf(item).action?.when ?? 'no-action',
  );
  return ACTION_GROUPS.flatMap((when) => {
    const group = groups.get(when);
    return group ? [{ when, items: group }] : [];
  });
}
