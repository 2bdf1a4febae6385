/** Turning upstream items into note drafts and drafts into note files. */
import { Document, Scalar, isMap, isScalar, isSeq } from 'yaml';
import { webUrl } from '../../schemas/fields.ts';
import { TITLE_MAX_LENGTH } from '../../schemas/note.ts';
import type { Section } from '../sections.ts';
import { isSeparateChange, sameChangeAs } from './duplicates.ts';
import { itemId, separateChangeId } from './ids.ts';
import { LEADING_TAGS, stripMarkdown, unique } from './links.ts';
import type { UpstreamItem } from './types.ts';

/** What one note will say: one upstream item, or several listing the same PR. */
export interface NoteDraft {
  id: string;
  section: Section;
  alsoIn: Section[];
  /** An area id of `data/areas.yaml`. */
  area?: string;
  /** The item's area id when `data/areas.yaml` lacks it (the note is written without an area). */
  unknownArea?: string;
  upstream: string[];
  authors: string[];
  actionRequired: boolean;
  /** From a leading `[alpha]`/`[beta]`/`[stable]` tag of the upstream text. */
  maturity?: 'alpha' | 'beta' | 'ga';
  title: string;
  /** The upstream texts, verbatim, distinct ones separated by a blank line. */
  summary: string;
  /** The upstream items the note stands for, in import order. */
  items: UpstreamItem[];
}

const HANDLE = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
const ABBREVIATIONS = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|a\.k\.a|cf|incl|approx|no)$/i;

