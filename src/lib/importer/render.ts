/** Turning upstream items into note drafts and drafts into note files. */
import { Document, Scalar, isMap, isScalar, isSeq } from 'yaml';
import { webUrl } from '../../schemas/fields.ts';
import type { Section } from '../sections.ts';
import { itemId } from './ids.ts';
import { stripMarkdown, unique } from './links.ts';
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

/** Shortens a title to at most `max` characters at a word boundary, never inside a code span. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  if ((cut.match(/`/g) ?? []).length % 2 === 1) {
    const before = cut.slice(0, cut.lastIndexOf('`')).trimEnd();
    // Close a long code span with the ellipsis inside rather than lose most of the title.
    if (before.length < max * 0.6) return `${cut.trimEnd()}…\``;
    cut = before;
  }
  return `${cut.replace(/[\s,;:.(-]+$/, '')}…`;
}

/**
 * A title from an upstream text: its first sentence (from the first paragraph, before any nested
 * list or code), Markdown links reduced to their text, the `([#123](…), [@someone](…))` trailer and
 * a trailing `[SIG …]` dropped, shortened to about 100 characters.
 */
export function titleOf(text: string, max = 100): string {
  const [firstParagraph = ''] = text.split(/\n[ \t]*\n/);
  const lines: string[] = [];
  for (const line of firstParagraph.split('\n')) {
    if (lines.length > 0 && /^\s*(?:[*+-]|\d+[.)])\s|^\s*(?:```|~~~)/.test(line)) break;
    lines.push(line);
  }
  const plain = stripMarkdown(lines.join(' ').replace(/\\n/g, ' '))
    .replace(/\s*\[SIG [^\]]*\]\s*$/, '')
    .replace(/^[-*+]\s+/, '')
    .trim();
  const sentence = plain
    .slice(0, firstSentenceEnd(plain))
    .replace(/[\s.:;,]+$/, '')
    .trim();
  return shorten(sentence || plain || 'Upstream change', max);
}

function validUrls(urls: readonly string[]): string[] {
  return unique(urls).filter((url) => webUrl.safeParse(url).success);
}

/**
 * Groups items into note drafts by id (items citing the same PR become one note: its section is the
 * first item's, the others' go to `alsoIn`; distinct texts are all kept), keeping import order.
 */
export function draftNotes(
  items: readonly UpstreamItem[],
  idPrefix: string,
  knownAreaIds: ReadonlySet<string>,
): NoteDraft[] {
  const drafts = new Map<string, NoteDraft>();
  for (const item of items) {
    const id = itemId(item, idPrefix);
    const draft = drafts.get(id);
    const known = item.area !== undefined && knownAreaIds.has(item.area) ? item.area : undefined;
    if (!draft) {
      drafts.set(id, {
        id,
        section: item.section,
        alsoIn: unique(item.alsoIn.filter((section) => section !== item.section)),
        ...(known ? { area: known } : {}),
        ...(item.area !== undefined && !known ? { unknownArea: item.area } : {}),
        upstream: validUrls([...item.prs, ...item.issues, ...item.links]),
        authors: item.authors.filter((handle) => HANDLE.test(handle)),
        actionRequired: item.actionRequired,
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
    ` Imported from ${source} by \`npm run import\` — untriaged: assess it, then add the zh texts.`,
    ...draft.items.map((item) => ` Upstream: ${describeOrigin(item)}`),
  ].join('\n');
  if (isMap(doc.contents)) doc.contents.commentBefore = comment;
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`;
}
