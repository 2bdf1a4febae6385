import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/checker/yaml-source.ts';
import { YamlCache } from '../../src/incremental/yaml-cache.ts';

const TEXT = 'id: a\nteams:\n  - ops\n  - dev\n';

describe('YamlCache', () => {
  test('returns the data and lines of a text parsed in an earlier run', () => {
    const first = new YamlCache();
    first.parse(TEXT, 2);
    const cached = new YamlCache(first.used).parse(TEXT, 2);
    expect(cached.data).toEqual(parseYaml(TEXT, 2).data);
    expect(cached.lineOf(['teams', 1])).toBe(5);
  });

  test('keeps only the entries this run used', () => {
    const first = new YamlCache();
    first.parse(TEXT);
    first.parse('id: b\n');
    const second = new YamlCache(first.used);
    second.parse(TEXT);
    expect(second.used.size).toBe(1);
  });

  test.each([
    ['nothing changed since the earlier run', [TEXT], false],
    ['a text was parsed anew', [TEXT, 'id: c\n'], true],
    ['a cached text was not used', [], true],
  ])('says it changed (%s): %s', (_, texts, changed) => {
    const first = new YamlCache();
    first.parse(TEXT);
    const second = new YamlCache(first.used);
    for (const text of texts) second.parse(text);
    expect(second.changed).toBe(changed);
  });

  test.each([
    ['a syntax error', 'id: [a\n'],
    ['a number JSON cannot hold', 'limit: .inf\n'],
  ])('does not cache a text with %s', (_, text) => {
    const cache = new YamlCache();
    cache.parse(text);
    expect(cache.used.size).toBe(0);
  });

  describe('kept in a file between builds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yaml-cache-'));
    const file = join(dir, 'cache', 'pict-frontmatter.json');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    test('is read back with the entries a run used', () => {
      const first = YamlCache.read(file);
      first.parse(TEXT, 2);
      first.writeIfChanged(file);
      const second = YamlCache.read(file);
      second.parse(TEXT, 2);
      expect(second.changed).toBe(false);
    });

    test('is not written again when nothing changed', () => {
      const mtime = statSync(file).mtimeMs;
      const same = YamlCache.read(file);
      same.parse(TEXT, 2);
      same.writeIfChanged(file);
      expect(statSync(file).mtimeMs).toBe(mtime);
    });

    test('starts empty from a file an interrupted build left half-written', () => {
      writeFileSync(file, '[["a", 1');
      expect(YamlCache.read(file).used.size).toBe(0);
      expect(YamlCache.read(join(dir, 'missing.json')).changed).toBe(false);
    });
  });
});
