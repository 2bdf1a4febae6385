import { describe, expect, test } from 'vitest';
import {
  applyAreaVerdict,
  applyAssessment,
  assessNote,
  findNoteFile,
  setAreaVerdict,
} from '../../src/lib/assess.ts';
import { loadProject } from '../../src/checker/index.ts';
import { minimalProject, withFile } from '../fixtures/minimal-project.ts';

const UNTRIAGED = `---
# Imported by npm run import — keep this comment
id: k8s-1.7-pr-1
section: other-notable-changes
area: storage # the upstream sub-heading
impact: untriaged
upstream: [https://github.com/kubernetes/kubernetes/pull/1]
actionRequired: false
teams: []
components: []
pendingTranslation: [zh]
en:
  title: Something changed
  summary: |-
    Something changed upstream.

    With a second paragraph.
---
Body text stays.
`;

const PATH = 'notes/kubernetes-1.7/pr-1.md';

/** `text` with each `[from, to]` replaced once; a missing `from` fails the test. */
function withLines(text: string, ...swaps: [string, string][]): string {
  return swaps.reduce((out, [from, to]) => {
    expect(out).toContain(from);
    return out.replace(from, to);
  }, text);
}

function project() {
  const files = withFile(minimalProject(), PATH, UNTRIAGED);
  const ledger =
    '{\n  "ids": ["k8s-1.7-local-volume-unmount", "k8s-1.7-pr-1"],\n  "redirects": {}\n}\n';
  return withFile(files, 'notes/ids.json', ledger);
}

describe('applyAssessment', () => {
  test('changes only the fields it sets, keeping comments, key order, list style and the body', () => {
    const edited = applyAssessment(
      { path: PATH, text: UNTRIAGED },
      {
        impact: 'watch',
        teams: ['ops'],
        components: ['kubelet'],
        texts: { en: { assessment: 'Keep an eye on it.' } },
      },
    );
    expect(edited).toEqual({
      ok: true,
      text: withLines(
        UNTRIAGED,
        ['impact: untriaged', 'impact: watch'],
        ['teams: []', 'teams: [ops]'],
        ['components: []', 'components: [kubelet]'],
        ['paragraph.\n', 'paragraph.\n  assessment: Keep an eye on it.\n'],
      ),
    });
  });

  test('a pending language gets its texts in schema order and leaves pendingTranslation', () => {
    const edited = applyAssessment(
      { path: PATH, text: UNTRIAGED },
      {
        impact: 'none',
        reason: 'not-used',
        maturity: 'beta',
        texts: {
          zh: { title: '有变化', summary: '上游有变化。', assessment: '未使用。' },
          en: { assessment: 'Not used.' },
        },
      },
    );
    if (!edited.ok) throw new Error(edited.error);
    const lines = edited.text.split('\n');
    expect(lines.slice(5, 9)).toEqual([
      'impact: none',
      'reason: not-used',
      'maturity: beta',
      'upstream: [https://github.com/kubernetes/kubernetes/pull/1]',
    ]);
    expect(edited.text).not.toContain('pendingTranslation');
    expect(edited.text).toContain(
      'zh:\n  title: 有变化\n  summary: 上游有变化。\n  assessment: 未使用。\nen:',
    );
  });

  test('a pending language without a title and summary is refused, naming the options', () => {
    const edited = applyAssessment(
      { path: PATH, text: UNTRIAGED },
      { impact: 'watch', texts: { zh: { assessment: '关注。' }, en: { assessment: 'Watch.' } } },
    );
    expect(edited).toMatchInlineSnapshot(`
      {
        "error": "notes/kubernetes-1.7/pr-1.md: the note has no zh texts yet (pending translation); give the zh title and summary with its assessment (--zh-title, --zh-summary), or leave the zh assessment out",
        "ok": false,
      }
    `);
  });

  test('a reason is dropped when the impact is no longer none', () => {
    const noneNote = withLines(UNTRIAGED, [
      'impact: untriaged',
      'impact: none\nreason: irrelevant',
    ]);
    const edited = applyAssessment({ path: PATH, text: noneNote }, { impact: 'watch', texts: {} });
    expect(edited).toEqual({ ok: true, text: UNTRIAGED.replace('untriaged', 'watch') });
  });
});

describe('assessNote', () => {
  test('a valid assessment passes the checker and the note counts as assessed', () => {
    const files = project();
    const checked = assessNote(files, 'k8s-1.7-pr-1', {
      impact: 'watch',
      teams: ['ops'],
      texts: { en: { assessment: 'Watch it.' } },
    });
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const { project: after, problems } = loadProject(withFile(files, PATH, checked.file.text));
    expect(problems).toEqual([]);
    expect(after.notes.find((note) => note.data.id === 'k8s-1.7-pr-1')?.data.impact).toBe('watch');
  });

  test('an assessment the checker rejects is reported one line each, with what is expected', () => {
    const checked = assessNote(project(), 'k8s-1.7-pr-1', {
      impact: 'watch',
      teams: ['opz'],
      texts: {},
    });
    expect(checked).toMatchInlineSnapshot(`
      {
        "ok": false,
        "problems": [
          "notes/kubernetes-1.7/pr-1.md:9 teams[0] — found "opz", expected a team defined in data/teams.yaml (ops)",
          "notes/kubernetes-1.7/pr-1.md:12 en.assessment — found nothing, expected an assessment, since the note is triaged",
        ],
      }
    `);
  });

  test('an unknown id is one line', () => {
    expect(assessNote(project(), 'k8s-1.7-nope', { impact: 'watch', texts: {} })).toEqual({
      ok: false,
      problems: ['no note has the id "k8s-1.7-nope" (under notes/)'],
    });
  });

  test('finds a note by its id line, also when quoted or commented', () => {
    const files = [{ path: 'notes/r/a.md', text: "---\nid: 'k8s-1.7-a' # note\n---\n" }];
    expect(findNoteFile(files, 'k8s-1.7-a')?.path).toBe('notes/r/a.md');
    expect(findNoteFile(files, 'k8s-1.7')).toBeUndefined();
  });
});

