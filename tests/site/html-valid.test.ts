import { join } from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, type Report } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../support/build-site.ts';
import { readPages } from '../support/dist.ts';
import { builtSite } from '../support/sites.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());

function messages(report: Report): string[] {
  return report.results.flatMap((result) =>
    result.messages.map(
      (message) =>
        `${result.filePath}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
    ),
  );
}

describe('html-validate with the project configuration', () => {
  test('rejects a page that breaks a rule, so the gate can fail', async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p style="color:red">x</p><img src="a.png"></body></html>',
      join(ROOT, 'dist/example.html'),
    );
    expect(messages(report).join('\n')).toMatch(/no-inline-style/);
    expect(messages(report).join('\n')).toMatch(/wcag\/h37/);
  });

  // The base-path build differs only in its URLs, which html-validate does not resolve:
  // check-links.test.ts checks those.
  test('finds no error in any page of the fixture site', async () => {
    const dist = builtSite('kubernetes');
    const pages = readPages(dist);
    expect(pages.size).toBeGreaterThan(100);
    const problems: string[] = [];
    for (const [page, html] of pages) {
      problems.push(...messages(await validator.validateString(html, join(dist, page))));
    }
    expect(problems).toEqual([]);
  });
});
