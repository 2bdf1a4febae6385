/**
 * `npm run assess -- <id> --impact <impact> [--reason …] [--teams a,b] [--components a,b] [--maturity …]
 * [--status …] [--zh "…"] [--en "…"] [--zh-title …] [--zh-summary …] [--en-title …] [--en-summary …]
 * [--action-when before-upgrade|during-upgrade|after-upgrade|none] [--action-zh "…"] [--action-en "…"] [--root <dir>]`:
 * assesses one note without an editor. The note keeps its comments and key order; the checker runs on
 * the project with the change, and the note is written only when the change brings no problem.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { failWith, parseCommandLine } from './cli.ts';
import { IMPACTS, NO_IMPACT_REASONS, type Impact, type NoImpactReason } from '../src/lib/impact.ts';
import { readProjectFiles } from '../src/checker/files.ts';
import { LANGS } from '../src/schemas/fields.ts';
import { assessNote, type Assessment } from '../src/lib/assess.ts';
import { ACTION_TIMES } from '../src/schemas/note.ts';

const USAGE =
  'usage: npm run assess -- <id> --impact <impact> [--reason <reason>] [--teams a,b] [--components a,b] [--maturity <m>] [--status <s>] --zh "…" --en "…" [--<lang>-title "…"] [--<lang>-summary "…"] [--action-when <when>|none --action-zh "…" --action-en "…"] [--root <dir>]';

// Annotated, so that TypeScript knows a call to it never returns.
const fail: (message: string) => never = failWith('assess');

const textOptions = Object.fromEntries(
  LANGS.flatMap((lang) => [
    [lang, { type: 'string' }],
    [`${lang}-title`, { type: 'string' }],
    [`${lang}-summary`, { type: 'string' }],
    [`action-${lang}`, { type: 'string' }],
  ]),
) as Record<string, { type: 'string' }>;

const { values, positionals } = parseCommandLine(
  {
    allowPositionals: true,
    options: {
      impact: { type: 'string' },
      reason: { type: 'string' },
      teams: { type: 'string' },
      components: { type: 'string' },
      maturity: { type: 'string' },
      status: { type: 'string' },
      'action-when': { type: 'string' },
      root: { type: 'string', default: process.cwd() },
      ...textOptions,
    },
  },
  USAGE,
  fail,
);
if (positionals.length !== 1) {
  fail(`${positionals.length === 0 ? 'no note id given' : 'one note at a time'}; ${USAGE}`);
}
const id = positionals[0] ?? '';
const impact = IMPACTS.find((level) => level === values.impact && level !== 'untriaged');
if (!impact) {
  fail(
    `--impact ${values.impact === undefined ? 'is required' : `"${values.impact}" is not an impact`}: one of ${IMPACTS.filter((level) => level !== 'untriaged').join(', ')}`,
  );
}
const reason = NO_IMPACT_REASONS.find((value) => value === values.reason);
if (values.reason !== undefined && !reason) {
  fail(`--reason "${values.reason}" is not a reason: one of ${NO_IMPACT_REASONS.join(', ')}`);
}
if (reason && impact !== 'none') fail('--reason goes only with --impact none');

const actionWhen = values['action-when'];
const removeAction = actionWhen === 'none';
const when = ACTION_TIMES.find((time) => time === actionWhen);
if (actionWhen !== undefined && !when && !removeAction) {
  fail(`--action-when "${actionWhen}" is not a time: one of ${ACTION_TIMES.join(', ')}, or none`);
}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
const text = (key: string) => {
  const value = (values as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
};

if (removeAction && LANGS.some((lang) => text(`action-${lang}`) !== undefined)) {
  fail('--action-when none removes the action: give no --action-zh or --action-en with it');
}

const assessment: Assessment = {
  impact: impact as Impact,
  ...(reason ? { reason: reason as NoImpactReason } : {}),
  ...(values.teams === undefined ? {} : { teams: list(values.teams) ?? [] }),
  ...(values.components === undefined ? {} : { components: list(values.components) ?? [] }),
  ...(values.maturity === undefined ? {} : { maturity: values.maturity }),
  ...(values.status === undefined ? {} : { status: values.status }),
  action: removeAction
    ? null
    : {
        ...(when ? { when } : {}),
        ...Object.fromEntries(
          LANGS.flatMap((lang) => {
            const value = text(`action-${lang}`);
            return value === undefined ? [] : [[lang, value]];
          }),
        ),
      },
  texts: Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      Object.fromEntries(
        [
          ['title', text(`${lang}-title`)],
          ['summary', text(`${lang}-summary`)],
          ['assessment', text(lang)],
        ].filter(([, value]) => value !== undefined),
      ),
    ]),
  ),
};

const root = values.root;
const result = assessNote(readProjectFiles(root), id, assessment);
if (!result.ok) {
  for (const line of result.problems) console.error(line);
  console.error(`\n${id} was not written.`);
  process.exit(1);
}
writeFileSync(join(root, result.file.path), result.file.text);
console.log(`Assessed ${id} as ${impact}: ${result.file.path}`);
