import { describe, expect, test } from 'vitest';
import { addIdsToLedger, formatLedger } from '../../src/checker/ledger.ts';
import { loadProject } from '../../src/checker/index.ts';
import { nextFreeId, renderNoteScaffold, slugify } from '../../src/lib/scaffold.ts';
import { minimalProject, withFile } from '../fixtures/minimal-project.ts';

describe.each([
  ['Local volume unmount fails!', 'local-volume-unmount-fails'],
  ['kube-proxy: use a config file (not flags)', 'kube-proxy-use-a-config-file'],
  ['本地卷问题', ''],
])('slugify(%j)', (title, expected) => {
  test(`returns ${JSON.stringify(expected)}`, () => expect(slugify(title)).toBe(expected));
});

describe('nextFreeId', () => {
  test('appends the first free number when the id is taken', () => {
    expect(nextFreeId('k8s-1.7-a', new Set(['k8s-1.7-a', 'k8s-1.7-a-2']))).toBe('k8s-1.7-a-3');
    expect(nextFreeId('k8s-1.7-b', new Set(['k8s-1.7-a']))).toBe('k8s-1.7-b');
  });
});

describe('renderNoteScaffold', () => {
  test('writes an untriaged note that the checker accepts apart from the summaries to fill in', () => {
    const text = renderNoteScaffold({
      id: 'k8s-1.7-new-thing',
      section: 'known-issues',
      area: 'storage',
      title: 'New thing',
    });
    const ledger = formatLedger(
      addIdsToLedger(
        { ids: ['k8s-1.7-local-volume-unmount'], redirects: {}, releaseRedirects: {} },
        ['k8s-1.7-new-thing'],
      ),
    );
    const files = withFile(
      withFile(minimalProject(), 'notes/kubernetes-1.7/new-thing.md', text),
      'notes/ids.json',
      ledger,
    );
    expect(
      loadProject(files).problems.map((problem) => `${problem.field}: ${problem.expected}`),
    ).toEqual(['zh.summary: non-empty text', 'en.summary: non-empty text']);
  });
});

describe('addIdsToLedger', () => {
  test('adds new ids sorted and never drops old ones', () => {
    expect(
      addIdsToLedger({ ids: ['b', 'z'], redirects: { z: 'b' }, releaseRedirects: {} }, ['a', 'b']),
    ).toEqual({
      ids: ['a', 'b', 'z'],
      redirects: { z: 'b' },
      releaseRedirects: {},
    });
  });
});