describe('area verdicts', () => {
  const RELEASE = 'data/releases/kubernetes-1.7.yaml';

  test('a new verdict is appended as a remark, comments kept', () => {
    const release = minimalProject().find((file) => file.path === RELEASE);
    if (!release) throw new Error('no release');
    const text = `# the release\n${release.text}`;
    const edited = applyAreaVerdict(
      { path: RELEASE, text },
      { section: 'deprecations', impact: 'none', text: { zh: '可忽略。', en: 'Can be ignored.' } },
    );
    if (!edited.ok) throw new Error(edited.error);
    expect(edited.text.startsWith(text.trimEnd())).toBe(true);
    expect(edited.text.slice(text.trimEnd().length)).toMatchInlineSnapshot(`
      "
        - section: deprecations
          impact: none
          text:
            zh: 可忽略。
            en: Can be ignored.
      "
    `);
  });

  test('a verdict on an area that has one replaces it; the project stays valid and covers the note', () => {
    const files = project();
    const checked = setAreaVerdict(files, 'kubernetes-1.7', {
      section: 'other-notable-changes',
      area: 'storage',
      impact: 'watch',
      text: { zh: '关注。', en: 'Watch.' },
    });
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    expect(checked.file.text.match(/section:/g)).toHaveLength(1);
    const { project: after, problems } = loadProject(
      withFile(files, checked.file.path, checked.file.text),
    );
    expect(problems).toEqual([]);
    expect(after.releases[0]?.remarks[0]).toMatchObject({ area: 'storage', impact: 'watch' });
  });
});

// The assessment type, read off the function so that the imports above stay as they are.
type Assessment = Parameters<typeof applyAssessment>[1];

describe('actions', () => {
  const ACTION = `action:\n  when: before-upgrade # decided in the review\n  zh: 先处理。\n  en: Handle it first.\n`;
  const withAction = UNTRIAGED.replace('pendingTranslation:', `${ACTION}pendingTranslation:`);
  const apply = (text: string, action: Assessment['action']) => {
    const edited = applyAssessment(
      { path: PATH, text },
      { impact: 'watch', ...(action === undefined ? {} : { action }), texts: {} },
    );
    if (!edited.ok) throw new Error(edited.error);
    return edited.text;
  };

  test('a new action goes after tickets and before status in schema order, as a block', () => {
    const text = apply(
      UNTRIAGED.replace('components: []', 'components: []\ntickets: [PICT-1]\nstatus: open'),
      {
        when: 'during-upgrade',
        zh: '升级时处理。',
        en: 'Handle it during the upgrade.',
      },
    );
    expect(text).toContain(
      'tickets: [PICT-1]\naction:\n  when: during-upgrade\n  zh: 升级时处理。\n  en: Handle it during the upgrade.\nstatus: open\n',
    );
  });

  test('the parts given change in place, comments kept; null removes the action', () => {
    const text = apply(withAction, { en: 'Handle it before upgrading.' });
    expect(text).toContain(
      'action:\n  when: before-upgrade # decided in the review\n  zh: 先处理。\n  en: Handle it before upgrading.\npendingTranslation',
    );
    expect(apply(withAction, {})).toBe(apply(withAction, undefined));
    expect(apply(withAction, undefined)).toContain(ACTION);
    expect(apply(withAction, null)).not.toContain('action:');
  });

  test('an action-required assessment without an action is refused by the checker; with one it passes', () => {
    const assessment: Assessment = {
      impact: 'action-required',
      teams: ['ops'],
      texts: { en: { assessment: 'Act.' } },
    };
    const refused = assessNote(project(), 'k8s-1.7-pr-1', assessment);
    expect(refused).toMatchInlineSnapshot(`
      {
        "ok": false,
        "problems": [
          "notes/kubernetes-1.7/pr-1.md:3 action — found nothing, expected an action { when: before-upgrade | during-upgrade | after-upgrade, zh: …, en: … }, since the impact is action-required",
        ],
      }
    `);
    const files = project();
    const checked = assessNote(files, 'k8s-1.7-pr-1', {
      ...assessment,
      action: { when: 'after-upgrade', zh: '升级后检查。', en: 'Check after the upgrade.' },
    });
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    const { project: after, problems } = loadProject(withFile(files, PATH, checked.file.text));
    expect(problems).toEqual([]);
    expect(after.notes.find((note) => note.data.id === 'k8s-1.7-pr-1')?.data.action).toEqual({
      when: 'after-upgrade',
      zh: '升级后检查。',
      en: 'Check after the upgrade.',
    });
  });
});
