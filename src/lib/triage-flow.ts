/**
 * What `npm run triage` works through and shows beside each note: the queue (in the order of the
 * site's untriaged page) and the notes of other releases about the same change.
 */
import type { Area } from '../schemas/area.ts';
import { LANGS, type Lang } from '../schemas/fields.ts';
import type { ActionTime, Note } from '../schemas/note.ts';
import type { Release } from '../schemas/release.ts';
import type { Assessment, AssessmentTexts } from './assess.ts';
import type { Impact, NoImpactReason } from './impact.ts';
import { groupByArea, type ViewNote } from './views.ts';

/** Which part of a release's queue to work through. */
export interface QueueFilter {
  release: string;
  area?: string;
  team?: string;
}

/**
 * The untriaged notes of a release (nobody assessed them and no area verdict covers them), optionally
 * of one area or waiting for one team, in the order of the release's untriaged page: by area in the
 * order of `areas`, notes without an area first.
 */
export function triageQueue<N extends ViewNote>(
  notes: readonly N[],
  areas: readonly Area[],
  filter: QueueFilter,
): N[] {
  const waiting = notes.filter(
    (note) =>
      note.release === filter.release &&
      note.assessedBy === 'nobody' &&
      (filter.area === undefined || note.area === filter.area) &&
      (filter.team === undefined || note.waitingFor.includes(filter.team)),
  );
  return groupByArea(waiting, areas).flatMap((group) => group.notes);
}

/** Upstream pull requests a note cites, as `owner/repo#number`. */
export function pullRequestsOf(note: Pick<Note, 'upstream'>): string[] {
  return note.upstream.flatMap((link) => {
    const match = /github\.com\/([^/]+\/[^/]+)\/pull\/(\d+)/.exec(link.url);
    return match ? [`${match[1]}#${match[2]}`] : [];
  });
}

// CamelCase names next to "feature gate", or in `--feature-gates=Name=…`: loose words are not gates.
const GATE_PATTERNS = [
  /`?\b([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)`?\s+(?:(?:alpha|beta)\s+)?feature[- ]gate/g,
  /feature[- ]gates?\s+`?([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)`?/g,
  /feature-gates=`?([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+)/g,
];

/** Feature gates a note's upstream texts name. */
export function featureGatesOf(note: Pick<Note, 'en' | 'zh'>): string[] {
  const text = [note.en?.title, note.en?.summary, note.zh?.title, note.zh?.summary].join('\n');
  const gates = GATE_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].flatMap((match) => (match[1] ? [match[1]] : [])),
  );
  return [...new Set(gates)];
}

/** A note of another release about the same change, and what they share. */
export interface RelatedNote<N> {
  note: N;
  /** `pr owner/repo#123` or `feature gate Name`. */
  via: string[];
}

/** Notes of other releases that cite the same pull request or name the same feature gate as `note`. */
export function relatedNotes<N extends Note>(note: Note, notes: readonly N[]): RelatedNote<N>[] {
  const keysOf = (other: Note) => [
    ...pullRequestsOf(other).map((pr) => `pr ${pr}`),
    ...featureGatesOf(other).map((gate) => `feature gate ${gate}`),
  ];
  const own = new Set(keysOf(note));
  if (own.size === 0) return [];
  return notes.flatMap((other) => {
    if (other.release === note.release) return [];
    const via = keysOf(other).filter((key) => own.has(key));
    return via.length > 0 ? [{ note: other, via }] : [];
  });
}

/** Related notes of releases older than the note's that it does not follow yet: candidates for `follows`. */
export function followsCandidates<N extends Note>(
  note: Note,
  related: readonly RelatedNote<N>[],
  releases: readonly Pick<Release, 'id' | 'releaseDate'>[],
): N[] {
  const dateOf = (id: string) => releases.find((release) => release.id === id)?.releaseDate;
  const own = dateOf(note.release);
  return related
    .map(({ note: other }) => other)
    .filter((other) => {
      const date = dateOf(other.release);
      return own && date && date < own && !note.follows.includes(other.id);
    });
}

