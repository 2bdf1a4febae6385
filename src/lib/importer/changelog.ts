/**
 * Parser of the Markdown CHANGELOG layout of Kubernetes 1.x (2017–2018): `# vX.Y.Z…` release
 * sections, section headings (`## **Action Required Before Upgrading**`, `### Other notable
 * changes`, …) at any level, area sub-headings below them, and nested bullets.
 *
 * What one upstream item is: see {@link UpstreamItem}. The quirks of those files handled here:
 * - a section heading may sit at `##` or `###`; a heading that is not a known section or a part to
 *   skip never ends a section: it is an area heading, and one written at the section's own level
 *   or above (`## Kubefed` inside `## **Notable Features**`) counts as one level below it;
 * - the area is the outermost heading below the section (`Storage` for `### Storage` › `#### Local Storage`);
 * - a heading naming a known area that comes after the bullets of the area heading above it is that
 *   heading's sibling, whatever its level (1.8's `#### Storage` after `### Workloads API (batch)`'s bullets);
 * - indentation is measured in columns with tab stops every 2 columns (those files indent a nested
 *   bullet with one tab where others use two spaces, and mix both among siblings);
 * - "pseudo-heading" bullets (`Features`, `Bug fixes:`, `AWS:`, `New commands`, …) group separate
 *   changes: their nested bullets are the items;
 * - an unindented paragraph after a bullet (the 1.8 Known Issues' "For more information, see …")
 *   belongs to that bullet;
 * - download tables, "External Dependency Version Information", "Previous Releases Included",
 *   "Introduction to …" and "Changelog since …" are not sections: nothing there is imported.
 */
import type { Section } from '../sections.ts';
import { areaId, cleanHeading, type KnownArea } from './areas.ts';
import { refsOf } from './links.ts';
import type { ChangelogRelease, SkippedBlock, UpstreamItem } from './types.ts';

/** Options of {@link parseChangelog}. */
export interface ChangelogOptions {
  /** Areas the project knows, so headings map onto their ids (`Information for Kubernetes clients (…)` → `clients`). */
  knownAreas?: readonly KnownArea[];
  /** Columns per tab stop in indentation; 2 in the changelogs of those years. */
  tabWidth?: number;
}

const RELEASE_HEADING = /^# +(v\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)\s*$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^([ \t]*)([*+-])([ \t]+)(\S.*)$/;
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})/;
const FENCE_CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;
const HTML_COMMENT_LINE = /^\s*<!--.*-->\s*$/;

/** Upstream section headings (cleaned, lowercase) and the site's section they are. */
const SECTION_HEADINGS: readonly [RegExp, Section][] = [
  [/^major themes$/, 'major-themes'],
  [
    /^(?:urgent )?(?:action required(?: before upgrading)?|before upgrading|upgrade notes)$/,
    'action-required',
  ],
  [/^known issues$/, 'known-issues'],
  [/^deprecations?$/, 'deprecations'],
  [/^(?:notable|new|major) features$/, 'notable-features'],
  [/^other notable changes$/, 'other-notable-changes'],
];

/** Headings of parts that hold no release-note items. */
const SKIPPED_HEADINGS: readonly RegExp[] = [
  /^downloads for /,
  /^(?:client|server|node) binaries$/,
  /^source code$/,
  /^external dependenc/,
  /^previous releases included/,
  /^introduction to /,
  /^changelog since /,
  /^documentation$/,
];

type FenceMark = 'open' | 'inside' | 'close' | undefined;

interface Line {
  /** 1-based line number in the file. */
  no: number;
  raw: string;
  /** Column of the first non-blank character. */
  col: number;
  blank: boolean;
  fence: FenceMark;
}

interface Node {
  first: Line;
  /** The bullet's text on its first line (after the marker). */
  label: string;
  col: number;
  /** Column where the bullet's content starts; deeper lines belong to it. */
  contentCol: number;
  /** Lines that belong to this bullet itself (not to nested bullets), in order. */
  lines: Line[];
  children: Node[];
}

interface Context {
  section?: Section;
  headings: string[];
  /** Effective heading level of the context's own heading. */
  level: number;
  /** The heading text, for reports. */
  where: string;
  lines: Line[];
}

