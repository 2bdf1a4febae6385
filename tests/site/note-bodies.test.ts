import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cleanBuild, runBuild, TMP } from '../support/build-site.ts';
import { copyContent } from '../support/dist.ts';
import { KUBERNETES } from '../support/sites.ts';

const analysisOf = (html: string) => /<div class="prose">([\s\S]*?)<\/div>/.exec(html)?.[1];

// A note's Markdown or MDX body is the one part of it Astro's content layer compiles; the build
// takes everything else from the checked project, so bodies must still appear, change and vanish.
// The fixture site has a note with a Markdown body (a GFM table) and one with an MDX body.
describe('note bodies through incremental builds', async () => {
  const root = copyContent('note-bodies', KUBERNETES);
  const notes = join(root, 'notes/kubernetes-1.7');
  const outDir = join(TMP, 'test-dist', 'note-bodies');
  cleanBuild(outDir);
  const build = { name: 'note-bodies', contentRoot: root };
  const page = (lang: string, id: string) =>
    readFileSync(join(outDir, lang, 'items', id, 'index.html'), 'utf8');

  const first = await runBuild(build, outDir);
  if (first.code !== 0) throw new Error(first.output);
  const before = {
    markdown: page('en', 'k8s-1.7-markdown-body'),
    markdownZh: page('zh', 'k8s-1.7-markdown-body'),
    mdx: page('en', 'k8s-1.7-mdx-body'),
    plain: page('en', 'k8s-1.7-local-persistent-volumes'),
  };

  // Edit one body, drop another, and give a note without one a body.
  const markdownFile = join(notes, 'markdown-body.md');
  writeFileSync(markdownFile, readFileSync(markdownFile, 'utf8').replace('week 12', 'week 14'));
  const mdxFile = join(notes, 'mdx-body.mdx');
  writeFileSync(mdxFile, readFileSync(mdxFile, 'utf8').replace(/\n---\n[\s\S]*$/, '\n---\n'));
  appendFileSync(join(notes, 'local-persistent-volumes.md'), '\nDrain the nodes first.\n');
  const second = await runBuild(build, outDir);
  const after = {
    markdown: page('en', 'k8s-1.7-markdown-body'),
    mdx: page('en', 'k8s-1.7-mdx-body'),
    plain: page('en', 'k8s-1.7-local-persistent-volumes'),
  };

  test('renders a Markdown body with GFM tables in both languages', () => {
    for (const html of [before.markdown, before.markdownZh]) {
      expect(analysisOf(html)).toContain('<h2');
      expect(analysisOf(html)).toMatch(/<table>[\s\S]*<td>prod-east<\/td>[\s\S]*<\/table>/);
    }
  });

  test('runs an MDX body’s expressions at build time', () => {
    expect(analysisOf(before.mdx)).toContain('We run 5 clusters.');
  });

  test('shows no analysis section for a note without a body', () => {
    expect(before.plain).not.toContain('<div class="prose">');
  });

  test('shows an edited body after a rebuild', () => {
    expect(second.code).toBe(0);
    expect(analysisOf(after.markdown)).toContain('week 14');
  });

  test('drops the analysis of a note whose body was removed', () => {
    expect(after.mdx).not.toContain('<div class="prose">');
  });

  test('shows the body a note gained', () => {
    expect(analysisOf(after.plain)).toContain('Drain the nodes first.');
  });
});
