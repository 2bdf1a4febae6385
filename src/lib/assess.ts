/**
 * Assessing notes without hand-editing YAML: the edits `npm run assess` and `npm run triage` make,
 * applied through the `yaml` package's Document API so comments, key order and styles stay, and
 * checked by the real checker before anything is written.
 */
import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { Lang } from '../schemas/fields.ts';
import { LANGS } from '../schemas/fields.ts';
import type { Section } from './sections.ts';
import type { Impact, NoImpactReason } from './impact.ts';
import type { Action } from '../schemas/note.ts';
import { formatProblem } from '../checker/problems.ts';
import { loadProject, SOURCE_PATHS, type SourceFile } from '../checker/index.ts';
import { splitFrontmatter } from '../checker/yaml-source.ts';

/** Texts of one language an assessment sets; absent fields stay as they are. */
export interface AssessmentTexts {
  title?: string;
  summary?: string;
  assessment?: string;
}

/** What an assessment sets on a note; absent fields stay as they are. */
export interface Assessment {
  impact: Impact;
  /** Why there is no impact; dropped from the note unless `impact` is `none`. */
  reason?: NoImpactReason;
  teams?: string[];
  components?: string[];
  maturity?: string;
  status?: string;
  /** Earlier notes this one continues. */
  follows?: string[];
  /** What PICT must do and when: the parts given are set (the rest stay); `null` removes the action. */
  action?: Partial<Action> | null;
  texts: Partial<Record<Lang, AssessmentTexts>>;
}

/** The note schema's key order, which new keys are placed by (after the nearest earlier key present). */
const NOTE_KEY_ORDER = [
  'id',
  'release',
  'section',
  'alsoIn',
  'area',
  'impact',
  'reason',
  'maturity',
  'follows',
  'supersedes',
  'teams',
  'components',
  'upstream',
  'authors',
  'actionRequired',
  'tickets',
  'action',
  'status',
  'pendingTranslation',
  'zh',
  'en',
];

const TEXT_KEY_ORDER = ['title', 'summary', 'assessment'];

const ACTION_KEY_ORDER = ['when', 'zh', 'en'] as const;

/** Sets `key` in a mapping: in place when present, else after the nearest key that comes before it in `order`. */
function setInOrder(map: YAMLMap, doc: Document, key: string, value: unknown, order: string[]) {
  const node = doc.createNode(value);
  const existing = map.items.find((pair) => keyOf(pair.key) === key);
  if (existing) {
    // Lists keep the style they were written in (`teams: []` stays a flow list).
    if (isSeq(existing.value) && isSeq(node)) node.flow = existing.value.flow ?? false;
    existing.value = node;
    return;
  }
  if (isSeq(node)) node.flow = true;
  const rank = order.indexOf(key);
  let at = 0;
  map.items.forEach((pair, index) => {
    const other = order.indexOf(keyOf(pair.key) ?? '');
    if (other >= 0 && other < rank) at = index + 1;
  });
  map.items.splice(at, 0, doc.createPair(key, node));
}

function keyOf(key: unknown): string | undefined {
  if (typeof key === 'string') return key;
  if (key && typeof key === 'object' && 'value' in key && typeof key.value === 'string') {
    return key.value;
  }
  return undefined;
}

function deleteKey(map: YAMLMap, key: string): void {
  const index = map.items.findIndex((pair) => keyOf(pair.key) === key);
  if (index >= 0) map.items.splice(index, 1);
}

/** Sets the parts of an action given, in place when the note has one (its comments kept); `null` removes it. */
function setAction(map: YAMLMap, doc: Document, action: Assessment['action']): void {
  if (action === null) return deleteKey(map, 'action');
  if (action === undefined) return;
  const given = Object.fromEntries(
    ACTION_KEY_ORDER.flatMap((key) => (action[key] === undefined ? [] : [[key, action[key]]])),
  );
  if (Object.keys(given).length === 0) return;
  const existing = doc.get('action');
  if (!isMap(existing)) return setInOrder(map, doc, 'action', given, NOTE_KEY_ORDER);
  for (const [key, value] of Object.entries(given)) {
    setInOrder(existing, doc, key, value, [...ACTION_KEY_ORDER]);
  }
}

/** The result of applying an edit to a file's text: the new text, or why it cannot be applied. */
export type Edited = { ok: true; text: string } | { ok: false; error: string };

/**
 * Applies an assessment to a note file's text: only the frontmatter fields it names change, in place
 * (comments, key order and the body stay). A language's texts that the note lacks (a pending
 * translation) need a title and a summary as well as the assessment; written, the language leaves
 * `pendingTranslation`.
 */