/** The teams a triage flow proposes for a note: its own, else the teams that triage its area. */
export function proposedTeams(
  note: Pick<Note, 'teams' | 'area'>,
  areas: readonly Area[],
): string[] {
  if (note.teams.length > 0) return note.teams;
  return areas.find((area) => area.id === note.area)?.teams ?? [];
}

/** The answers of one assessment in the triage flow, keyed by question. */
export interface TriageAnswers extends Record<`${Lang}.${keyof AssessmentTexts}`, string> {
  impact: Impact;
  reason: NoImpactReason;
  teams: string[];
  components: string[];
  /** `''`: does not apply. */
  maturity: string;
  /** `''`: the default for the impact. */
  status: string;
  /** Earlier notes picked among the candidates (added to those the note follows). */
  follows: string[];
  /** `''`: no action. */
  'action.when': ActionTime | '';
  'action.zh': string;
  'action.en': string;
}

/** One question of a flow: the answer it gives, and whether it is asked given the answers before it. */
export interface Step<A> {
  key: keyof A & string;
  asked?: (answers: Partial<A>) => boolean;
}

/** What a question answers to go back one question (Esc). */
export const BACK: unique symbol = Symbol('back');

/**
 * Asks `steps` in order, skipping those not asked given the answers so far; `BACK` returns to the
 * previous question asked, with every answer kept for `ask` to offer again. Going back from the first
 * question gives `undefined`. An answer whose question is no longer asked is dropped.
 */
export async function walkSteps<A, S extends Step<A>>(
  steps: readonly S[],
  ask: (step: S, answers: Partial<A>) => Promise<unknown>,
): Promise<Partial<A> | undefined> {
  const answers: Partial<A> = {};
  let index = 0;
  let direction = 1;
  while (index < steps.length) {
    const step = steps[index];
    if (index < 0 || !step) return undefined;
    if (step.asked && !step.asked(answers)) {
      delete answers[step.key];
      index += direction;
      continue;
    }
    const answer = await ask(step, answers);
    direction = answer === BACK ? -1 : 1;
    if (answer !== BACK) answers[step.key] = answer as A[typeof step.key];
    index += direction;
  }
  return answers;
}

/**
 * The assessment a note's triage answers make: the texts given per language (none where an empty title
 * keeps a translation pending), the follows picked added
 * to the note's own, and the action: set when a time is given, removed when "no action" is chosen for
 * a note that has one, else left out.
 */
export function assessmentOf(
  note: Pick<Note, 'follows' | 'action'>,
  answers: Partial<TriageAnswers> & Pick<TriageAnswers, 'impact'>,
): Assessment {
  const texts: Assessment['texts'] = {};
  for (const lang of LANGS) {
    // An empty title (asked only while the translation is pending) keeps the language pending.
    if (answers[`${lang}.title`]?.trim() === '') continue;
    const given = Object.fromEntries(
      (['title', 'summary', 'assessment'] as const).flatMap((key) => {
        const value = answers[`${lang}.${key}`];
        return value === undefined ? [] : [[key, value]];
      }),
    );
    if (Object.keys(given).length > 0) texts[lang] = given;
  }
  const when = answers['action.when'];
  const action = when
    ? { when, zh: answers['action.zh'] ?? '', en: answers['action.en'] ?? '' }
    : when === '' && note.action
      ? null
      : undefined;
  const follows = answers.follows ?? [];
  return {
    impact: answers.impact,
    ...(answers.reason && answers.impact === 'none' ? { reason: answers.reason } : {}),
    ...(answers.teams ? { teams: answers.teams } : {}),
    ...(answers.components ? { components: answers.components } : {}),
    ...(answers.maturity ? { maturity: answers.maturity } : {}),
    ...(answers.status ? { status: answers.status } : {}),
    ...(follows.length > 0 ? { follows: [...note.follows, ...follows] } : {}),
    ...(action === undefined ? {} : { action }),
    texts,
  };
}
