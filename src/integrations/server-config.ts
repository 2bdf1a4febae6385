import type { AstroIntegration } from 'astro';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { headerCsp, mergeCsp, readPageHead, type PageHead } from '../lib/csp.ts';
import { readJsonFile } from '../incremental/json-file.ts';
import { resolveRedirect, type Project } from '../checker/index.ts';
import {
  headersFile,
  nginxHttpConf,
  nginxServerConf,
  redirectsFile,
  serverDirOf,
  type ServerModel,
} from '../lib/server-config.ts';
import { sharedCheckedProject } from '../checker/shared.ts';
import { siteRedirects } from '../lib/site-redirects.ts';
import { robotsTxt, sitemapFiles } from '../lib/sitemap.ts';
import { LANGS } from '../schemas/fields.ts';

/** Text files worth sending compressed; the search index's own files are compressed already. */
const COMPRESSIBLE = /\.(?:html|css|m?js|json|csv|svg|xml|txt)$/;
/** Below this, gzip saves next to nothing. */
const MIN_COMPRESS_BYTES = 256;
/** Pagefind's index folders: binary files, gzipped by Pagefind itself. */
const PAGEFIND_BINARY_FOLDERS = new Set(['fragment', 'index', 'filter']);
const gzipAsync = promisify(gzip);
/**
 * zlib's default level: on the largest list page (1.6 MB) level 9 took 5× the time for 1.5 % fewer
 * bytes, and a rebuild compresses every list page again.
 */
const GZIP_LEVEL = 6;

/**
 * What the last build saw of each file it compressed or read: size and time, and of a page whether it
 * is noindex and its policy (an index into `policies`: thousands of pages share a few).
 */
interface FileRecord {
  mtimeMs: number;
  size: number;
  noindex?: boolean;
  csp?: number | undefined;
}

interface ServerFilesRecord {
  outDir: string;
  policies: string[];
  files: Record<string, FileRecord>;
}

/** The retired ids of a checked project and the existing note each leads to (as the pages have them). */
function retiredIdsOf(project: Project): Map<string, string> {
  const ids = new Set(project.notes.map((note) => note.data.id));
  const { redirects } = project.ledger;
  return new Map(
    Object.keys(redirects).flatMap((id) => {
      const target = resolveRedirect(id, redirects);
      return target !== undefined && ids.has(target) ? [[id, target] as const] : [];
    }),
  );
}

/** Every file under `dir` (relative, `/`-separated), skipping Pagefind's binary index folders. */
function walk(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      return PAGEFIND_BINARY_FOLDERS.has(entry.name) && path.startsWith('pagefind/')
        ? []
        : walk(root, path);
    }
    return entry.isFile() ? [path] : [];
  });
}

/**
 * Files to compress: the route outputs, and every other file outside the folders that hold route
 * outputs only (`zh/`, `en/`, `i/`: listing those would cost a walk over every page).
 */
function compressCandidates(outDir: string, routeFiles: readonly string[], others: Set<string>) {
  const routeFolders = new Set(
    routeFiles.flatMap((path) => {
      const top = path.split('/')[0] ?? '';
      return path.includes('/') && !others.has(top) ? [top] : [];
    }),
  );
  const rest = readdirSync(outDir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile()) return [entry.name];
    if (!entry.isDirectory() || routeFolders.has(entry.name)) return [];
    return walk(outDir, entry.name);
  });
  return [...new Set([...routeFiles, ...rest])].filter(
    (path) => COMPRESSIBLE.test(path) && !path.endsWith('.gz'),
  );
}

/** Runs `tasks` with at most `limit` at a time (gzip runs on libuv's thread pool). */
async function inPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Removes a file if present, then its folders up to `root` while they are empty. */
function removeWithEmptyFolders(root: string, path: string): void {
  rmSync(join(root, path), { force: true });
  for (let folder = dirname(path); folder !== '.'; folder = dirname(folder)) {
    const full = join(root, folder);
    if (!existsSync(full) || readdirSync(full).length > 0) return;
    rmdirSync(full);
  }
}

