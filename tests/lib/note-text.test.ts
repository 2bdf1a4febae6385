import { describe, expect, test } from 'vitest';
import { scanTags } from '../../src/lib/links.ts';
import {
  escapeHtml,
  plainNoteText,
  renderNoteText,
  renderParsedNoteText,
  safeHref,
} from '../../src/lib/note-text.ts';
import { readProject } from '../support/dist.ts';
import { KUBERNETES } from '../support/sites.ts';

/** The only elements and attributes rendered note text may contain. */
const ALLOWED: Record<string, string[]> = {
  p: [],
  ul: [],
  ol: ['start'],
  li: [],
  pre: [],
  code: [],
  em: [],
  strong: [],
  br: [],
  a: ['href'],
};

/** Every tag of an HTML fragment that is not in the whitelist, or has an attribute or href it must not. */
function forbiddenTags(html: string): string[] {
  return scanTags(html)
    .filter(
      (tag) =>
        !(tag.name in ALLOWED) ||
        Object.keys(tag.attributes).some((name) => !ALLOWED[tag.name]?.includes(name)) ||
        (tag.name === 'a' && !/^(?:https?:\/\/|mailto:)/.test(tag.attributes['href'] ?? '')),
    )
    .map((tag) => `<${tag.name} ${JSON.stringify(tag.attributes)}>`);
}

