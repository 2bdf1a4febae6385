/**
 * Note texts (summaries and assessments, often upstream Markdown) as HTML built from a whitelist:
 * paragraphs, lists, code blocks, inline code, emphasis, strong and http(s)/mailto links. Anything
 * else — raw HTML, images, tables, other URLs — reaches the page as escaped text.
 *
 * Why not remark-rehype + rehype-sanitize (measured 2026-11-29 on the 2-core CI machine kind): speed
 * is no reason either way — rendering 20,000 texts through the parser (the 5,000-note benchmark's
 * summaries and assessments in both languages, taken from the real notes) took 11.1–16.7 s here and
 * 10.8–18.0 s with unified + remark-gfm + remark-rehype + rehype-sanitize + rehype-stringify; parsing
 * dominates both. What it does is the reason: sanitizing drops what it does not allow, while the notes'
 * trust model shows it as written (raw HTML, images, tables: tests/lib/note-text.test.ts), and it kept
 * relative `#fragment` links of upstream text that lead nowhere on this site; of the 549 distinct texts
 * of the real notes it rendered 54 differently (50 only in how characters are escaped). The fast path
 * for plain one-sentence texts (below) is what pays: the benchmark corpus's 20,000 texts take
 * 5.7–6.6 s through the parser and under 0.1 s escaped directly.
 */
import type { Definition, List, ListItem, Nodes, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** A note text rendered as escaped HTML built from whitelisted elements. */
export interface NoteTextHtml {
  /** `inline`: the text is one paragraph and `html` its content, for the caller's own `<p>`; `blocks`: `html` is a series of blocks. */
  kind: 'inline' | 'blocks';
  html: string;
}

/** What rendering one text needs besides the tree: its source (for text shown as written) and its link definitions. */
interface Context {
  source: string;
  definitions: Map<string, Definition>;
}

const ESCAPED: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&#39;',
  '"': '&quot;',
};

/** Escapes text for HTML content and double-quoted attributes, with the entities Astro uses. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>'"]/g, (char) => ESCAPED[char] ?? char);
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The href of a link target when it is an absolute http:, https: or mailto: URL (normalized), otherwise undefined. */
export function safeHref(url: string): string | undefined {
  if (!/^(?:https?:\/\/|mailto:\S)/i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return LINK_PROTOCOLS.has(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The text of a node as written in the source. */
function sourceOf(node: Nodes, context: Context): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : context.source.slice(start, end);
}

/** The link definitions of a tree by identifier; the first one of an identifier wins, as in CommonMark. */
function collectDefinitions(node: Nodes, found = new Map<string, Definition>()): typeof found {
  if (node.type === 'definition' && !found.has(node.identifier)) found.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, found);
  return found;
}

/** A link to `url` around `children`, or just the children when the URL is not allowed. */
function linkHtml(url: string, children: PhrasingContent[], context: Context): string {
  const content = inlinesHtml(children, context);
  const href = safeHref(url);
  return href === undefined ? content : `<a href="${escapeHtml(href)}">${content}</a>`;
}

/** One inline node: whitelisted ones as elements, the others as their escaped source text. */
function inlineHtml(node: PhrasingContent, context: Context): string {
  switch (node.type) {
    case 'text':
      return escapeHtml(node.value);
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'emphasis':
      return `<em>${inlinesHtml(node.children, context)}</em>`;
    case 'strong':
      return `<strong>${inlinesHtml(node.children, context)}</strong>`;
    case 'break':
      return '<br>';
    case 'link':
      return linkHtml(node.url, node.children, context);
    case 'linkReference': {
      const definition = context.definitions.get(node.identifier);
      return definition
        ? linkHtml(definition.url, node.children, context)
        : escapeHtml(sourceOf(node, context));
    }
    default:
      // html, image, imageReference, delete, footnoteReference: shown as written.
      return escapeHtml(sourceOf(node, context));
  }
}

/** A run of inline nodes. */
function inlinesHtml(nodes: PhrasingContent[], context: Context): string {
  return nodes.map((node) => inlineHtml(node, context)).join('');
}

/** Whether a list is loose (its items' paragraphs get `<p>`), as CommonMark decides. */
function isLoose(list: List): boolean {
  return Boolean(list.spread) || list.children.some((item) => item.spread);
}

/** One list item; a tight list's paragraphs are unwrapped, a task item keeps its `[ ]` or `[x]` as text. */
function itemHtml(item: ListItem, loose: boolean, context: Context): string {
  const task = item.checked === true ? '[x] ' : item.checked === false ? '[ ] ' : '';
  const content = item.children
    .map((child) =>
      !loose && child.type === 'paragraph'
        ? inlinesHtml(child.children, context)
        : blockHtml(child, context),
    )
    .join('');
  return `<li>${task}${content}</li>`;
}

/** A bullet or numbered list, numbered from its first number. */
function listHtml(list: List, context: Context): string {
  const loose = isLoose(list);
  const items = list.children.map((item) => itemHtml(item, loose, context)).join('');
  if (!list.ordered) return `<ul>${items}</ul>`;
  const start = list.start ?? 1;
  return start === 1 ? `<ol>${items}</ol>` : `<ol start="${start}">${items}</ol>`;
}

/** The content of a block shown as a paragraph: paragraphs, headings and, as written, raw HTML and unknown blocks. */
function paragraphHtml(node: RootContent, context: Context): string | undefined {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inlinesHtml(node.children, context);
    case 'list':
    case 'code':
    case 'blockquote':
    case 'definition':
    case 'thematicBreak':
    case 'table':
      return undefined;
    default:
      // html, footnoteDefinition and anything else.
      return escapeHtml(sourceOf(node, context));
  }
}

