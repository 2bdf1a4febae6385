import { beforeAll, describe, expect, test } from 'vitest';
import { buildFresh, ROOT } from '../support/build-site.ts';
import { INVARIANT_NAMES, runInvariants } from '../support/invariants.ts';

// The repository's own notes and data are content: nothing here knows how many notes there are or
// what they say. `npm run check` validates them; this builds them and checks what holds for any
// valid content (tests/support/invariants.ts).
describe('the site built from the repository content', () => {
  let failures: Record<string, string[]> = {};

  beforeAll(async () => {
    const dist = await buildFresh({ name: 'content', contentRoot: ROOT });
    failures = await runInvariants(dist, ROOT);
  });

  test.each(INVARIANT_NAMES)('%s', (name) => {
    expect(failures[name]).toEqual([]);
  });
});
