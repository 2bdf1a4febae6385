import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { addIdsToLedger, formatLedger } from '../../src/checker/ledger.ts';
import { TMP } from '../support/build-site.ts';
import { copyContent, readProject } from '../support/dist.ts';
import { INVARIANT_NAMES, runInvariants } from '../support/invariants.ts';
import { builtSite, KUBERNETES } from '../support/sites.ts';

// The invariants that tests/content checks on the repository content, checked here on the fixture
// site, and shown to fail when a build does not match its content.

const ITEM = 'k8s-1.7-cluster-autoscaler';

// html-validate and axe-core check every page of the fixture site in html-valid.test.ts and
// tests/browser/a11y.test.ts (which also shows that tests/support/axe.ts, used by the axe-core
// invariant, reports a violation); html-validate runs here once, on the broken build.
const BUILD_CHECKS = INVARIANT_NAMES.filter((name) => !/html-validate|axe-core/.test(name));
const BROKEN_CHECKS = INVARIANT_NAMES.filter((name) => !/axe-core/.test(name));

describe('the invariants on the fixture site', () => {
  let failures: Record<string, string[]> = {};

  beforeAll(async () => {
    failures = await runInvariants(builtSite('kubernetes'), KUBERNETES, BUILD_CHECKS);
  });

  test.each(BUILD_CHECKS)('hold: %s', (name) => {
    expect(failures[name]).toEqual([]);
  });
});

describe('the invariants on a build that does not match its content', () => {
  let failures: Record<string, string[]> = {};
  const extraId = 'k8s-1.7-not-built';

  beforeAll(async () => {
    // Content with one note more than the build has.
    const root = copyContent('invariants-extra-note', KUBERNETES);
    const note = readFileSync(join(root, 'notes/kubernetes-1.7/cluster-autoscaler.md'), 'utf8');
    writeFileSync(
      join(root, 'notes/kubernetes-1.7/not-built.md'),
      note.replace(`id: ${ITEM}`, `id: ${extraId}`),
    );
    writeFileSync(
      join(root, 'notes/ids.json'),
      formatLedger(addIdsToLedger(readProject(KUBERNETES).ledger, [extraId])),
    );
    // A copy of the build with a page gone, a broken link and an image without a text alternative.
    const dist = join(TMP, 'test-dist', 'invariants-broken');
    rmSync(dist, { recursive: true, force: true });
    cpSync(builtSite('kubernetes'), dist, { recursive: true });
    rmSync(join(dist, `zh/items/${ITEM}`), { recursive: true });
    const home = join(dist, 'en/index.html');
    writeFileSync(
      home,
      readFileSync(home, 'utf8').replace(
        '</main>',
        '<a href="/en/gone/">x</a><img src="/favicon.svg"></main>',
      ),
    );
    failures = await runInvariants(dist, root, BROKEN_CHECKS);
  });

  test('report the note without pages, exports or search entries', () => {
    const pages =
      failures[
        'every note has an item page in both languages, and every retired id a redirect page'
      ] ?? [];
    expect(pages).toContain(`no page zh/items/${extraId}/`);
    expect(pages).toContain(`no page zh/items/${ITEM}/`);
    expect(failures['notes.json holds every note once, linked to its pages']).not.toEqual([]);
    expect(
      failures['the search index holds every note in both languages, and nothing else as an item'],
    ).toContain(`not indexed: /en/items/${extraId}/`);
  });

  test('report the broken link, and the links to the page gone', () => {
    const links = failures['every internal link resolves (scripts/check-links.ts)'] ?? [];
    expect(links).toContain('/en/ → /en/gone/ (not found)');
    expect(links.some((line) => line.includes(`/zh/items/${ITEM}/ (not found)`))).toBe(true);
  });

  test('report the image without a text alternative', () => {
    expect(failures['a page of each kind is valid HTML (html-validate)']?.join('\n')).toMatch(
      /^en\/index\.html:\d+ wcag\/h37 /m,
    );
  });
});