/** One block node: whitelisted ones as elements, tables as their source, others as paragraphs. */
function blockHtml(node: RootContent, context: Context): string {
  switch (node.type) {
    case 'list':
      return listHtml(node, context);
    case 'code':
      return `<pre><code>${escapeHtml(node.value)}</code></pre>`;
    case 'blockquote':
      return blocksHtml(node.children, context);
    case 'definition':
    case 'thematicBreak':
      return '';
    case 'table':
      // Its rows as written keep their columns.
      return `<pre>${escapeHtml(sourceOf(node, context))}</pre>`;
    default:
      return `<p>${paragraphHtml(node, context) ?? ''}</p>`;
  }
}

/** A run of block nodes. */
function blocksHtml(nodes: RootContent[], context: Context): string {
  return nodes.map((node) => blockHtml(node, context)).join('');
}

/** Parses note text as CommonMark with GFM (autolink literals, tables, task lists). */
function parse(text: string): Root {
  return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/**
 * Text that Markdown would turn into one plain paragraph, so the parser can be skipped: no markup or
 * entity characters, no line breaks, nothing that starts a block, no autolink (`www.`, URL schemes,
 * e-mail addresses). Most note texts are such single sentences.
 */
const MARKUP_CHARACTERS = /[\n\r\t*_`~\\[\]<>&@|]/;
const BLOCK_START = /^(?:[\s\d#>+\-=]|$)/;
const AUTOLINK = /www\.|[a-z][a-z0-9+.-]*:/i;

function isPlainParagraph(text: string): boolean {
  return (
    !MARKUP_CHARACTERS.test(text) &&
    !BLOCK_START.test(text) &&
    !/\s$/.test(text) &&
    !AUTOLINK.test(text)
  );
}

/** Renders a note text through the Markdown parser (see NoteTextHtml); `renderNoteText` skips it for plain text. */
export function renderParsedNoteText(text: string): NoteTextHtml {
  const root = parse(text);
  const context: Context = { source: text, definitions: collectDefinitions(root) };
  const shown = root.children.filter(
    (node) => node.type !== 'definition' && node.type !== 'thematicBreak',
  );
  const [first] = shown;
  const single = shown.length === 1 && first ? paragraphHtml(first, context) : undefined;
  return shown.length === 0
    ? { kind: 'inline', html: '' }
    : single === undefined
      ? { kind: 'blocks', html: blocksHtml(shown, context) }
      : { kind: 'inline', html: single };
}

/**
 * Renders through the parser; a text nested deeper than the stack allows (the checker refuses those,
 * `src/checker/limits.ts`, but the dev server shows pages of unchecked notes) is shown as written.
 */
function renderWithinStack(text: string): NoteTextHtml {
  try {
    return renderParsedNoteText(text);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { kind: 'inline', html: escapeHtml(text) };
  }
}

const rendered = new Map<string, NoteTextHtml>();

/** Renders a note text as safe HTML (see NoteTextHtml); the same text is rendered once per build. */
export function renderNoteText(text: string): NoteTextHtml {
  const known = rendered.get(text);
  if (known) return known;
  const result: NoteTextHtml = isPlainParagraph(text)
    ? { kind: 'inline', html: escapeHtml(text) }
    : renderWithinStack(text);
  rendered.set(text, result);
  return result;
}

/** The text content of a Markdown tree: text and code as written, blocks separated by a space. */
function textOf(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'html') return '';
  if (!('children' in node)) return '';
  const parts = (node.children as Nodes[]).map(textOf);
  return node.type === 'paragraph' || node.type === 'heading' ? parts.join('') : parts.join(' ');
}

/**
 * A note text as plain text for a meta description: Markdown reduced to its words (no backticks, link
 * targets or markup), whitespace collapsed, cut at `max` characters on a word boundary with "…".
 */
export function plainNoteText(text: string, max = 160): string {
  const plain = (isPlainParagraph(text) ? text : textOf(parse(text))).replace(/\s+/g, ' ').trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
