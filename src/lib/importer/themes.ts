/**
 * Upstream "Major Themes" prose is not an item to triage: it becomes the release's themes
 * (`themes` in `data/releases/<id>.yaml`), shown on the release page, never a note.
 */
import { Document, isMap, isSeq, parseDocument } from 'yaml';
import { stripMarkdown } from './links.ts';
import type { UpstreamItem } from './types.ts';

/** A Markdown link reference definition line (`[SIG Apps]: https://…`): it names a URL, says nothing. */
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S+\s*$/;

/** Whether an upstream item is part of the release's major themes rather than a change. */
export function isTheme(item: UpstreamItem): boolean {
  return item.section === 'major-themes';
}

/**
 * The theme a "Major Themes" item becomes: its text as one plain paragraph (the release page shows
 * themes as text), links reduced to their words, link definitions left out.
 */
export function themeText(item: UpstreamItem): string {
  const lines = item.text.split('\n').filter((line) => !LINK_DEFINITION.test(line));
  return stripMarkdown(lines.join('\n'));
}

/**
 * The release file's text with `themes` set to the English texts, each pending its Chinese
 * translation; comments and key order kept (the `yaml` Document API). Undefined when the file
 * already has themes: they are never overwritten.
 */
export function withThemes(releaseText: string, themes: readonly string[]): string | undefined {
  const doc = parseDocument(releaseText);
  const existing = doc.get('themes', true);
  if (isSeq(existing) && existing.items.length > 0) return undefined;
  if (!isMap(doc.contents)) return undefined;
  // Block lists, not flow ones: other writers of the file (npm run triage) keep them byte for byte.
  const node = new Document(themes.map((en) => ({ en, pendingTranslation: ['zh'] }))).contents;
  doc.set('themes', node);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
