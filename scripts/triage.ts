/**
 * `npm run triage -- --release <id> [--area <id>] [--team <id>] [--root <dir>]`: a keyboard-only walk
 * through a release's untriaged notes, in the order of its untriaged page. For each note it shows the
 * upstream text, the area and its teams and related notes of other releases, then asks the verdict;
 * the note is written as `npm run assess` writes it (comments and key order kept, checked first).
 * A menu before each note skips it, goes back, sets a verdict for its whole area, or quits; the
 * questions are declared once, in order, and Esc in any goes back one question (from the first, to
 * that menu), the answers given kept. Prompts come from @clack/prompts.
 */
import * as prompts from '@clack/prompts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failWith, parseCommandLine } from './cli.ts';
import { en } from '../src/i18n/en.ts';
import { assessNote, setAreaVerdict, type Assessment } from '../src/lib/assess.ts';
import { IMPACTS, NO_IMPACT_REASONS, type Impact } from '../src/lib/impact.ts';
import { loadProject } from '../src/checker/index.ts';
import { readProjectFiles } from '../src/checker/files.ts';
import {
  assessmentOf,
  BACK,
  followsCandidates,
  proposedTeams,
  relatedNotes,
  triageQueue,
  walkSteps,
  type Step,
  type TriageAnswers,
} from '../src/lib/triage-flow.ts';
import { toViewNote, type ViewNote } from '../src/lib/views.ts';
import { LANGS, type Lang } from '../src/schemas/fields.ts';
import {
  ACTION_TIMES,
  FOLLOW_UP_STATUSES,
  MATURITIES,
  type ActionTime,
} from '../src/schemas/note.ts';

const USAGE = 'usage: npm run triage -- --release <release-id> [--area <id>] [--team <id>]';

// Annotated, so that TypeScript knows a call to it never returns.
const fail: (message: string) => never = failWith('triage');

const options = parseCommandLine(
  {
    options: {
      release: { type: 'string' },
      area: { type: 'string' },
      team: { type: 'string' },
      root: { type: 'string', default: process.cwd() },
    },
  },
  USAGE,
  fail,
).values;
const root = options.root;
if (!options.release) fail(`--release <release-id> is required; ${USAGE}`);
if (!process.stdin.isTTY || !process.stdout.isTTY) {
  fail('needs a terminal; to assess from a script, use npm run assess');
}

/** The project as it is on disk now, with every note's view (effective verdict, teams waiting). */
function loadState() {
  const files = readProjectFiles(root);
  const { project } = loadProject(files);
  const releaseById = new Map(project.releases.map((release) => [release.id, release]));
  const notes = project.notes.map((note) =>
    toViewNote(note.data, note.file, releaseById.get(note.data.release), project.areas),
  );
  return { files, project, notes, noteById: new Map(notes.map((note) => [note.id, note])) };
}
type State = ReturnType<typeof loadState>;

let state = loadState();
const release = state.project.releases.find((candidate) => candidate.id === options.release);
if (!release) {
  fail(
    `no release "${options.release}" (known: ${state.project.releases.map((known) => known.id).join(', ')})`,
  );
}
if (options.area && !state.project.areas.some((area) => area.id === options.area)) {
  fail(`no area "${options.area}" in data/areas.yaml`);
}
if (options.team && !state.project.teams.some((team) => team.id === options.team)) {
  fail(`no team "${options.team}" in data/teams.yaml`);
}

const releaseId = release.id;
const queue = triageQueue(state.notes, state.project.areas, {
  release: release.id,
  ...(options.area ? { area: options.area } : {}),
  ...(options.team ? { team: options.team } : {}),
}).map((note) => note.id);

/** A prompt's answer, or `BACK` when it was cancelled (Esc, Ctrl-C). */
async function orBack<T>(answer: Promise<T | symbol>): Promise<T | typeof BACK> {
  const value = await answer;
  return prompts.isCancel(value) ? BACK : (value as T);
}

const nameOf = (list: readonly { id: string; name: { en: string } }[], id: string | undefined) =>
  list.find((entry) => entry.id === id)?.name.en ?? id ?? '';

