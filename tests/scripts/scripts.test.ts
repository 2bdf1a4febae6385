import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyContent, problemsIn } from '../support/dist.ts';
import { runScript, scaffoldNote } from '../support/scripts.ts';
import { KUBERNETES } from '../support/sites.ts';

describe('npm run new', () => {
  test('scaffolds an untriaged note with a fresh id, records the id, and the checker points at what to fill in', () => {
    const root = copyContent('script-new', KUBERNETES);
    const { id, file } = scaffoldNote(root, 'kubernetes-1.7', '--area', 'scheduling');
    expect(id).toBe('k8s-1.7-affinity-annotations-removed');
    expect(file).toBe(join(root, 'notes/kubernetes-1.7/affinity-annotations-removed.md'));
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('id: k8s-1.7-affinity-annotations-removed');
    expect(text).toContain('impact: untriaged');
    expect(problemsIn(root)).toEqual([
      'notes/kubernetes-1.7/affinity-annotations-removed.md:11 zh.summary — found "", expected non-empty text',
      'notes/kubernetes-1.7/affinity-annotations-removed.md:14 en.summary — found "", expected non-empty text',
    ]);
  });

  test('refuses an unknown release with a one-line error and writes nothing', () => {
    const root = copyContent('script-new-bad', KUBERNETES);
    const before = readFileSync(join(root, 'notes/ids.json'), 'utf8');
    const args = ['--root', root, '--release', 'kubernetes-9.9', '--title', 'X'];
    const result = runScript('new-note.ts', args);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'npm run new: --release must be one of: kubernetes-1.7, kubernetes-1.8, kubernetes-1.9',
    );
    expect(readFileSync(join(root, 'notes/ids.json'), 'utf8')).toBe(before);
  });
});

describe('npm run ids', () => {
  test('adds the ids of new notes to the ledger and keeps the old ones', () => {
    const root = copyContent('script-ids', KUBERNETES);
    const ledgerPath = join(root, 'notes/ids.json');
    const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8')) as { ids: string[] };
    writeFileSync(ledgerPath, JSON.stringify({ ids: ledger.ids.slice(1), redirects: {} }));
    expect(runScript('record-ids.ts', [root]).code).toBe(0);
    expect((JSON.parse(readFileSync(ledgerPath, 'utf8')) as { ids: string[] }).ids).toEqual(
      ledger.ids,
    );
  });

  test('keeps the redirects to notes and to release pages', () => {
    const root = copyContent('script-ids-redirects', KUBERNETES);
    const ledgerPath = join(root, 'notes/ids.json');
    const before = readFileSync(ledgerPath, 'utf8');
    expect(JSON.parse(before)).toHaveProperty('releaseRedirects');
    expect(runScript('record-ids.ts', [root]).code).toBe(0);
    expect(readFileSync(ledgerPath, 'utf8')).toBe(before);
  });
});

describe('npm run check', () => {
  test('exits 1 and prints every problem, one line each, with no stack trace', () => {
    const root = copyContent('script-check', KUBERNETES);
    writeFileSync(
      join(root, 'notes/kubernetes-1.7/broken.md'),
      '---\nid: k8s-1.7-broken\nimpcat: none\n---\n',
    );
    const result = runScript('check.ts', [root]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().split('\n')).toEqual([
      'notes/kubernetes-1.7/broken.md:2 en — found nothing, expected English texts (title, summary, assessment), or "en" listed in pendingTranslation',
      'notes/kubernetes-1.7/broken.md:2 id — found "k8s-1.7-broken", which notes/ids.json does not list, expected every id recorded in notes/ids.json (run npm run ids)',
      'notes/kubernetes-1.7/broken.md:2 impact — found nothing, expected one of action-required, attention, investigate, watch, none, untriaged',
      'notes/kubernetes-1.7/broken.md:2 section — found nothing, expected one of major-themes, action-required, known-issues, deprecations, notable-features, other-notable-changes',
      'notes/kubernetes-1.7/broken.md:2 zh — found nothing, expected Chinese texts (title, summary, assessment), or "zh" listed in pendingTranslation',
      'notes/kubernetes-1.7/broken.md:3 impcat — found an unknown field, expected a known field (did you mean "impact"?)',
      '',
      '6 problems found.',
    ]);
  });

  test('exits 0 on a valid site and says how much it checked', () => {
    const result = runScript('check.ts', [KUBERNETES]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^All good: 58 notes in 3 release\(s\), 4 teams, /);
  });
});
