import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/checker/problems.ts';
import { loadProject } from '../../src/checker/index.ts';
import { minimalProject, validNote, withFile } from '../fixtures/minimal-project.ts';

const NOTE = 'notes/kubernetes-1.7/local-volume-unmount.md';
const RELEASE = 'data/releases/kubernetes-1.7.yaml';

function problemsOf(files = minimalProject()): string[] {
  return loadProject(files).problems.map(formatProblem);
}

const withNote = (overrides: Record<string, string | undefined>, files = minimalProject()) =>
  problemsOf(withFile(files, NOTE, validNote(overrides)));

const en = (title: string) =>
  `en:\n  title: ${JSON.stringify(title)}\n  summary: Upstream text.\n  assessment: PICT does not use it.`;

describe('titles', () => {
  test('reports a title over 80 characters, one cut off with "…" and one on two lines', () => {
    expect(
      withNote({
        en: en(`Local volumes ${'x'.repeat(70)}`),
        zh: 'zh:\n  title: 本地卷的unmount问题…\n  summary: 摘要。\n  assessment: 可忽略。',
      }),
    ).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:11 zh.title — found "本地卷的unmount问题…", expected a whole phrase, not a sentence cut off with "…"",
        "notes/kubernetes-1.7/local-volume-unmount.md:15 en.title — found "Local volumes xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…", expected a title of at most 80 characters, a whole phrase naming the change",
      ]
    `);
    expect(withNote({ en: en('Two\nlines') })).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:15 en.title — found "Two\\nlines", expected a title on one line",
      ]
    `);
  });

  test('counts characters, not bytes: 80 Chinese characters are a valid title', () => {
    expect(
      withNote({
        zh: `zh:\n  title: ${'卷'.repeat(80)}\n  summary: 摘要。\n  assessment: 可忽略。`,
      }),
    ).toEqual([]);
  });
});

describe('translated texts', () => {
  test('accepts title, summary and detail marked translated', () => {
    expect(
      withNote({
        zh: 'zh:\n  title: 标题\n  summary: 摘要。\n  detail: 细节。\n  assessment: 可忽略。\n  translated: [title, summary, detail]',
      }),
    ).toEqual([]);
  });

  test('reports an assessment marked translated and a missing detail marked translated', () => {
    expect(
      withNote({
        zh: 'zh:\n  title: 标题\n  summary: 摘要。\n  assessment: 可忽略。\n  translated: [assessment, detail]',
      }),
    ).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:14 zh.translated[0] — found "assessment", expected one of title, summary, detail (an assessment is PICT's own, never marked translated)",
        "notes/kubernetes-1.7/local-volume-unmount.md:14 zh.translated[1] — found "detail", expected only texts the note has (no zh.detail here)",
      ]
    `);
    expect(
      withNote({
        zh: 'zh:\n  title: 标题\n  summary: 摘要。\n  assessment: 可忽略。\n  translated: [detail]',
      }),
    ).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:14 zh.translated[0] — found "detail", expected only texts the note has (no zh.detail here)",
      ]
    `);
  });
});

describe('a release marked translationComplete', () => {
  const complete = () => {
    const files = minimalProject();
    const release = files.find((file) => file.path === RELEASE);
    if (!release) throw new Error('no release file');
    return withFile(
      files,
      RELEASE,
      release.text.replace('assessment:', 'translationComplete: true\nassessment:'),
    );
  };
  const pending = {
    impact: 'impact: untriaged',
    reason: undefined,
    zh: undefined,
    pending: 'pendingTranslation: [zh]',
    en: 'en:\n  title: Local volumes fail to unmount\n  summary: Upstream text.',
  };

  test('reports a note pending translation', () => {
    expect(withNote(pending, complete())).toMatchInlineSnapshot(`
      [
        "notes/kubernetes-1.7/local-volume-unmount.md:12 pendingTranslation — found zh pending, expected texts in both languages, since data/releases/kubernetes-1.7.yaml sets translationComplete",
      ]
    `);
  });

  test('accepts it while the release is not marked', () => {
    expect(withNote(pending)).toEqual([]);
  });
});
