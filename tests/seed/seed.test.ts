import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/checker/problems.ts';
import { loadProject } from '../../src/checker/index.ts';
import { readProjectFiles } from '../../src/checker/files.ts';
import type { Section } from '../../src/lib/sections.ts';
import { KUBERNETES } from '../support/sites.ts';

// The seed is PICT's original 1.7 assessment (a copy of ../shared/seed/, kept as a test fixture). The
// notes made from it are kept as they were written in the fixture site: the repository's own notes
// are content, which authors re-assess, so they are held to the invariants (tests/content), not to the seed.
const seed = readFileSync('tests/fixtures/seed/pict-k8s-1.7-assessment.zh.md', 'utf8');
/** Notes the fixture site adds to the seed notes for other tests (their ids name them). */
const ADDED = /^k8s-1\.7-(pr-9\d{4}|markup-in-texts|upstream-markdown|markdown-body|mdx-body)$/;

const { project, problems } = loadProject(readProjectFiles(KUBERNETES));
const notes = project.notes
  .map((note) => note.data)
  .filter((note) => note.release === 'kubernetes-1.7' && !ADDED.test(note.id));
const release = project.releases.find((candidate) => candidate.id === 'kubernetes-1.7');

/** Obvious typos fixed when the seed became notes (see the commit that added the notes). */
const TYPO_FIXES: [string, string][] = [
  ['Serect', 'Secret'],
  ['对对本地存储', '对本地存储'],
  ['kubeadmin。', 'kubeadm。'],
];
/** Seed lines that are headings for the bullets under them, not assessments. */
const HEADINGS = [
  '存储：',
  'API Machinery',
  'Controller Manager',
  'kubectl(CLI)',
  'kubeadm',
  'Cloud Providers',
  'User Provided Extensions',
  'Local Storage',
  '特性',
];
/**
 * Seed sentences split between a note's summary and assessment: the summary ends its half with
 * 。 where the seed has ， (each field reads as a whole sentence; the seed's words are unchanged).
 */
const SPLIT_SENTENCES = [
  'k8s-1.7-kubeadm-manual-upgrade',
  'k8s-1.7-network-policy-ga',
  'k8s-1.7-network-policy-v1',
];
const AUTOSCALER_README =
  'https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/README.md';

const normalize = (text: string) => text.replace(/\*\*/g, '').replace(/\s+/g, '');

function seedLines(): string[] {
  return seed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => line.replace(/^[-*]\s+/, ''))
    .map((line) => TYPO_FIXES.reduce((text, [from, to]) => text.replace(from, to), line))
    .map((line) => line.replace(AUTOSCALER_README, ''))
    .filter((line) => !HEADINGS.includes(line));
}

function writtenTexts(): Set<string> {
  const texts = new Set<string>();
  for (const note of notes) {
    const summary = note.zh?.summary ?? '';
    const joined = `${SPLIT_SENTENCES.includes(note.id) ? summary.replace(/。$/, '，') : summary}${note.zh?.assessment ?? ''}`;
    texts.add(normalize(joined));
    // A bullet under a heading (kubeadm → 未使用，忽略。) is kept with its heading as the summary.
    if (note.zh?.assessment) texts.add(normalize(note.zh.assessment));
  }
  for (const theme of release?.themes ?? []) texts.add(normalize(theme.zh ?? ''));
  for (const remark of release?.remarks ?? []) texts.add(normalize(remark.text.zh));
  if (release?.summary) texts.add(normalize(release.summary.zh));
  return texts;
}

describe('the Kubernetes 1.7 notes of the fixture site, as made from the seed', () => {
  test('pass the checker', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  test('keeps every assessed line of the seed word for word (typo fixes aside)', () => {
    const texts = writtenTexts();
    expect(seedLines().filter((line) => !texts.has(normalize(line)))).toEqual([]);
  });

  test('has the seed three major themes', () => {
    expect(release?.themes).toHaveLength(3);
  });

  test.each<[string, Section]>([
    ['升级前需要进行的操作', 'action-required'],
    ['已知问题', 'known-issues'],
    ['废弃内容', 'deprecations'],
    ['显著特性', 'notable-features'],
    ['其他显著变化', 'other-notable-changes'],
  ])('covers the seed section %s with notes of section %s', (heading, section) => {
    expect(seed).toContain(`# ${heading}`);
    expect(
      notes.filter((note) => note.section === section || note.alsoIn.includes(section)).length,
    ).toBeGreaterThan(0);
  });

  test('has one note for the item the seed lists twice, recording both sections', () => {
    const deletecollection = notes.filter((note) => note.zh?.summary.includes('deletecollection'));
    expect(deletecollection).toHaveLength(1);
    expect(deletecollection[0]).toMatchObject({
      section: 'action-required',
      alsoIn: ['deprecations'],
    });
  });

  test('keeps the verdict of the seed bold items as needs attention, and cluster autoscaler as investigate', () => {
    const bold = [...seed.matchAll(/\*\*(.+?)\*\*/g)].map((match) => normalize(match[1] ?? ''));
    expect(bold).toHaveLength(10);
    const byText = (text: string) =>
      notes.find((note) => text.startsWith(normalize(note.zh?.summary ?? '-')));
    const impacts = bold.map((text) => byText(text)?.impact);
    expect(impacts.filter((impact) => impact === 'attention')).toHaveLength(9);
    expect(impacts.filter((impact) => impact === 'investigate')).toHaveLength(1);
    const autoscaler = notes.find((note) => note.impact === 'investigate');
    expect(autoscaler?.upstream.map((link) => link.url)).toContain(AUTOSCALER_README);
  });

  test('gives every triaged note an English translation', () => {
    expect(notes.filter((note) => !note.en).map((note) => note.id)).toEqual([]);
  });
});
