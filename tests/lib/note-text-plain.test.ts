import { describe, expect, test } from 'vitest';
import { plainNoteText } from '../../src/lib/note-text.ts';

describe('plainNoteText', () => {
  test.each([
    ['plain text as written', 'Nothing to do.', 'Nothing to do.'],
    ['code spans without backticks', 'The `--foo` flag is removed.', 'The --foo flag is removed.'],
    [
      'links as their text',
      'See [the PR](https://example.com/1) and **this**.',
      'See the PR and this.',
    ],
    ['list items and paragraphs joined', 'One.\n\n- two\n- three', 'One. two three'],
    ['raw HTML dropped', 'A <b>bold</b> move.', 'A bold move.'],
  ])('%s', (_, text, plain) => {
    expect(plainNoteText(text)).toBe(plain);
  });

  test('cuts a long text at a word boundary with an ellipsis', () => {
    const text = 'word '.repeat(100).trim();
    const plain = plainNoteText(text, 40);
    expect(plain.length).toBeLessThanOrEqual(40);
    expect(plain).toMatch(/^(word )+word…$/);
  });
});