function show(note: ViewNote, position: number, current: State): void {
  const { areas, teams } = current.project;
  const areaTeams = areas.find((area) => area.id === note.area)?.teams ?? [];
  const texts = note.en ?? note.zh;
  const lines = [
    `${note.section}${note.area ? ` › ${nameOf(areas, note.area)}` : ''} — triaged by ${
      areaTeams.length > 0 ? areaTeams.map((team) => nameOf(teams, team)).join(', ') : 'no team'
    }`,
    `verdict now: ${note.impact} (${note.assessedBy === 'note' ? 'its own' : note.assessedBy === 'area' ? 'by area' : 'nobody yet'})${note.actionRequired ? ' · upstream: action required' : ''}`,
    '',
    texts?.summary ?? '',
    ...note.upstream.map((link) => `→ ${link.url}`),
  ];
  const related = relatedNotes(note, current.notes);
  if (related.length > 0) {
    lines.push('', 'Related notes in other releases:');
    for (const { note: other, via } of related) {
      lines.push(
        `  ${other.id} [${other.impact}] ${(other.en ?? other.zh)?.title} (${via.join(', ')})`,
      );
    }
  }
  prompts.log.step(`[${position + 1}/${queue.length}] ${note.id}\n${texts?.title ?? ''}`);
  prompts.log.message(lines.join('\n'));
}

// One key per action: a = assess, s = skip, b = back, v = area verdict, q = quit.
const CHOICES = { a: 'assess', s: 'skip', b: 'back', v: 'area', q: 'quit' } as const;
type Choice = (typeof CHOICES)[keyof typeof CHOICES];

async function menu(note: ViewNote, position: number): Promise<Choice> {
  const answer = await prompts.selectKey({
    message: 'What now? (press a key)',
    options: [
      { value: 'a' as const, label: 'assess this item' },
      { value: 's' as const, label: 'skip it' },
      ...(position > 0 ? [{ value: 'b' as const, label: 'back to the previous item' }] : []),
      {
        value: 'v' as const,
        label: `verdict for everything in ${note.section}${note.area ? ` › ${note.area}` : ''}`,
      },
      { value: 'q' as const, label: 'quit' },
    ],
  });
  return prompts.isCancel(answer) ? 'quit' : CHOICES[answer];
}

const impactOptions = (withUntriaged = false) =>
  IMPACTS.filter((impact) => withUntriaged || impact !== 'untriaged').map((impact) => ({
    value: impact,
    label: impact,
    hint: en[`impact.${impact}.help`],
  }));

const required = (what: string) => (value: string | undefined) =>
  value?.trim() ? undefined : `${what} is needed`;

/** A select's `initialValue`, when there is one. */
const initially = <T>(value: T | undefined) => (value === undefined ? {} : { initialValue: value });

const LANGUAGE_NAMES: Record<Lang, string> = { zh: 'Chinese', en: 'English' };

/** A question of a flow: which answer it gives, when it is asked, and the prompt (offering `answers`' value again). */
interface Question<A> extends Step<A> {
  ask: (answers: Partial<A>) => Promise<unknown>;
}

/** A free-text question offering its earlier answer, else `fallback`. */
function textQuestion<A>(
  key: keyof A & string,
  message: string,
  options: { fallback?: string | undefined; needed?: string; asked?: Question<A>['asked'] } = {},
): Question<A> {
  return {
    key,
    ...(options.asked ? { asked: options.asked } : {}),
    ask: (answers) =>
      prompts.text({
        message,
        initialValue: (answers[key] as string | undefined) ?? options.fallback ?? '',
        ...(options.needed ? { validate: required(options.needed) } : {}),
      }),
  };
}

/** Ids picked from a data file's entries, typing to filter. */
const pickIds = (
  message: string,
  entries: readonly { id: string; hint: string }[],
  initialValues: string[],
) =>
  prompts.autocompleteMultiselect({
    message: `${message} (type to filter, Tab to pick, Enter when done)`,
    options: entries.map(({ id, hint }) => ({ value: id, label: id, hint })),
    initialValues,
  });

