/**
 * `npm run triage -- --release <id> [--area <id>] [--team <id>] [--root <dir>]`: a keyboard-only walk
 * through a release's untriaged notes, in the order of its untriaged page. For each note it shows the
 * upstream text, the area and its teams and related notes of other releases, then asks the verdict;
 * the note is written as `npm run assess` writes it (comments and key order kept, checked first).
 * A menu before each note skips it, goes back, sets a verdict for its whole area, or quits; Esc in any
 * question returns to that menu. Prompts come from @clack/prompts.
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
  followsCandidates,
  proposedTeams,
  relatedNotes,
  triageQueue,
} from '../src/lib/triage-flow.ts';
import { toViewNote, type ViewNote } from '../src/lib/views.ts';
import { LANGS, type Lang } from '../src/schemas/fields.ts';
import { FOLLOW_UP_STATUSES, MATURITIES } from '../src/schemas/note.ts';

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

/** Thrown when a question is cancelled (Esc, Ctrl-C): back to the note's menu. */
class Interrupted extends Error {}

async function ask<T>(answer: Promise<T>): Promise<Exclude<T, symbol>> {
  const value = await answer;
  if (prompts.isCancel(value)) throw new Interrupted();
  return value as Exclude<T, symbol>;
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

async function askTexts(note: ViewNote, lang: Lang): Promise<Assessment['texts'][Lang]> {
  const language = lang === 'zh' ? 'Chinese' : 'English';
  const existing = note[lang];
  if (!existing) {
    const title = await ask(
      prompts.text({
        message: `${language} title (leave empty to keep the ${language} translation pending)`,
      }),
    );
    if (!title?.trim()) return undefined;
    const summary = await ask(
      prompts.text({ message: `${language} summary`, validate: required('A summary') }),
    );
    const assessment = await ask(
      prompts.text({ message: `${language} assessment`, validate: required('An assessment') }),
    );
    return { title, summary, assessment };
  }
  const assessment = await ask(
    prompts.text({
      message: `${language} assessment`,
      initialValue: existing.assessment ?? '',
      validate: required('An assessment'),
    }),
  );
  return { assessment };
}

async function askAssessment(note: ViewNote, current: State): Promise<Assessment> {
  const { project } = current;
  const own = note.assessedBy === 'note' ? note.impact : undefined;
  const impact = await ask(
    prompts.select<Impact>({
      message: 'Impact on PICT',
      options: impactOptions(),
      ...(own ? { initialValue: own } : {}),
    }),
  );
  const reason =
    impact === 'none'
      ? await ask(
          prompts.select({
            message: 'Why no impact?',
            options: NO_IMPACT_REASONS.map((value) => ({ value, label: value })),
            ...(note.reason ? { initialValue: note.reason } : {}),
          }),
        )
      : undefined;
  const teams = await ask(
    prompts.autocompleteMultiselect({
      message: 'Teams (type to filter, Tab to pick, Enter when done)',
      options: project.teams.map((team) => ({
        value: team.id,
        label: team.id,
        hint: team.name.en,
      })),
      initialValues: proposedTeams(note, project.areas),
    }),
  );
  const components = await ask(
    prompts.autocompleteMultiselect({
      message: 'Components (type to filter, Tab to pick, Enter when done)',
      options: project.components.map((component) => ({
        value: component.id,
        label: component.id,
        hint: component.kind,
      })),
      initialValues: note.components,
    }),
  );
  const maturity = await ask(
    prompts.select({
      message: 'Maturity of the upstream feature',
      options: [
        { value: '', label: 'does not apply' },
        ...MATURITIES.map((value) => ({ value, label: value })),
      ],
      initialValue: note.maturity ?? '',
    }),
  );
  const status = await ask(
    prompts.select({
      message: 'Follow-up status',
      options: [
        { value: '', label: 'default', hint: 'open when the impact calls for work' },
        ...FOLLOW_UP_STATUSES.map((value) => ({ value, label: value })),
      ],
      initialValue: '',
    }),
  );
  const candidates = followsCandidates(note, relatedNotes(note, current.notes), project.releases);
  const follows =
    candidates.length > 0
      ? await ask(
          prompts.multiselect({
            message: 'Does it continue an earlier note? (follows; Space to pick, Enter when done)',
            options: candidates.map((other) => ({
              value: other.id,
              label: other.id,
              hint: (other.en ?? other.zh)?.title ?? '',
            })),
            required: false,
          }),
        )
      : [];
  const texts: Assessment['texts'] = {};
  for (const lang of LANGS) {
    const given = await askTexts(note, lang);
    if (given) texts[lang] = given;
  }
  return {
    impact,
    ...(reason ? { reason } : {}),
    teams,
    components,
    ...(maturity ? { maturity } : {}),
    ...(status ? { status } : {}),
    ...(follows.length > 0 ? { follows: [...note.follows, ...follows] } : {}),
    texts,
  };
}

async function askAreaVerdict(note: ViewNote): Promise<boolean> {
  const impact = await ask(
    prompts.select<Impact>({ message: 'Verdict for everything there', options: impactOptions() }),
  );
  const zh = await ask(prompts.text({ message: 'Chinese text', validate: required('A text') }));
  const enText = await ask(prompts.text({ message: 'English text', validate: required('A text') }));
  return write(
    setAreaVerdict(state.files, releaseId, {
      section: note.section,
      ...(note.area ? { area: note.area } : {}),
      impact,
      text: { zh, en: enText },
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
  `Triage ${release.id}${options.area ? ` › ${options.area}` : ''}${options.team ? ` for ${options.team}` : ''}: ${queue.length} untriaged item(s). Esc in a question returns to the item's menu.`,
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
    try {
      if (choice === 'area') {
        if (await askAreaVerdict(note)) count.areas += 1;
      } else if (write(assessNote(state.files, note.id, await askAssessment(note, state)))) {
        count.assessed += 1;
        position += 1;
      }
    } catch (error) {
      if (!(error instanceof Interrupted)) throw error;
    }
  }
}
prompts.outro(
  `Assessed ${count.assessed}, skipped ${count.skipped}, area verdicts ${count.areas}.${position >= queue.length ? ' End of the queue.' : ''}`,
);
