import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { escapePath } from 'tinyglobby';
import {
  idWrittenIn,
  isRegularSourceFile,
  listProjectFiles,
  SOURCE_PATHS,
} from '../checker/files.ts';

/** What Astro's glob loader asks an entry type (Markdown, MDX) of a file it read. */
interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<EntryInfo> | EntryInfo;
}

interface EntryInfo {
  data: Record<string, unknown>;
  body: string;
  slug?: string;
  rawData?: string;
}

/** The loader context as Astro's own glob loader gets it (with the entry types, not in the public type). */
type GlobContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

type Watcher = NonNullable<LoaderContext['watcher']>;

/**
 * A watcher whose `add` and `change` listeners hear only of regular files reached from `root` through
 * no link: the glob loader reads every file it hears of, and reading a FIFO blocks one of libuv's four
 * threads forever (four of them stop all file reads of the dev server).
 */
function regularFilesOnly(watcher: Watcher, root: string): Watcher {
  return new Proxy(watcher, {
    get(target, key) {
      if (key !== 'on') {
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (event: string, listener: (path: string, ...rest: unknown[]) => void) =>
        target.on(
          event,
          event === 'add' || event === 'change'
            ? (path: string, ...rest: unknown[]) => {
                if (isRegularSourceFile(root, path)) listener(path, ...rest);
              }
            : listener,
        );
    },
  });
}

/**
 * Entry types that never throw: a note whose frontmatter does not parse (or has no `id`) becomes an
 * entry with no body, under the id its text writes or else its path, so that the content layer keeps
 * running and the pages reload to show the checker's problem (the checker parses every file itself).
 */
function tolerantEntryTypes(types: Map<string, EntryType>, base: string): Map<string, EntryType> {
  const fallback = (contents: string, fileUrl: URL) =>
    idWrittenIn(contents) ?? relative(base, fileURLToPath(fileUrl)).replaceAll('\\', '/');
  return new Map(
    [...types].map(([extension, type]) => [
      extension,
      {
        ...type,
        getEntryInfo: async (params) => {
          try {
            const info = await type.getEntryInfo(params);
            if (typeof info.data['id'] === 'string') return info;
            return {
              ...info,
              data: { ...info.data, id: fallback(params.contents, params.fileUrl) },
            };
          } catch {
            return {
              data: { id: fallback(params.contents, params.fileUrl) },
              body: '',
              rawData: '',
            };
          }
        },
      } satisfies EntryType,
    ]),
  );
}

/** Options of `sourceGlob`: Astro's glob loader's, with `base` relative to the content root. */
export interface SourceGlobOptions {
  /** The folder holding data/ and notes/ (relative to the project root, or absolute). */
  root: string;
  /** Folder the patterns are relative to, inside `root` (`.` for `root` itself). */
  base: string;
  pattern: string[];
  generateId?: Parameters<typeof glob>[0]['generateId'];
}

/**
 * Astro's glob loader over the regular files of the content root only. It would read a symbolic link
 * (its target, even a FIFO, at startup: tinyglobby lists links to non-regular files) and a FIFO,
 * socket or link added while the dev server runs (its watcher reads every added file the pattern
 * names): reading a FIFO never ends. Such paths are left out (the checker reports them), at startup
 * by negated patterns, on the watcher by a filter; and a note whose frontmatter does not parse no
 * longer stops the content layer.
 */
export function sourceGlob(options: SourceGlobOptions): Loader {
  return {
    name: 'source-glob',
    load: async (context: GlobContext) => {
      const root = resolve(fileURLToPath(context.config.root), options.root);
      const base = join(root, options.base);
      const refused = listProjectFiles(root).refused.map(({ path }) =>
        relative(base, join(root, path)).replaceAll('\\', '/'),
      );
      // The base folder itself is a link: nothing below it is read.
      if (refused.includes('')) return context.store.clear();
      const negations = refused
        .filter((path) => !path.startsWith('../'))
        .flatMap((path) => [`!${escapePath(path)}`, `!${escapePath(path)}/**`]);
      const loader = glob({
        pattern: [...options.pattern, ...negations],
        base,
        ...(options.generateId ? { generateId: options.generateId } : {}),
      });
      await loader.load({
        ...context,
        ...(context.watcher ? { watcher: regularFilesOnly(context.watcher, root) } : {}),
        ...(context.entryTypes ? { entryTypes: tolerantEntryTypes(context.entryTypes, base) } : {}),
      } as GlobContext);
    },
  };
}

/**
 * On the dev server, one entry per path of data/ and notes/ that is not a regular file (what the
 * checker refuses), kept up to date from the watcher: adding or removing a FIFO or a link changes
 * this collection, which reloads the pages, which print the checker's problem about it.
 */
export function refusedSourceFiles(rootOption: string): Loader {
  return {
    name: 'refused-source-files',
    load: async ({ config, store, watcher }) => {
      const root = resolve(fileURLToPath(config.root), rootOption);
      const sync = () => {
        const refused = listProjectFiles(root).refused;
        const paths = new Set(refused.map(({ path }) => path));
        for (const id of store.keys()) if (!paths.has(id)) store.delete(id);
        for (const { path, found } of refused)
          store.set({ id: path, data: { found }, digest: found });
      };
      sync();
      if (!watcher) return;
      const folders = ['data', SOURCE_PATHS.notes].map((folder) => join(root, folder));
      watcher.add(folders);
      const inFolders = (path: string) =>
        folders.some((folder) => !relative(folder, path).startsWith('..'));
      for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const)
        watcher.on(event, (path: string) => inFolders(path) && sync());
    },
  };
}
