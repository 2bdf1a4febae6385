import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { BROTLI_COPIED } from '../../src/lib/pagefind-brotli.ts';
import { runBuild, TMP } from '../support/build-site.ts';
import { listFiles } from '../support/dist.ts';
import { LIVE, OTHER, writeNginxFixture } from '../support/nginx-site.ts';

// The output folder is kept between builds: the compressed copies and the server configuration must
// follow the pages — a changed page gets a fresh .gz, a removed note leaves no .gz, redirect or
// sitemap entry behind, and unchanged pages are not compressed again.
describe('the server files after a rebuild that changes one note and removes another', async () => {
  const root = join(TMP, 'test-fixtures', 'server-files');
  rmSync(root, { recursive: true, force: true });
  cpSync(writeNginxFixture(), root, { recursive: true });
  const outDir = join(TMP, 'test-dist', 'server-files');
  for (const folder of [outDir, `${outDir}-server`, join(TMP, 'test-cache', 'server-files')])
    rmSync(folder, { recursive: true, force: true });
  const build = { name: 'server-files', contentRoot: root };
  const first = await runBuild(build, outDir);
  if (first.code !== 0) throw new Error(first.output);
  const gz = (path: string) => join(outDir, `${path}.gz`);
  const gzWritten = new Map(
    listFiles(outDir)
      .filter((file) => file.endsWith('.html.gz'))
      .map((file) => [file.slice(0, -3), statSync(join(outDir, file)).mtimeMs]),
  );
  const firstFiles = listFiles(outDir);

  const changed = join(root, 'notes/kubernetes-1.7/local-volume-unmount.md');
  writeFileSync(
    changed,
    readFileSync(changed, 'utf8').replace(/^  title: .*$/m, '  title: 改过的标题'),
  );
  rmSync(join(root, 'notes/kubernetes-1.8/kubelet-flag.md'));
  const ledger = join(root, 'notes/ids.json');
  const ids = JSON.parse(readFileSync(ledger, 'utf8')) as { ids: string[]; redirects: object };
  writeFileSync(ledger, JSON.stringify({ ...ids, ids: ids.ids.filter((id) => id !== OTHER) }));
  const second = await runBuild(build, outDir);
  const read = (path: string) => readFileSync(join(outDir, path));

  test('writes a .gz beside every text file of the site worth compressing, the same bytes', () => {
    expect(second.code).toBe(0);
    const texts = listFiles(outDir).filter(
      (file) => /\.(html|css|js|json|csv|svg|xml|txt)$/.test(file) && read(file).length >= 256,
    );
    expect(texts.length).toBeGreaterThan(40);
    const wrong = texts.filter(
      (file) => !existsSync(gz(file)) || !gunzipSync(readFileSync(gz(file))).equals(read(file)),
    );
    expect(wrong).toEqual([]);
    expect(firstFiles.filter((file) => file.endsWith('.gz')).length).toBeGreaterThan(40);
  });

  test('writes a .br beside Pagefind’s scripts, metadata, WebAssembly and filters, and none without its file', () => {
    const files = listFiles(outDir);
    const copied = files.filter((file) => BROTLI_COPIED.test(file));
    expect(copied.filter((file) => /\.pf_meta$/.test(file))).toHaveLength(2);
    expect(copied.filter((file) => /\/filter\//.test(file)).length).toBeGreaterThan(2);
    const unpacked = (file: string) => (file.endsWith('.js') ? read(file) : gunzipSync(read(file)));
    const wrong = copied.filter(
      (file) =>
        !existsSync(join(outDir, `${file}.br`)) ||
        !brotliDecompressSync(read(`${file}.br`)).equals(unpacked(file)),
    );
    expect(wrong).toEqual([]);
    const orphans = files.filter(
      (file) => /\.(?:br|gz)$/.test(file) && !existsSync(join(outDir, file.slice(0, -3))),
    );
    expect(orphans).toEqual([]);
  });

  test('compresses the changed page again and leaves unchanged ones alone', () => {
    const page = `zh/items/${LIVE}/index.html`;
    expect(read(page).toString()).toContain('改过的标题');
    expect(gunzipSync(readFileSync(gz(page))).toString()).toContain('改过的标题');
    // Astro reports the pages it kept from the last build as "(cached)".
    const cached = [...second.output.matchAll(/\/(\S+\.html) \(cached\)/g)].map(
      (match) => match[1],
    );
    expect(cached.length).toBeGreaterThan(5);
    const again = cached.filter(
      (file) => statSync(gz(file ?? '')).mtimeMs !== gzWritten.get(file ?? ''),
    );
    expect(again).toEqual([]);
  });

  test('leaves nothing of the removed note: no page, no .gz, no redirect, no sitemap entry', () => {
    const left = listFiles(outDir).filter((file) => file.includes(OTHER));
    expect(left).toEqual([]);
    const server = readFileSync(join(`${outDir}-server`, 'nginx', 'server.conf'), 'utf8');
    expect([server.includes(`i/${LIVE}/`), server.includes(OTHER)]).toEqual([true, false]);
    expect(read('sitemap-1.xml').toString()).not.toContain(OTHER);
  });
});