export function applyAssessment(file: SourceFile, assessment: Assessment): Edited {
  const split = splitFrontmatter(file.text);
  if (!split) return { ok: false, error: `${file.path}: no frontmatter between --- lines` };
  const doc = parseDocument(split.yaml);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    return {
      ok: false,
      error: `${file.path}: the frontmatter is not valid YAML; run npm run check`,
    };
  }
  const map = doc.contents;
  const set = (key: string, value: unknown) => setInOrder(map, doc, key, value, NOTE_KEY_ORDER);
  set('impact', assessment.impact);
  if (assessment.impact === 'none' && assessment.reason) set('reason', assessment.reason);
  if (assessment.impact !== 'none') deleteKey(map, 'reason');
  if (assessment.maturity) set('maturity', assessment.maturity);
  if (assessment.teams) set('teams', assessment.teams);
  if (assessment.components) set('components', assessment.components);
  if (assessment.status) set('status', assessment.status);
  if (assessment.follows) set('follows', assessment.follows);
  setAction(map, doc, assessment.action);
  const pending = doc.get('pendingTranslation');
  for (const lang of LANGS) {
    const texts = assessment.texts[lang];
    if (!texts || Object.values(texts).every((value) => value === undefined)) continue;
    let langMap = doc.get(lang);
    if (!isMap(langMap)) {
      if (texts.title === undefined || texts.summary === undefined) {
        return {
          ok: false,
          error: `${file.path}: the note has no ${lang} texts yet (pending translation); give the ${lang} title and summary with its assessment (--${lang}-title, --${lang}-summary), or leave the ${lang} assessment out`,
        };
      }
      langMap = doc.createNode({});
      set(lang, langMap);
      langMap = doc.get(lang);
      if (!isMap(langMap)) continue;
    }
    for (const key of TEXT_KEY_ORDER) {
      const value = texts[key as keyof AssessmentTexts];
      if (value !== undefined) setInOrder(langMap, doc, key, value, TEXT_KEY_ORDER);
    }
    if (isSeq(pending)) {
      pending.items = pending.items.filter((item) => keyOf(item) !== lang);
      if (pending.items.length === 0) deleteKey(map, 'pendingTranslation');
    }
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  return { ok: true, text: `---\n${yaml}---\n${split.body}` };
}

/** An area-wide verdict: a release remark with an impact, covering a section or one area of it. */
export interface AreaVerdict {
  section: Section;
  area?: string;
  impact: Impact;
  text: Record<Lang, string>;
}

/**
 * Sets an area-wide verdict in a release file's text: replaces the impact and text of the remark on
 * the same section and area when there is one, else appends a remark (comments and order kept).
 */
export function applyAreaVerdict(file: SourceFile, verdict: AreaVerdict): Edited {
  const doc = parseDocument(file.text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    return { ok: false, error: `${file.path}: not valid YAML; run npm run check` };
  }
  let remarks = doc.get('remarks');
  if (!isSeq(remarks)) {
    doc.set('remarks', doc.createNode([]));
    remarks = doc.get('remarks');
    if (!isSeq(remarks)) return { ok: false, error: `${file.path}: cannot add remarks` };
  }
  const entry = {
    section: verdict.section,
    ...(verdict.area === undefined ? {} : { area: verdict.area }),
    impact: verdict.impact,
    text: verdict.text,
  };
  const same = remarks.items.find(
    (item) =>
      isMap(item) && item.get('section') === verdict.section && item.get('area') === verdict.area,
  );
  if (isMap(same)) {
    same.set('impact', verdict.impact);
    same.set('text', doc.createNode(verdict.text));
  } else {
    remarks.items.push(doc.createNode(entry));
  }
  return { ok: true, text: doc.toString({ lineWidth: 0 }) };
}

/** The file of the note with this id (found by its `id:` line, so notes with problems are found too). */
export function findNoteFile(files: readonly SourceFile[], id: string): SourceFile | undefined {
  const line = new RegExp(`^id:[ \\t]*["']?${id.replace(/[.]/g, '\\.')}["']?[ \\t]*(?:#.*)?$`, 'm');
  return files.find(
    (file) =>
      file.path.startsWith(`${SOURCE_PATHS.notes}/`) &&
      line.test(splitFrontmatter(file.text)?.yaml ?? ''),
  );
}

/**
 * Runs the checker on the project with `changed` in place of its files, and returns the problems that
 * the change brings (problems found before it are not its fault), one formatted line each.
 */
export function problemsAfter(
  files: readonly SourceFile[],
  changed: readonly SourceFile[],
): string[] {
  const before = new Set(loadProject(files).problems.map(formatProblem));
  const byPath = new Map(changed.map((file) => [file.path, file]));
  const after = files.map((file) => byPath.get(file.path) ?? file);
  return loadProject(after)
    .problems.map(formatProblem)
    .filter((line) => !before.has(line));
}

/** A checked edit: the file to write, or the problems that keep it from being written (one line each). */
export type Checked = { ok: true; file: SourceFile } | { ok: false; problems: string[] };

/** Applies an assessment to the note with this id and checks the project with it; nothing is written. */
export function assessNote(
  files: readonly SourceFile[],
  id: string,
  assessment: Assessment,
): Checked {
  const file = findNoteFile(files, id);
  if (!file) return { ok: false, problems: [`no note has the id "${id}" (under notes/)`] };
  return checkedEdit(files, file.path, applyAssessment(file, assessment));
}

/** Sets an area-wide verdict in a release's file and checks the project with it; nothing is written. */
export function setAreaVerdict(
  files: readonly SourceFile[],
  release: string,
  verdict: AreaVerdict,
): Checked {
  const path = `${SOURCE_PATHS.releases}/${release}.yaml`;
  const file = files.find((candidate) => candidate.path === path);
  if (!file) return { ok: false, problems: [`no release file ${path}`] };
  return checkedEdit(files, path, applyAreaVerdict(file, verdict));
}

function checkedEdit(files: readonly SourceFile[], path: string, edited: Edited): Checked {
  if (!edited.ok) return { ok: false, problems: [edited.error] };
  const file = { path, text: edited.text };
  const problems = problemsAfter(files, [file]);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file };
}
