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
import { gzipSync } from 'node:zlib';
import { readPageHeadOf, type PageHead } from '../lib/csp.ts';
import { BROTLI_COPIED, brotliCopyOf } from '../lib/pagefind-brotli.ts';
import { readJsonFile } from '../incremental/json-file.ts';
import { resolveRedirect, type Project } from '../checker/index.ts';
import {
  COMPRESSIBLE,
  GZIP_LEVEL,
  MIN_COMPRESS_BYTES,
  headersFile,
  indexablePages,
  nginxHttpConf,
  nginxServerConf,
  redirectsFile,
  serverDirOf,
  serverModelOf,
  type ServerModel,
} from '../lib/server-config.ts';
import { sharedCheckedProject } from '../checker/shared.ts';
import { siteRedirects } from '../lib/site-redirects.ts';
import { robotsTxt, sitemapFiles } from '../lib/sitemap.ts';

/** Pagefind's folders of many small files, none of which gets a copy (its filters do: a few files). */
const PAGEFIND_UNCOPIED_FOLDERS = new Set(['fragment', 'index']);

/** A kind of copy written beside a file: which files get one, and how it is made. */
interface CopyKind {
  suffix: string;
  /** The files that get one, if they have at least `minBytes`. */
  files: RegExp;
  minBytes: number;
  /** The copy's bytes; `undefined` when the file cannot have one. */
  make: (path: string, bytes: Buffer) => Buffer | undefined;
}

/** The copies the build writes: `.gz` of text files (nginx `gzip_static`), `.br` of Pagefind's packed files. */
const COPY_KINDS: readonly CopyKind[] = [
  {
    suffix: '.gz',
    files: COMPRESSIBLE,
    minBytes: MIN_COMPRESS_BYTES,
    make: (_, bytes) => gzipSync(bytes, { level: GZIP_LEVEL }),
  },
  { suffix: '.br', files: BROTLI_COPIED, minBytes: 0, make: brotliCopyOf },
];

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

/** The retired ids of a checked project that lead to a release page, and that release (as the pages have them). */
function retiredToReleaseOf(project: Project): Map<string, string> {
  const releases = new Set(project.releases.map((release) => release.id));
  return new Map(
    Object.entries(project.ledger.releaseRedirects).filter(([, release]) => releases.has(release)),
  );
}

/** Every file under `dir` (relative, `/`-separated), skipping Pagefind's index and fragment folders. */
function walk(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      return PAGEFIND_UNCOPIED_FOLDERS.has(entry.name) && path.startsWith('pagefind/')
        ? []
        : walk(root, path);
    }
    return entry.isFile() ? [path] : [];
  });
}

/**
 * Files that may get a copy: the route outputs, and every other file outside the folders that hold
 * route outputs only (`zh/`, `en/`, `i/`: listing those would cost a walk over every page).
 */