/** Asks `questions` in order; Esc goes back one question, and from the first gives `undefined`. */
const askAll = <A>(questions: readonly Question<A>[]) =>
  walkSteps<A, Question<A>>(questions, (question, answers) => orBack(question.ask(answers)));

/** The texts of one language: a title and summary first while its translation is pending. */
function textQuestions(note: ViewNote, lang: Lang): Question<TriageAnswers>[] {
  const language = LANGUAGE_NAMES[lang];
  const pending = note[lang] === undefined;
  const titled = (answers: Partial<TriageAnswers>) =>
    !pending || Boolean(answers[`${lang}.title`]?.trim());
  return [
    textQuestion(
      `${lang}.title`,
      `${language} title (leave empty to keep the ${language} translation pending)`,
      { asked: () => pending },
    ),
    textQuestion(`${lang}.summary`, `${language} summary`, {
      needed: 'A summary',
      asked: (answers) => pending && titled(answers),
    }),
    textQuestion(`${lang}.assessment`, `${language} assessment`, {
      fallback: note[lang]?.assessment,
      needed: 'An assessment',
      asked: titled,
    }),
  ];
}

/** What PICT must do and when: required for action-required, else "no action" is offered first. */
function actionQuestions(note: ViewNote): Question<TriageAnswers>[] {
  return [
    {
      key: 'action.when',
      ask: (answers) => {
        const needed = answers.impact === 'action-required';
        return prompts.select<ActionTime | ''>({
          message: needed
            ? 'When must PICT act? (required for an action-required item)'
            : 'Must PICT do something? (action; optional)',
          options: [
            ...(needed
              ? []
              : [
                  {
                    value: '' as const,
                    label: 'no action',
                    ...(note.action ? { hint: 'removes the action the note has' } : {}),
                  },
                ]),
            ...ACTION_TIMES.map((value) => ({ value, label: value, hint: en[`action.${value}`] })),
          ],
          initialValue: answers['action.when'] ?? note.action?.when ?? '',
        });
      },
    },
    ...LANGS.map((lang) =>
      textQuestion<TriageAnswers>(`action.${lang}`, `What to do, in ${LANGUAGE_NAMES[lang]}`, {
        fallback: note.action?.[lang],
        needed: 'What to do',
        asked: (answers) => Boolean(answers['action.when']),
      }),
    ),
  ];
}

/** The questions of an assessment, in the order asked. */
function assessmentQuestions(note: ViewNote, current: State): Question<TriageAnswers>[] {
  const { project } = current;
  const own = note.assessedBy === 'note' ? note.impact : undefined;
  const candidates = followsCandidates(note, relatedNotes(note, current.notes), project.releases);
  return [
    {
      key: 'impact',
      ask: (answers) =>
        prompts.select<Impact>({
          message: 'Impact on PICT',
          options: impactOptions(),
          ...initially(answers.impact ?? own),
        }),
    },
    {
      key: 'reason',
      asked: (answers) => answers.impact === 'none',
      ask: (answers) =>
        prompts.select({
          message: 'Why no impact?',
          options: NO_IMPACT_REASONS.map((value) => ({ value, label: value })),
          ...initially(answers.reason ?? note.reason),
        }),
    },
    {
      key: 'teams',
      ask: (answers) =>
        pickIds(
          'Teams',
          project.teams.map((team) => ({ id: team.id, hint: team.name.en })),
          answers.teams ?? proposedTeams(note, project.areas),
        ),
    },
    {
      key: 'components',
      ask: (answers) =>
        pickIds(
          'Components',
          project.components.map((component) => ({ id: component.id, hint: component.kind })),
          answers.components ?? note.components,
        ),
    },
    {
      key: 'maturity',
      ask: (answers) =>
        prompts.select({
          message: 'Maturity of the upstream feature',
          options: [
            { value: '', label: 'does not apply' },
            ...MATURITIES.map((value) => ({ value, label: value })),
          ],
          initialValue: answers.maturity ?? note.maturity ?? '',
        }),
    },
    {
      key: 'status',
      ask: (answers) =>
        prompts.select({
          message: 'Follow-up status',
          options: [
            { value: '', label: 'default', hint: 'open when the impact calls for work' },
            ...FOLLOW_UP_STATUSES.map((value) => ({ value, label: value })),
          ],
          initialValue: answers.status ?? '',
        }),
    },
    {
      key: 'follows',
      asked: () => candidates.length > 0,
      ask: (answers) =>
        prompts.multiselect({
          message: 'Does it continue an earlier note? (follows; Space to pick, Enter when done)',
          options: candidates.map((other) => ({
            value: other.id,
            label: other.id,
            hint: (other.en ?? other.zh)?.title ?? '',
          })),
          initialValues: answers.follows ?? [],
          required: false,
        }),
    },
    ...LANGS.flatMap((lang) => textQuestions(note, lang)),
    ...actionQuestions(note),
  ];
}