function fenceMarks(lines: readonly string[]): FenceMark[] {
  const marks: FenceMark[] = lines.map(() => undefined);
  for (let i = 0; i < lines.length; i += 1) {
    const open = FENCE_OPEN.exec(lines[i] ?? '');
    const marker = open?.[1];
    if (!marker) continue;
    let end = i + 1;
    while (end < lines.length) {
      const close = FENCE_CLOSE.exec(lines[end] ?? '')?.[1];
      if (close && close[0] === marker[0] && close.length >= marker.length) break;
      end += 1;
    }
    if (end >= lines.length) continue;
    marks[i] = 'open';
    for (let inside = i + 1; inside < end; inside += 1) marks[inside] = 'inside';
    marks[end] = 'close';
    i = end;
  }
  return marks;
}

function indentOf(raw: string, tabWidth: number): { col: number; length: number } {
  let col = 0;
  let length = 0;
  for (const char of raw) {
    if (char === ' ') col += 1;
    else if (char === '\t') col += tabWidth - (col % tabWidth);
    else break;
    length += 1;
  }
  return { col, length };
}

/** Removes `columns` columns of leading whitespace, keeping the rest of the line as written. */
function stripColumns(raw: string, columns: number, tabWidth: number): string {
  let col = 0;
  let index = 0;
  while (index < raw.length && col < columns) {
    const char = raw[index];
    const width = char === ' ' ? 1 : char === '\t' ? tabWidth - (col % tabWidth) : 0;
    if (width === 0) break;
    if (col + width > columns) return ' '.repeat(col + width - columns) + raw.slice(index + 1);
    col += width;
    index += 1;
  }
  return raw.slice(index);
}

function sectionOf(heading: string): Section | undefined {
  const text = heading.toLowerCase();
  return SECTION_HEADINGS.find(([pattern]) => pattern.test(text))?.[1];
}

function isSkipped(heading: string): boolean {
  const text = heading.toLowerCase();
  return SKIPPED_HEADINGS.some((pattern) => pattern.test(text));
}

/** A line break: CR LF or any single character Unicode defines as one. */
export const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

/** Parses every `# vX.Y.Z…` release section of a Markdown changelog, in file order; none when it is not one. */
export function parseChangelog(text: string, options: ChangelogOptions = {}): ChangelogRelease[] {
  const tabWidth = options.tabWidth ?? 2;
  // Every line break Unicode defines ends a line (CR LF, LF, bare CR, VT, FF, NEL, LS, PS), so no
  // item is folded into the one before it.
  const raw = text.replace(/^\uFEFF/, '').split(LINE_BREAK);
  const marks = fenceMarks(raw);
  const starts: { index: number; version: string }[] = [];
  raw.forEach((line, index) => {
    const version = marks[index] === undefined ? RELEASE_HEADING.exec(line)?.[1] : undefined;
    if (version) starts.push({ index, version });
  });
  return starts.map((start, n) => {
    const end = starts[n + 1]?.index ?? raw.length;
    const lines: Line[] = [];
    for (let index = start.index + 1; index < end; index += 1) {
      const line = raw[index] ?? '';
      const { col } = indentOf(line, tabWidth);
      lines.push({
        no: index + 1,
        raw: line,
        col,
        blank: line.trim() === '',
        fence: marks[index],
      });
    }
    return parseRelease(start.version, start.index + 1, lines, {
      knownAreas: options.knownAreas ?? [],
      tabWidth,
    });
  });
}

function parseRelease(
  version: string,
  line: number,
  lines: readonly Line[],
  options: { knownAreas: readonly KnownArea[]; tabWidth: number },
): ChangelogRelease {
  const items: UpstreamItem[] = [];
  const skipped: SkippedBlock[] = [];
  let section: { section: Section; level: number } | undefined;
  let stack: { level: number; text: string }[] = [];
  let context: Context = { headings: [], level: 1, where: `# ${version}`, lines: [] };

  const flush = (deeper: boolean) => {
    const result = parseBody(context, deeper, version, options);
    items.push(...result.items);
    skipped.push(...result.skipped);
  };

  for (const current of lines) {
    const heading = current.fence === undefined ? HEADING.exec(current.raw) : null;
    if (heading) {
      const level = heading[1]?.length ?? 1;
      const text = cleanHeading(heading[2] ?? '');
      const isSection = sectionOf(text);
      if (isSection) {
        flush(false);
        section = { section: isSection, level };
        stack = [];
        context = { section: isSection, headings: [], level, where: text, lines: [] };
      } else if (isSkipped(text) || !section) {
        flush(false);
        section = undefined;
        stack = [];
        context = { headings: [], level, where: text, lines: [] };
      } else {
        const effective = siblingAfterBullets(
          Math.max(level, section.level + 1),
          text,
          context,
          options,
        );
        flush(effective > context.level);
        stack = stack.filter((entry) => entry.level < effective);
        stack.push({ level: effective, text });
        context = {
          section: section.section,
          headings: stack.map((entry) => entry.text),
          level: effective,
          where: text,
          lines: [],
        };
      }
      continue;
    }
    if (current.fence === undefined && HTML_COMMENT_LINE.test(current.raw)) continue;
    context.lines.push(current);
  }
  flush(false);
  return { version, line, items, skipped };
}