/** Writes a file only when its text changed (or it is missing), so unchanged files keep their time. */
function writeIfChanged(path: string, text: string): void {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/**
 * After the build (and the search index): writes what a web server needs to serve the site as built.
 * Into the output folder: a `.gz` beside each text file (nginx `gzip_static`), `sitemap.xml` with its
 * parts, `robots.txt`, and `_redirects`/`_headers` for static hosts. Beside it, in `<outDir>-server/`
 * (never served): the nginx configuration (`nginx/http.conf`, `nginx/server.conf`) and `site.json`.
 * Redirects come from the checked notes and id ledger, the Content-Security-Policy of each page from the
 * `<meta>` Astro wrote into it. Only files changed since the last build are read and compressed again.
 */
export function serverConfig(): AstroIntegration {
  let recordFile = '';
  let outDir = '';
  let base = '/';
  let site = '';
  let assetsFolder = '_astro';
  const others = new Set<string>();
  return {
    name: 'pict-server-config',
    hooks: {
      'astro:config:done': ({ config }) => {
        recordFile = fileURLToPath(new URL('pict-server-files.json', config.cacheDir));
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site ?? 'http://localhost';
        assetsFolder = config.build.assets;
        const publicDir = fileURLToPath(config.publicDir);
        for (const name of existsSync(publicDir) ? readdirSync(publicDir) : []) others.add(name);
        others.add(assetsFolder);
      },
      'astro:build:done': async ({ assets, logger }) => {
        const started = performance.now();
        const project = sharedCheckedProject();
        if (!project) throw new Error('pict-check-source must run first: it reads the notes.');
        const previous = readJsonFile(recordFile) as ServerFilesRecord | undefined;
        const known = previous?.outDir === outDir ? previous.files : {};
        const knownPolicies = previous?.policies ?? [];
        const policyIndex = new Map<string, number>();
        const indexOfPolicy = (policy: string | undefined) => {
          if (policy === undefined) return undefined;
          if (!policyIndex.has(policy)) policyIndex.set(policy, policyIndex.size);
          return policyIndex.get(policy);
        };
        const stats = new Map<string, { mtimeMs: number; size: number }>();
        rmSync(recordFile, { force: true });
        const files: Record<string, FileRecord> = {};
        const stat = (path: string) => {
          let found = stats.get(path);
          if (!found) {
            const { mtimeMs, size } = statSync(join(outDir, path));
            found = { mtimeMs, size };
            stats.set(path, found);
          }
          return found;
        };
        const knownHead = (record: FileRecord | undefined): PageHead | undefined =>
          record?.noindex === undefined
            ? undefined
            : {
                noindex: record.noindex,
                csp: record.csp === undefined ? undefined : knownPolicies[record.csp],
              };
        const unchanged = (path: string, now: { mtimeMs: number; size: number }) =>
          known[path]?.mtimeMs === now.mtimeMs && known[path]?.size === now.size;

        const routeFiles = [...assets.values()]
          .flat()
          .map((url) => relative(outDir, fileURLToPath(url)).split(sep).join('/'));
        const heads = new Map<string, PageHead>();
        for (const path of routeFiles.filter((file) => file.endsWith('.html'))) {
          const { mtimeMs, size } = stat(path);
          const head =
            (unchanged(path, { mtimeMs, size }) ? knownHead(known[path]) : undefined) ??
            readPageHead(readFileSync(join(outDir, path), 'utf8'));
          heads.set(path, head);
          files[path] = { mtimeMs, size, noindex: head.noindex, csp: indexOfPolicy(head.csp) };
        }

        const redirects = siteRedirects(
          project.notes.map((note) => note.data.id),
          retiredIdsOf(project),
        );
        const redirected = new Set(redirects.map((redirect) => `${redirect.from}index.html`));
        const served = [...heads].filter(([path]) => !redirected.has(path));
        // Thousands of pages share a few policies: each is turned into its header form once.
        const headerOf = new Map<string, string>();
        const policies = served.flatMap(([path, head]) => {
          if (head.csp === undefined) return [];
          if (!headerOf.has(head.csp)) headerOf.set(head.csp, headerCsp(head.csp));
          return [[path, headerOf.get(head.csp) ?? ''] as const];
        });
        const counts = Map.groupBy(policies, ([, policy]) => policy);
        const [csp] = [...counts].sort((a, b) => b[1].length - a[1].length)[0] ?? [''];
        const model: ServerModel = {
          base,
          redirects,
          csp,
          cspByPage: new Map(policies.filter(([, policy]) => policy !== csp)),
          mergedCsp: mergeCsp(new Set([...heads.values()].flatMap((head) => head.csp ?? []))),
          notFound: {
            ...Object.fromEntries(LANGS.map((lang) => [lang, `${lang}/404/index.html`])),
            other: '404.html',
          } as ServerModel['notFound'],
          assets: `${assetsFolder}/`,
        };

        const root = new URL(base, site).href;
        const indexable = served
          .filter(([path, head]) => !head.noindex && path.endsWith('index.html'))
          .map(([path]) => path.slice(0, -'index.html'.length));
        const sitemaps = sitemapFiles(indexable, root);
        for (const name of readdirSync(outDir)) {
          if (/^sitemap-\d+\.xml$/.test(name) && !sitemaps.has(name)) rmSync(join(outDir, name));
        }
        for (const [name, text] of sitemaps) writeIfChanged(join(outDir, name), text);
        writeIfChanged(join(outDir, 'robots.txt'), robotsTxt(root));
        writeIfChanged(join(outDir, '_redirects'), redirectsFile(model));
        writeIfChanged(join(outDir, '_headers'), headersFile(model));

        const serverDir = serverDirOf(outDir);
        writeIfChanged(join(serverDir, 'nginx', 'http.conf'), nginxHttpConf(model));
        writeIfChanged(join(serverDir, 'nginx', 'server.conf'), nginxServerConf(model));
        const siteJson = { base, site: root };
        writeIfChanged(join(serverDir, 'site.json'), `${JSON.stringify(siteJson, null, 2)}\n`);

        // Compressed copies: again only for files changed since the last build (or whose copy is gone).
        const candidates = compressCandidates(outDir, routeFiles, others);
        const toCompress: string[] = [];
        const compressed = new Set<string>();
        for (const path of candidates) {
          const { mtimeMs, size } = stat(path);
          if (size < MIN_COMPRESS_BYTES) continue;
          compressed.add(path);
          files[path] = { ...files[path], mtimeMs, size };
          if (!unchanged(path, { mtimeMs, size }) || !existsSync(join(outDir, `${path}.gz`))) {
            toCompress.push(path);
          }
        }
        await inPool(toCompress, 4, async (path) => {
          const text = readFileSync(join(outDir, path));
          const gz = await gzipAsync(text, { level: GZIP_LEVEL });
          writeFileSync(join(outDir, `${path}.gz`), gz);
        });
        let removed = 0;
        for (const path of Object.keys(known)) {
          if (compressed.has(path) || !existsSync(join(outDir, `${path}.gz`))) continue;
          removeWithEmptyFolders(outDir, `${path}.gz`);
          removed += 1;
        }
        mkdirSync(dirname(recordFile), { recursive: true });
        const record: ServerFilesRecord = { outDir, policies: [...policyIndex.keys()], files };
        writeFileSync(recordFile, JSON.stringify(record));
        logger.info(
          `Server config in ${relative(process.cwd(), serverDir) || serverDir}: ${redirects.length} redirect(s), ${model.cspByPage.size + 1} page policy(ies); ${toCompress.length} file(s) compressed, ${removed} stale .gz removed, in ${Math.round(performance.now() - started)} ms.`,
        );
      },
    },
  };
}