/** Asks an assessment of `note`; `undefined` when the author goes back from the first question. */
async function askAssessment(note: ViewNote, current: State): Promise<Assessment | undefined> {
  const answers = await askAll(assessmentQuestions(note, current));
  return answers?.impact ? assessmentOf(note, { ...answers, impact: answers.impact }) : undefined;
}

/** Sets a verdict for the note's section and area; false when not written or abandoned. */
async function askAreaVerdict(note: ViewNote): Promise<boolean> {
  const answers = await askAll<{ impact: Impact } & Record<Lang, string>>([
    {
      key: 'impact',
      ask: (given) =>
        prompts.select<Impact>({
          message: 'Verdict for everything there',
          options: impactOptions(),
          ...initially(given.impact),
        }),
    },
    ...LANGS.map((lang) =>
      textQuestion<{ impact: Impact } & Record<Lang, string>>(
        lang,
        `${LANGUAGE_NAMES[lang]} text`,
        { needed: 'A text' },
      ),
    ),
  ]);
  if (!answers?.impact) return false;
  return write(
    setAreaVerdict(state.files, releaseId, {
      section: note.section,
      ...(note.area ? { area: note.area } : {}),
      impact: answers.impact,
      text: { zh: answers.zh ?? '', en: answers.en ?? '' },
    }),
  );
}

function write(checked: ReturnType<typeof assessNote>): boolean {
  if (!checked.ok) {
    prompts.log.error(`Not written:\n${checked.problems.join('\n')}`);
    return false;
  }
  writeFileSync(join(root, checked.file.path), checked.file.text);
  prompts.log.success(`Wrote ${checked.file.path}`);
  return true;
}

const count = { assessed: 0, skipped: 0, areas: 0 };
prompts.intro(
  `Triage ${release.id}${options.area ? ` › ${options.area}` : ''}${options.team ? ` for ${options.team}` : ''}: ${queue.length} untriaged item(s). Esc goes back one question (from the first, to the item's menu).`,
);
let position = 0;
let forward = true;
while (position >= 0 && position < queue.length) {
  state = loadState();
  const note = state.noteById.get(queue[position] ?? '');
  if (!note || (forward && note.assessedBy === 'area')) {
    prompts.log.info(
      `${queue[position]}: ${note ? 'covered by an area verdict now' : 'no longer loads (run npm run check)'}; skipped`,
    );
    position += 1;
    continue;
  }
  show(note, position, state);
  const choice = await menu(note, position);
  forward = choice !== 'back';
  if (choice === 'quit') break;
  if (choice === 'skip') {
    count.skipped += 1;
    position += 1;
  } else if (choice === 'back') {
    position -= 1;
  } else {
    if (choice === 'area') {
      if (await askAreaVerdict(note)) count.areas += 1;
    } else {
      const assessment = await askAssessment(note, state);
      if (assessment && write(assessNote(state.files, note.id, assessment))) {
        count.assessed += 1;
        position += 1;
      }
    }
  }
}
prompts.outro(
  `Assessed ${count.assessed}, skipped ${count.skipped}, area verdicts ${count.areas}.${position >= queue.length ? ' End of the queue.' : ''}`,
);