/**
 * The level of an area heading, corrected for a structure slip: a heading naming an area the project
 * knows that would nest under an area heading whose own bullets it follows is a sibling of that
 * heading (1.8's `#### CLI Changes`, `#### Scheduling` and `#### Storage` after the bullets of `###
 * Workloads API (batch)`). A heading that follows only prose, or nothing (`### Cluster Lifecycle` ›
 * `#### kubeadm`), stays its child.
 */
function siblingAfterBullets(
  level: number,
  text: string,
  parent: Context,
  options: { knownAreas: readonly KnownArea[] },
): number {
  if (level <= parent.level || parent.headings.length === 0) return level;
  const id = areaId(text, options.knownAreas);
  if (!options.knownAreas.some((area) => area.id === id)) return level;
  const hasBullets = parent.lines.some((line) => line.fence === undefined && BULLET.test(line.raw));
  return hasBullets ? parent.level : level;
}

/** Splits a heading's body into bullet trees and the prose before the first bullet. */
function buildTree(lines: readonly Line[], tabWidth: number): { top: Node[]; prose: Line[] } {
  const top: Node[] = [];
  const prose: Line[] = [];
  let stack: Node[] = [];
  let previousBlank = true;
  let owner: Node | undefined;

  for (const line of lines) {
    if (line.fence === 'inside' || line.fence === 'close') {
      (owner ? owner.lines : prose).push(line);
      previousBlank = false;
      continue;
    }
    if (line.blank) {
      if (owner) owner.lines.push(line);
      else if (prose.length > 0) prose.push(line);
      previousBlank = true;
      continue;
    }
    const bullet = line.fence === undefined ? BULLET.exec(line.raw) : null;
    if (bullet) {
      const markerCol = indentOf(line.raw, tabWidth).col;
      const spaces = indentOf((bullet[3] ?? '') + 'x', tabWidth).col;
      const contentCol = markerCol + 1 + (spaces > 4 ? 1 : spaces);
      while (stack.length > 0 && markerCol < (stack.at(-1)?.contentCol ?? 0)) stack.pop();
      const node: Node = {
        first: line,
        label: bullet[4] ?? '',
        col: markerCol,
        contentCol,
        lines: [line],
        children: [],
      };
      const parent = stack.at(-1);
      if (parent) parent.children.push(node);
      else top.push(node);
      stack.push(node);
      owner = node;
      previousBlank = false;
      continue;
    }
    // A paragraph line (or a fence opening): it continues the open bullet it is indented under,
    // lazily the bullet of the line before, or — unindented after a blank — the last top-level bullet.
    if (stack.length === 0) {
      owner = top.at(-1);
    } else if (previousBlank) {
      while (stack.length > 1 && line.col < (stack.at(-1)?.contentCol ?? 0)) stack.pop();
      if (line.col < (stack[0]?.contentCol ?? 0)) stack = [];
      owner = stack.at(-1) ?? top.at(-1);
    } else {
      owner = stack.at(-1);
    }
    (owner ? owner.lines : prose).push(line);
    previousBlank = false;
  }
  return { top, prose };
}

function subtreeLines(node: Node): Line[] {
  return [...node.lines, ...node.children.flatMap(subtreeLines)].sort((a, b) => a.no - b.no);
}

/** Joins lines, dropping blank lines at both ends and keeping at most one blank line in a row. */
function joinLines(lines: readonly string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (out.length > 0 && out.at(-1) !== '') out.push('');
    } else {
      out.push(line.replace(/\s+$/, ''));
    }
  }
  while (out.at(-1) === '') out.pop();
  return out.join('\n');
}

/** A line re-based to `base` columns: leading whitespace rewritten as spaces, the rest as written. */
function rebase(line: Line, base: number, tabWidth: number): string {
  if (line.blank) return '';
  if (line.fence === 'inside') return stripColumns(line.raw, base, tabWidth);
  const { col, length } = indentOf(line.raw, tabWidth);
  return ' '.repeat(Math.max(0, col - base)) + line.raw.slice(length);
}

function renderNode(node: Node, tabWidth: number): string {
  return joinLines(
    subtreeLines(node).map((line) =>
      line === node.first ? node.label : rebase(line, node.contentCol, tabWidth),
    ),
  );
}

