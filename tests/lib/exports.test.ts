import { describe, expect, test } from 'vitest';
import { CSV_COLUMNS, toCsv, toExportRecord } from '../../src/lib/exports.ts';
import type { ViewNote } from '../../src/lib/views.ts';

const note: ViewNote = {
  id: 'k8s-1.7-x',
  release: 'kubernetes-1.7',
  section: 'deprecations',
  alsoIn: [],
  area: 'storage',
  impact: 'attention',
  teams: ['ops', 'platform'],
  components: ['kubelet'],
  upstream: [{ kind: 'pr', url: 'https://github.com/kubernetes/kubernetes/pull/1', label: '#1' }],
  authors: ['someone'],
  follows: [],
  supersedes: [],
  actionRequired: false,
  tickets: ['PICT-1'],
  pendingTranslation: [],
  status: 'open',
  zh: { title: '标题, "引号"', summary: '=SUM(A1)', assessment: '多行\n文本' },
  en: { title: 'Title', summary: 'Summary', assessment: 'Assessment' },
  file: 'notes/kubernetes-1.7/x.md',
  assessedBy: 'note',
  waitingFor: ['ops', 'platform'],
};

describe('toExportRecord', () => {
  test("adds both languages' page URLs under the base path", () => {
    expect(toExportRecord(note, '/pict-notes/').urls).toEqual({
      zh: '/pict-notes/zh/items/k8s-1.7-x/',
      en: '/pict-notes/en/items/k8s-1.7-x/',
    });
  });
});

describe('toCsv', () => {
  test('writes a BOM, a header and one quoted, injection-safe row per note with CRLF line ends', () => {
    const csv = toCsv([toExportRecord(note, '/')]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row, end] = csv.slice(1).split('\r\n');
    expect(header).toBe(CSV_COLUMNS.join(','));
    expect(end).toBe('');
    expect(row).toContain('"标题, ""引号"""');
    expect(row).toContain(",'=SUM(A1),");
    expect(row).toContain('"多行\n文本"');
    expect(row).toContain(',ops platform,');
    expect(
      row?.startsWith('k8s-1.7-x,kubernetes-1.7,deprecations,storage,attention,note,,,open,'),
    ).toBe(true);
  });
});
