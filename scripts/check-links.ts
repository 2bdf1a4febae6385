/**
 * Checks the internal links of a built site: `node scripts/check-links.ts <distDir> [--base /pict-notes/]`.
 * Every href/src (and meta refresh target) inside the site must lead to a file of `distDir`, and its
 * `#fragment` to an id on that page, and every folder above a page (what a reader trims its URL back to)
 * must have a page too. Prints one line per broken link and exits 1, or a summary.
 * `--base` and `--site` default to the configured ones (`PICT_BASE`, `PICT_SITE`, as for the build);
 * absolute links to the site are checked too.
 */
import { globSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { siteConfig } from '../site.config.ts';
import { checkLinks, formatBrokenLink, formatSummary } from '../src/lib/links.ts';

/** Checks the site and returns the exit code (set, not `process.exit`, so piped output is not cut short). */
function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { base: { type: 'string' }, site: { type: 'string' } },
  });
  const dist = positionals[0];
  if (
    positionals.length !== 1 ||
    dist === undefined ||
    !statSync(dist, { throwIfNoEntry: false })?.isDirectory()
  ) {
    console.error(
      'Usage: node scripts/check-links.ts <distDir> [--base /pict-notes/] [--site https://host]',
    );
    return 2;
  }
  const files = new Set(
    globSync('**/*', { cwd: dist, withFileTypes: true })
      .filter((entry) => !entry.isDirectory())
      .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/')),
  );
  const pages = new Map(
    [...files]
      .filter((file) => file.endsWith('.html'))
      .map((file) => [file, readFileSync(join(dist, file), 'utf8')] as const),
  );
  const report = checkLinks(
    { pages, files },
    { base: values.base ?? siteConfig.base, site: values.site ?? siteConfig.site, folders: true },
  );
  if (report.broken.length > 0) {
    for (const link of report.broken) console.error(formatBrokenLink(link));
    console.error(`\n${report.broken.length} broken link(s) on ${report.pages} pages.`);
    return 1;
  }
  console.log(formatSummary(report));
  return 0;
}

process.exitCode = main();