function copyCandidates(outDir: string, routeFiles: readonly string[], others: Set<string>) {
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
  return [...new Set([...routeFiles, ...rest])];
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

/** The sitemap, robots.txt, _redirects and _headers: the files in the output folder that hosts read. */
function writeHostFiles(
  outDir: string,
  model: ServerModel,
  sitemaps: ReadonlyMap<string, string>,
  root: string,
): void {
  for (const name of readdirSync(outDir)) {
    if (/^sitemap-\d+\.xml$/.test(name) && !sitemaps.has(name)) rmSync(join(outDir, name));
  }
  for (const [name, text] of sitemaps) writeIfChanged(join(outDir, name), text);
  writeIfChanged(join(outDir, 'robots.txt'), robotsTxt(root));
  writeIfChanged(join(outDir, '_redirects'), redirectsFile(model));
  writeIfChanged(join(outDir, '_headers'), headersFile(model));
}

/**
 * The output folder's files as this build finds them, against the record of the last build: a page's
 * head is read, and a file compressed, only when its size or time changed (or its copy is gone).
 */
class BuiltFiles {
  private readonly files: Record<string, FileRecord> = {};
  private readonly policies = new Map<string, number>();
  private readonly known: Record<string, FileRecord>;
  private readonly knownPolicies: string[];

  constructor(
    private readonly outDir: string,
    previous: ServerFilesRecord | undefined,
  ) {
    this.known = previous?.files ?? {};
    this.knownPolicies = previous?.policies ?? [];
  }

  /** The file's size and time, noted for the record. */
  private stat(path: string): FileRecord {
    let found = this.files[path];
    if (!found) {
      const { mtimeMs, size } = statSync(join(this.outDir, path));
      found = { mtimeMs, size };
      this.files[path] = found;
    }
    return found;
  }

  private unchanged(path: string): boolean {
    const now = this.stat(path);
    const before = this.known[path];
    return before?.mtimeMs === now.mtimeMs && before.size === now.size;
  }

  /** What a page's head says (from the record when the page is unchanged). */
  head(path: string): PageHead {
    const before = this.known[path];
    const head =
      this.unchanged(path) && before?.noindex !== undefined
        ? {
            noindex: before.noindex,
            csp: before.csp === undefined ? undefined : this.knownPolicies[before.csp],
          }
        : readPageHeadOf(join(this.outDir, path));
    const index = head.csp === undefined ? undefined : this.policyIndex(head.csp);
    Object.assign(this.stat(path), { noindex: head.noindex, csp: index });
    return head;
  }

  private policyIndex(policy: string): number {
    if (!this.policies.has(policy)) this.policies.set(policy, this.policies.size);
    return this.policies.get(policy) ?? 0;
  }

  /**
   * Writes a copy of the kind beside each candidate that wants one and whose copy is missing or older
   * than it, and removes the copies of files copied last time that are gone or no longer want one.
   */
  writeCopies(kind: CopyKind, candidates: readonly string[]): { written: number; removed: number } {
    const copyOf = (path: string) => join(this.outDir, `${path}${kind.suffix}`);
    const wanted = new Set(
      candidates.filter((path) => kind.files.test(path) && this.stat(path).size >= kind.minBytes),
    );
    const stale = [...wanted].filter((path) => !this.unchanged(path) || !existsSync(copyOf(path)));
    // One file after another, synchronously: asynchronous gzip (four at a time on libuv's pool) cost
    // 1.5–1.9× the CPU time for the same bytes (2,000 item pages, 13.5 KB each: 0.55–0.65 s against
    // 0.34–0.37 s), and a cold build compresses 15,600 files while nothing else runs.
    let written = 0;
    for (const path of stale) {
      const copy = kind.make(path, readFileSync(join(this.outDir, path)));
      if (copy === undefined) rmSync(copyOf(path), { force: true });
      else (writeFileSync(copyOf(path), copy), (written += 1));
    }
    // Only files of the kind can have its copy: a rebuild then looks up a few paths, not every page.
    const gone = Object.keys(this.known).filter(
      (path) => !wanted.has(path) && kind.files.test(path) && existsSync(copyOf(path)),
    );
    for (const path of gone) removeWithEmptyFolders(this.outDir, `${path}${kind.suffix}`);
    return { written, removed: gone.length };
  }

  /** The record for the next build. */
  record(): ServerFilesRecord {
    return { outDir: this.outDir, policies: [...this.policies.keys()], files: this.files };
  }
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
      'astro:build:done': ({ assets, logger }) => {
        const started = performance.now();
        const project = sharedCheckedProject();
        if (!project) throw new Error('pict-check-source must run first: it reads the notes.');
        const previous = readJsonFile(recordFile) as ServerFilesRecord | undefined;
        rmSync(recordFile, { force: true });
        const files = new BuiltFiles(outDir, previous?.outDir === outDir ? previous : undefined);
        const routeFiles = [...assets.values()]
          .flat()
          .map((url) => relative(outDir, fileURLToPath(url)).split(sep).join('/'));
        const heads = new Map(
          routeFiles
            .filter((path) => path.endsWith('.html'))
            .map((path) => [path, files.head(path)]),
        );
        const redirects = siteRedirects(
          project.notes.map((note) => note.data.id),
          retiredIdsOf(project),
          retiredToReleaseOf(project),
        );
        const model = serverModelOf(base, `${assetsFolder}/`, redirects, heads);
        const root = new URL(base, site).href;
        writeHostFiles(outDir, model, sitemapFiles(indexablePages(model, heads), root), root);
        const serverDir = serverDirOf(outDir);
        writeIfChanged(join(serverDir, 'nginx', 'http.conf'), nginxHttpConf(model));
        writeIfChanged(join(serverDir, 'nginx', 'server.conf'), nginxServerConf(model));
        writeIfChanged(
          join(serverDir, 'site.json'),
          `${JSON.stringify({ base, site: root }, null, 2)}\n`,
        );
        const candidates = copyCandidates(outDir, routeFiles, others);
        const copies = COPY_KINDS.map((kind) => ({
          kind,
          ...files.writeCopies(kind, candidates),
        }));
        mkdirSync(dirname(recordFile), { recursive: true });
        writeFileSync(recordFile, JSON.stringify(files.record()));
        logger.info(
          `Server config in ${relative(process.cwd(), serverDir) || serverDir}: ${redirects.length} redirect(s), ${model.cspByPage.size + 1} page policy(ies); ${copies.map(({ kind, written, removed }) => `${written} ${kind.suffix} written, ${removed} stale removed`).join('; ')}; in ${Math.round(performance.now() - started)} ms.`,
        );
      },
    },
  };
}
