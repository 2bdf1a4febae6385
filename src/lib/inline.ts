/** A run of note text: plain, or a `code` span. */
export interface InlineSegment {
  code: boolean;
  text: string;
}

/** Splits a note title on Markdown backtick code spans, so pages can show `--flags` as code without rendering HTML (texts use note-text.ts). */
export function splitInlineCode(text: string): InlineSegment[] {
  const segments: InlineSegment[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) segments.push({ code: false, text: text.slice(last, match.index) });
    segments.push({ code: true, text: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ code: false, text: text.slice(last) });
  return segments;
}