describe('renderNoteText', () => {
  describe.each([
    ['plain text', 'Ignore.', 'Ignore.'],
    [
      'text with quotes and ampersands',
      `PICT's "kube" & co`,
      'PICT&#39;s &quot;kube&quot; &amp; co',
    ],
    ['inline code', 'use `--flag` now', 'use <code>--flag</code> now'],
    ['markup inside inline code', '`<b>code</b>`', '<code>&lt;b&gt;code&lt;/b&gt;</code>'],
    ['emphasis', '*a* and _b_', '<em>a</em> and <em>b</em>'],
    ['strong emphasis', '**a** and __b__', '<strong>a</strong> and <strong>b</strong>'],
    ['code inside strong', '**`a`**', '<strong><code>a</code></strong>'],
    [
      'an https link',
      '[#47869](https://github.com/kubernetes/kubernetes/pull/47869)',
      '<a href="https://github.com/kubernetes/kubernetes/pull/47869">#47869</a>',
    ],
    [
      'an http link',
      '[x](http://example.com/a?b=1&c=2)',
      '<a href="http://example.com/a?b=1&amp;c=2">x</a>',
    ],
    ['a mailto link', '[ops](mailto:ops@example.com)', '<a href="mailto:ops@example.com">ops</a>'],
    [
      'a link with a title',
      '[x](https://example.com/ "t")',
      '<a href="https://example.com/">x</a>',
    ],
    [
      'code as link text',
      '[`kubectl`](https://kubernetes.io/)',
      '<a href="https://kubernetes.io/"><code>kubectl</code></a>',
    ],
    [
      'an autolink',
      '<https://example.com/x>',
      '<a href="https://example.com/x">https://example.com/x</a>',
    ],
    [
      'a bare URL',
      'see https://example.com/pull/1.',
      'see <a href="https://example.com/pull/1">https://example.com/pull/1</a>.',
    ],
    ['a www address', 'www.example.com', '<a href="http://www.example.com/">www.example.com</a>'],
    ['an email address', 'ops@example.com', '<a href="mailto:ops@example.com">ops@example.com</a>'],
    [
      'a reference link',
      '[docs][d]\n\n[d]: https://example.com/docs',
      '<a href="https://example.com/docs">docs</a>',
    ],
    ['brackets that are no link', '[alpha] Local things', '[alpha] Local things'],
    ['a soft line break', 'one\ntwo', 'one\ntwo'],
    ['a hard line break', 'one\\\ntwo', 'one<br>two'],
    ['a heading', '## Heading *x*', 'Heading <em>x</em>'],
    ['an empty text', '', ''],
  ])('when the text is %s', (_label, text, html) => {
    test('returns it as one paragraph of inline HTML', () => {
      expect(renderNoteText(text)).toEqual({ kind: 'inline', html });
    });
  });

  describe.each([
    ['two paragraphs', 'One.\n\nTwo.', '<p>One.</p><p>Two.</p>'],
    ['a tight bullet list', '- a\n- `b`', '<ul><li>a</li><li><code>b</code></li></ul>'],
    ['a loose bullet list', '* a\n\n* b', '<ul><li><p>a</p></li><li><p>b</p></li></ul>'],
    ['a numbered list', '1. a\n2. b', '<ol><li>a</li><li>b</li></ol>'],
    ['a numbered list from 3', '3) a\n4) b', '<ol start="3"><li>a</li><li>b</li></ol>'],
    [
      'a nested list',
      '- a\n  - b\n    1. c',
      '<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li></ul>',
    ],
    ['a task list', '- [ ] to do\n- [x] done', '<ul><li>[ ] to do</li><li>[x] done</li></ul>'],
    [
      'a fenced code block',
      '```yaml\nkind: Widget\n# not a heading\n```',
      '<pre><code>kind: Widget\n# not a heading</code></pre>',
    ],
    ['an indented code block', '    a\n      b', '<pre><code>a\n  b</code></pre>'],
    [
      'markup in a code block',
      '```\n<script>x</script>\n```',
      '<pre><code>&lt;script&gt;x&lt;/script&gt;</code></pre>',
    ],
    ['a block quote', '> quoted\n>\n> - item', '<p>quoted</p><ul><li>item</li></ul>'],
    ['a table', '| a | b |\n|---|---|\n| 1 | 2 |', '<pre>| a | b |\n|---|---|\n| 1 | 2 |</pre>'],
    ['strikethrough and footnotes', '~~x~~ [^1]\n\n[^1]: y', '<p>~~x~~ [^1]</p><p>[^1]: y</p>'],
  ])('when the text has %s', (_label, text, html) => {
    test('returns blocks', () => {
      expect(renderNoteText(text)).toEqual({ kind: 'blocks', html });
    });
  });

  test('drops thematic breaks and definitions, so what remains may be one paragraph', () => {
    expect(renderNoteText('---\n\n[x]\n\n[x]: https://example.com/')).toEqual({
      kind: 'inline',
      html: '<a href="https://example.com/">x</a>',
    });
  });

  describe.each([
    ['a script element', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [
      'an img with onerror',
      'a <img src=x onerror="alert(1)"> b',
      'a &lt;img src=x onerror=&quot;alert(1)&quot;&gt; b',
    ],
    [
      'an HTML link to javascript:',
      '<a href="javascript:alert(1)">x</a>',
      '&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;',
    ],
    ['an HTML comment', '<!-- x -->', '&lt;!-- x --&gt;'],
    [
      'a block of HTML',
      '<div onclick="alert(1)">\nx\n</div>',
      '&lt;div onclick=&quot;alert(1)&quot;&gt;\nx\n&lt;/div&gt;',
    ],
    ['a javascript: link', '[x](javascript:alert(1))', 'x'],
    ['a mixed-case javascript: link', '[x](JaVaScRiPt:alert(1))', 'x'],
    ['an entity-encoded javascript: link', '[x](&#106;avascript:alert(1))', 'x'],
    ['a javascript: link with a tab', '[x](<java\tscript:alert(1)>)', 'x'],
    ['a javascript: autolink', '<javascript:alert(1)>', 'javascript:alert(1)'],
    ['a javascript: reference', '[x][r]\n\n[r]: javascript:alert(1)', 'x'],
    ['a data: link', '[x](data:text/html;base64,PHNjcmlwdD4=)', 'x'],
    ['a vbscript: link', '[x](vbscript:msgbox)', 'x'],
    ['a protocol-relative link', '[x](//evil.example/)', 'x'],
    ['a relative link', '[x](/docs/a.md)', 'x'],
    ['an image', '![x](https://evil.example/x.png)', '![x](https://evil.example/x.png)'],
    ['a javascript: image', '![x](javascript:alert(1))', '![x](javascript:alert(1))'],
    [
      'quotes in a link URL',
      '[x](https://a.example/"onmouseover="alert(1))',
      '<a href="https://a.example/%22onmouseover=%22alert(1)">x</a>',
    ],
    ['encoded markup', '&lt;script&gt; &#60;img&#62;', '&lt;script&gt; &lt;img&gt;'],
    ['an escaped entity', '&amp;lt;b&amp;gt;', '&amp;lt;b&amp;gt;'],
    ['template syntax', '{{x}} ${x}', '{{x}} ${x}'],
  ])('when the text has %s', (_label, text, html) => {
    test('returns it as inert text', () => {
      expect(renderNoteText(text)).toEqual({ kind: 'inline', html });
    });
  });

  test('returns only whitelisted elements and attributes for any mix of hostile input', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '- <img src=x onerror=alert(1)>\n\n  - [x](JaVaScRiPt:alert(1)) <svg onload=alert(1)>',
      '1. ```\n   </code></pre><script>alert(1)</script>\n   ```',
      '> <iframe src="https://evil.example/"></iframe>',
      '[<b>x</b>](https://example.com/ "\\" onmouseover=alert(1)")',
      '**<style>*{}</style>** _<form action=x>_ `</code>`',
      '| <b>a</b> |\n|---|\n| [x](javascript:alert(1)) |',
    ].join('\n\n');
    const { html } = renderNoteText(hostile);
    expect(forbiddenTags(html)).toEqual([]);
    expect(html).toContain('<li>x &lt;svg onload=alert(1)&gt;</li>');
  });

  test('returns paragraphs, nested lists, code and links for an upstream changelog item', () => {
    // As `npm run import` writes it from tests/fixtures/upstream (k8s 1.7 and edge-cases.md).
    const upstream = [
      'Widgets moved to the new widgets.k8s.io/v1 API group. ([#100](https://github.com/kubernetes/kubernetes/pull/100), [@alice](https://github.com/alice))',
      '',
      '**Action Required:** Recreate your widgets, for example:',
      '',
      '  ```yaml',
      '  kind: Widget',
      '  # a comment, not a heading',
      '  * a star, not a bullet',
      '  ```',
      '',
      'New features added:',
      '',
      '  * Feature one, see https://kubernetes.io/docs/.',
      '',
      '  * `kubectl` changes',
      '    * Add `kubectl b` ([#107](https://github.com/kubernetes/kubernetes/pull/107), [@erin](https://github.com/erin))',
      '',
      'In Namespaces that previously did not have the "DefaultDeny" annotation, you should delete any existing NetworkPolicy objects.',
    ].join('\n');
    const { kind, html } = renderNoteText(upstream);
    expect(kind).toBe('blocks');
    expect(html.replace(/(<\/(?:p|pre|li|ul)>)/g, '$1\n')).toMatchInlineSnapshot(`
      "<p>Widgets moved to the new widgets.k8s.io/v1 API group. (<a href="https://github.com/kubernetes/kubernetes/pull/100">#100</a>, <a href="https://github.com/alice">@alice</a>)</p>
      <p><strong>Action Required:</strong> Recreate your widgets, for example:</p>
      <pre><code>kind: Widget
      # a comment, not a heading
      * a star, not a bullet</code></pre>
      <p>New features added:</p>
      <ul><li><p>Feature one, see <a href="https://kubernetes.io/docs/">https://kubernetes.io/docs/</a>.</p>
      </li>
      <li><p><code>kubectl</code> changes</p>
      <ul><li>Add <code>kubectl b</code> (<a href="https://github.com/kubernetes/kubernetes/pull/107">#107</a>, <a href="https://github.com/erin">@erin</a>)</li>
      </ul>
      </li>
      </ul>
      <p>In Namespaces that previously did not have the &quot;DefaultDeny&quot; annotation, you should delete any existing NetworkPolicy objects.</p>
      "
    `);
  });

  test('returns the same result for the same text', () => {
    expect(renderNoteText('same `text`')).toBe(renderNoteText('same `text`'));
  });
});

