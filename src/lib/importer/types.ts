import type { Section } from '../sections.ts';

/**
 * One upstream item: the unit the importer turns into a note.
 *
 * In a Markdown changelog an item is a top-level bullet together with everything indented under it
 * (nested bullets, continuation lines and paragraphs, fenced code) as one text — except a
 * "pseudo-heading" bullet (a short label such as `Features`, `Bug fixes:`, `AWS:`, `New commands`
 * that has nested bullets and no text of its own), whose nested bullets are items in their own
 * right (recursively). The prose paragraphs of an area heading's own body together are one item
 * (the 1.8 SIG themes, Federated Jobs, the "Workloads API (apps/v1beta2)" paragraph), and so are those
 * of a section heading without bullets or sub-headings (the 1.7 Major Themes); prose directly under a
 * section heading that has bullets or sub-headings is its introduction and is not imported.
 * Items of the "Major Themes" section become the release's themes, not notes (`themes.ts`).
 * In the JSON layout an item is one release-note object (one PR).
 */
export interface UpstreamItem {
  /** The release section it came from (`v1.8.0-alpha.2`), or the JSON `release_version`. */
  version: string;
  /** The upstream section, mapped to the site's section ids. */
  section: Section;
  /** Further sections the same item is listed in upstream (JSON: its other kinds). */
  alsoIn: Section[];
  /** The heading path below the section, as written (markup stripped): `['Storage', 'Local Storage']`. */
  headings: string[];
  /** The pseudo-heading bullets the item sits under: `['Features', 'New commands']`. */
  groups: string[];
  /** Area id from the outermost heading below the section (JSON: from sigs/areas); absent where there is none. */
  area?: string;
  /** The upstream text, verbatim Markdown (list indentation re-based to the item and written with spaces). */
  text: string;
  /** 1-based line of the item in the file (JSON: 0). */
  line: number;
  /** Where the item came from. */
  kind: 'bullet' | 'prose' | 'json';
  /** Pull-request URLs cited (the item's own trailer first), canonical `https://github.com/o/r/pull/N`. */
  prs: string[];
  /** Issue and enhancement URLs cited, canonical `https://github.com/o/r/issues/N`. */
  issues: string[];
  /** Other links worth keeping as upstream references (JSON `documentation` URLs). */
  links: string[];
  /** Every other http(s) URL the text cites (docs, READMEs; not people), to recognise notes citing them. */
  urls: string[];
  /** GitHub handles credited (`[@handle](…)`, JSON `author`). */
  authors: string[];
  /** Upstream flags it "action required" (the section, a leading `[Action required]`, JSON `action_required`). */
  actionRequired: boolean;
}

/** Something in the input that was deliberately not imported, for the summary. */
export interface SkippedBlock {
  /** 1-based line. */
  line: number;
  /** Why: an intro paragraph before a heading's bullets or sub-headings, or text outside the sections (downloads, dependencies). */
  reason: 'intro' | 'outside-section' | 'do-not-publish';
  /** The heading it sits under (or the JSON key). */
  where: string;
}

/** One `# vX.Y.Z…` release section of a Markdown changelog. */
export interface ChangelogRelease {
  /** As written in the heading, e.g. `v1.8.0-alpha.2`. */
  version: string;
  /** 1-based line of the heading. */
  line: number;
  items: UpstreamItem[];
  skipped: SkippedBlock[];
}