const MATURITY_TAG = /^\[(?:alpha|beta|stable|ga|prototype|deprecated)\]/i;

/**
 * A bullet that only groups others: it has nested bullets, no text besides its one-line label, and
 * the label is at most 4 words without links, code, digits or a full stop (`Features`, `Bug fixes:`,
 * `AWS:`, `DNS and name resolution`, `Changes/deprecations`). `[stable] Mount options` is an item.
 */
export function isPseudoHeading(label: string, hasChildren: boolean, hasOwnText: boolean): boolean {
  if (!hasChildren || hasOwnText) return false;
  const text = label.trim();
  if (/[\]()`\d]|https?:/.test(text) || MATURITY_TAG.test(text) || /[.!?]$/.test(text))
    return false;
  const words = text.replace(/:$/, '').split(/\s+/).filter(Boolean);
  return words.length >= 1 && words.length <= 4;
}

/**
 * The area of an item from its heading path below the section: the outermost heading that is an
 * area the project knows (`Cluster Lifecycle` › `kubeadm` → `cluster-lifecycle`; `Workloads API
 * (batch)` › `CLI Changes` → `kubectl`), else the outermost heading (`Kubefed` → `kubefed`).
 */
export function areaOfHeadings(
  headings: readonly string[],
  knownAreas: readonly KnownArea[],
): string | undefined {
  const ids = headings.map((heading) => areaId(heading, knownAreas));
  return ids.find((id) => knownAreas.some((area) => area.id === id)) ?? ids[0];
}

function parseBody(
  context: Context,
  deeper: boolean,
  version: string,
  options: { knownAreas: readonly KnownArea[]; tabWidth: number },
): { items: UpstreamItem[]; skipped: SkippedBlock[] } {
  const { tabWidth } = options;
  const skipped: SkippedBlock[] = [];
  const firstLines = (lines: readonly Line[]) =>
    lines.filter((line, index) => !line.blank && (index === 0 || lines[index - 1]?.blank));
  const where = context.where;
  const { section } = context;
  if (!section) {
    const { top, prose } = buildTree(context.lines, tabWidth);
    for (const line of [...firstLines(prose), ...top.map((node) => node.first)]) {
      skipped.push({ line: line.no, reason: 'outside-section', where });
    }
    return { items: [], skipped };
  }
  const headingPath = context.headings;
  const area = areaOfHeadings(headingPath, options.knownAreas);
  const base = {
    version,
    section,
    alsoIn: [],
    headings: headingPath,
    ...(area ? { area } : {}),
    links: [],
  };
  const { top, prose } = buildTree(context.lines, tabWidth);
  const items: UpstreamItem[] = [];

  const proseText = joinLines(
    prose.map((line) => (line.fence === 'inside' ? line.raw : line.raw.trim())),
  );
  if (proseText !== '') {
    const first = prose.find((line) => !line.blank);
    // Prose directly under a section heading that also has bullets or sub-headings introduces the
    // section ("Populated via …", "This section provides an overview …"); under an area heading it
    // is content (the 1.8 "Workloads API (apps/v1beta2)" paragraph), as it is under a leaf heading.
    if (headingPath.length === 0 && (top.length > 0 || deeper)) {
      for (const line of firstLines(prose)) skipped.push({ line: line.no, reason: 'intro', where });
    } else {
      items.push({
        ...base,
        groups: [],
        text: proseText,
        line: first?.no ?? 0,
        kind: 'prose',
        ...refsOf(proseText, proseText),
        actionRequired: section === 'action-required',
      });
    }
  }

  const visit = (node: Node, groups: string[]) => {
    const ownText = node.lines.some((line) => line !== node.first && !line.blank);
    if (isPseudoHeading(node.label, node.children.length > 0, ownText)) {
      const label = node.label.trim().replace(/\s*:$/, '');
      for (const child of node.children) visit(child, [...groups, label]);
      return;
    }
    const text = renderNode(node, tabWidth);
    const own = joinLines(
      node.lines.map((line) =>
        line === node.first ? node.label : rebase(line, node.contentCol, tabWidth),
      ),
    );
    items.push({
      ...base,
      groups,
      text,
      line: node.first.no,
      kind: 'bullet',
      ...refsOf(own, text),
      actionRequired: section === 'action-required' || /^\[action required\]/i.test(node.label),
    });
  };
  for (const node of top) visit(node, []);
  items.sort((a, b) => a.line - b.line);
  return { items, skipped };
}