describe('renderNoteText without the parser', () => {
  // Plain sentences skip the Markdown parser; they must come out exactly as the parser renders them.
  test.each([
    ['a plain sentence', 'Kubelet flags are deprecated.'],
    ['a Chinese sentence', 'PICT的ops组件可关注此特性。（alpha特性）'],
    ['quotes and apostrophes', 'The "old" flag\'s default'],
    ['emphasis', 'Use *this* flag'],
    ['inline code', 'Set `--foo`'],
    ['an entity', 'A &amp; B'],
    ['a line break', 'one\ntwo'],
    ['a list start', '- item'],
    ['an ordered list start', '1. item'],
    ['a heading start', '# Title'],
    ['indented code', '    code'],
    ['a bare URL', 'See https://example.com for more'],
    ['a www. autolink', 'See www.example.com'],
    ['an e-mail address', 'Write to ops@example.com'],
    ['raw HTML', 'a <b>bold</b> move'],
    ['a backslash escape', 'a \\* b'],
    ['trailing spaces', 'hard break  '],
  ])('renders %s as the parser does', (_, text) => {
    expect(renderNoteText(text)).toEqual(renderParsedNoteText(text));
  });

  test('renders every text of the fixture site as the parser does', () => {
    const texts = readProject(KUBERNETES).notes.flatMap(({ data }) =>
      [data.zh, data.en].flatMap((block) =>
        block ? [block.title, block.summary, block.detail ?? '', block.assessment ?? ''] : [],
      ),
    );
    const differing = texts.filter(
      (text) => JSON.stringify(renderNoteText(text)) !== JSON.stringify(renderParsedNoteText(text)),
    );
    expect(differing).toEqual([]);
  });
});

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

describe('safeHref', () => {
  test.each([
    [
      'https://github.com/kubernetes/kubernetes/pull/1',
      'https://github.com/kubernetes/kubernetes/pull/1',
    ],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://Example.COM/A', 'https://example.com/A'],
    ['mailto:ops@example.com', 'mailto:ops@example.com'],
    ['https://example.com/a b', 'https://example.com/a%20b'],
  ])('returns the normalized URL when it is %s', (url, href) => {
    expect(safeHref(url)).toBe(href);
  });

  test.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    'ftp://example.com/',
    '//example.com/',
    '/relative',
    '#anchor',
    'https://',
    'http:example.com',
    'mailto:',
  ])('returns undefined when it is %j', (url) => {
    expect(safeHref(url)).toBeUndefined();
  });
});

describe('escapeHtml', () => {
  test('returns the text with the characters HTML gives meaning escaped as Astro escapes them', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