/** The index just past the first sentence of a plain text (code spans never end one), or its length. */
function firstSentenceEnd(text: string): number {
  const masked = text.replace(/`[^`]*`/g, (span) => 'x'.repeat(span.length));
  for (let index = 1; index < masked.length; index += 1) {
    const char = masked[index];
    if (char !== '.' && char !== '!' && char !== '?') continue;
    const next = masked[index + 1];
    if (next !== undefined && !/\s/.test(next)) continue;
    if (char === '.' && ABBREVIATIONS.test(masked.slice(0, index))) continue;
    return char === '.' ? index : index + 1;
  }
  return text.length;
}

/** Maturity tags upstream writes in front of a feature (`[alpha]`, `[beta]`, `[stable]`/`[GA]`). */
const MATURITY_TAG = /^\s*\[(alpha|beta|stable|ga)\]\s*/i;

/** The maturity an upstream text declares with a leading tag, if any. */
export function maturityOf(text: string): 'alpha' | 'beta' | 'ga' | undefined {
  const tag = stripMarkdown(text)
    .replace(/^[-*+]\s+/, '')
    .match(MATURITY_TAG)?.[1]
    ?.toLowerCase();
  if (tag === undefined) return undefined;
  return tag === 'alpha' || tag === 'beta' ? tag : 'ga';
}

// Words a shortened title must not end on: it would read as cut off.
const DANGLING =
  /\s+(?:a|an|and|are|as|at|be|by|for|from|in|into|is|of|on|or|than|that|the|to|which|will|with)$/i;

// Where a clause ends, so a title cut there is still a whole phrase: before these, never inside a code span.
const CLAUSE_BREAK =
  /,\s|;\s|:\s|\s[—–-]\s|\s\(|\s(?:and|but|or|that|which|so that|when|where|if|because|since|by|in order to)\s/g;

/**
 * Shortens a title to at most `max` characters as a whole phrase: at the last clause break that fits,
 * else at a word boundary without a dangling word; never inside a code span, never with "…".
 */
function shorten(text: string, max: number): string {
  if ([...text].length <= max) return text;
  const masked = text.replace(/`[^`]*`/g, (span) => 'x'.repeat(span.length));
  const breaks = [...masked.matchAll(CLAUSE_BREAK)].map((match) => match.index);
  const clause = breaks.filter((index) => index <= max && index >= max * 0.3).at(-1);
  if (clause !== undefined) return text.slice(0, clause).replace(/[\s,;:.(-]+$/, '');
  let cut = masked.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  cut = text.slice(0, space > 0 ? space : max);
  if ((cut.match(/`/g) ?? []).length % 2 === 1) cut = cut.slice(0, cut.lastIndexOf('`'));
  if (cut.length < max * 0.3) {
    // A code span longer than the title: cut inside it at a word and close it.
    cut = text.slice(0, text.lastIndexOf(' ', max - 1));
    return (cut.match(/`/g) ?? []).length % 2 === 1 ? `${cut.replace(/[\s,;:]+$/, '')}\`` : cut;
  }
  let previous;
  do {
    previous = cut;
    cut = cut.replace(/[\s,;:.(-]+$/, '').replace(DANGLING, '');
  } while (cut !== previous);
  return cut;
}

/**
 * A title from an upstream text: its first sentence (from the first paragraph, before any nested
 * list or code), Markdown links reduced to their text, leading `[alpha]`-style and
 * `[action required]` tags, the `([#123](…), [@someone](…))` trailer and a trailing `[SIG …]`
 * dropped, shortened to a whole phrase of at most `max` characters.
 */
export function titleOf(text: string, max = TITLE_MAX_LENGTH): string {
  const [firstParagraph = ''] = text.split(/\n[ \t]*\n/);
  const lines: string[] = [];
  for (const line of firstParagraph.split('\n')) {
    if (lines.length > 0 && /^\s*(?:[*+-]|\d+[.)])\s|^\s*(?:```|~~~)/.test(line)) break;
    lines.push(line);
  }
  const plain = stripMarkdown(lines.join(' ').replace(/\\n/g, ' '))
    .replace(/\s*\[SIG [^\]]*\]\s*$/, '')
    .replace(/^[-*+]\s+/, '')
    .replace(LEADING_TAGS, '')
    .trim();
  const sentence = plain
    .slice(0, firstSentenceEnd(plain))
    .replace(/[\s.:;,]+$/, '')
    .trim();
  const title = sentence || plain || 'Upstream change';
  return shorten(title.charAt(0).toUpperCase() + title.slice(1), max);
}

function validUrls(urls: readonly string[]): string[] {
  return unique(urls).filter((url) => webUrl.safeParse(url).success);
}

/**
 * Groups items into note drafts by id (items citing the same PR become one note: its section is the
 * first item's, the others' go to `alsoIn`; distinct texts are all kept), keeping import order; an
 * item that is a separate change of the same PR, listed beside it, is its own note. A
 * notable-features bullet describing the change of a PR bullet (`duplicates.ts`) takes that PR's id,
 * so the two are one note.
 */
export function draftNotes(
  items: readonly UpstreamItem[],
  idPrefix: string,
  knownAreaIds: ReadonlySet<string>,
): NoteDraft[] {
  const drafts = new Map<string, NoteDraft>();
  const sameChange = sameChangeAs(items);
  for (const item of items) {
    const prId = itemId(sameChange.get(item) ?? item, idPrefix);
    const earlier = drafts.get(prId);
    const id =
      earlier && isSeparateChange(item, earlier.items) ? separateChangeId(prId, item) : prId;
    const draft = drafts.get(id);
    const known = item.area !== undefined && knownAreaIds.has(item.area) ? item.area : undefined;
    if (!draft) {
      const maturity = maturityOf(item.text);
      drafts.set(id, {
        id,
        section: item.section,
        alsoIn: unique(item.alsoIn.filter((section) => section !== item.section)),
        ...(known ? { area: known } : {}),
        ...(item.area !== undefined && !known ? { unknownArea: item.area } : {}),
        upstream: validUrls([...item.prs, ...item.issues, ...item.links]),
        authors: item.authors.filter((handle) => HANDLE.test(handle)),
        actionRequired: item.actionRequired,
        ...(maturity ? { maturity } : {}),
        title: titleOf(item.text),
        summary: item.text,
        items: [item],
      });
      continue;
    }
    draft.items.push(item);
    draft.alsoIn = unique([...draft.alsoIn, item.section, ...item.alsoIn]).filter(
      (section) => section !== draft.section,
    );
    if (!draft.area && known) {
      draft.area = known;
      delete draft.unknownArea;
    }
    draft.upstream = validUrls([...draft.upstream, ...item.prs, ...item.issues, ...item.links]);
    draft.authors = unique([...draft.authors, ...item.authors.filter((h) => HANDLE.test(h))]);
    draft.actionRequired ||= item.actionRequired;
    const texts = unique(draft.items.map((entry) => entry.text));
    draft.summary = texts.join('\n\n');
  }
  return [...drafts.values()];
}

/** Where an item sits upstream, for the comment at the top of its note. */
export function describeOrigin(item: UpstreamItem): string {
  const path = [item.version, item.section, ...item.headings, ...item.groups].filter(Boolean);
  return `${path.join(' › ')}${item.line > 0 ? ` (line ${item.line})` : ''}`;
}

/**
 * The text of an untriaged note for a draft: frontmatter only, English from upstream (summary as a
 * literal block scalar, verbatim), Chinese pending, and a YAML comment saying where it came from.
 */
export function renderNote(draft: NoteDraft, source: string): string {
  const frontmatter = {
    id: draft.id,
    section: draft.section,
    ...(draft.alsoIn.length > 0 ? { alsoIn: draft.alsoIn } : {}),
    ...(draft.area ? { area: draft.area } : {}),
    impact: 'untriaged',
    ...(draft.maturity ? { maturity: draft.maturity } : {}),
    upstream: draft.upstream,
    ...(draft.authors.length > 0 ? { authors: draft.authors } : {}),
    ...(draft.actionRequired ? { actionRequired: true } : {}),
    teams: [],
    components: [],
    pendingTranslation: ['zh'],
    en: { title: draft.title, summary: draft.summary },
  };
  const doc = new Document(frontmatter);
  for (const key of ['alsoIn', 'authors', 'teams', 'components', 'pendingTranslation']) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  const summary = doc.getIn(['en', 'summary'], true);
  if (isScalar(summary)) summary.type = Scalar.BLOCK_LITERAL;
  const comment = [
    ` Imported from ${source} by \`npm run import\` — untriaged: check the title, assess it, then add the zh texts.`,
    ...draft.items.map((item) => ` Upstream: ${describeOrigin(item)}`),
  ].join('\n');
  if (isMap(doc.contents)) doc.contents.commentBefore = comment;
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}
