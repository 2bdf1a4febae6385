/**
 * The content layer's loaders on a project on disk with what must never be read among the files: a
 * FIFO (opening one blocks a libuv thread forever; four of them stop every file read), links and a
 * note whose frontmatter does not parse. Astro's own glob loader does the reading, with the real
 * frontmatter parser; the watcher is an event emitter fed the events the dev server's would send.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, test } from 'vitest';
import { refusedSourceFiles, sourceGlob } from '../../src/loaders/source-files.ts';
import { validNote, writeMinimalProject } from '../fixtures/minimal-project.ts';
import { ROOT, TMP } from '../support/build-site.ts';

const TIME_LIMIT = 20_000;

interface Entry {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  digest?: string;
  filePath?: string;
}

/** The minimal project in a fresh folder, with `change` applied. */
function project(name: string, change: (root: string) => void = () => undefined): string {
  return writeMinimalProject(join(TMP, 'test-fixtures', 'loaders', name), change);
}

/** What the content layer hands a loader on the dev server, with an in-memory store. */
function devContext() {
  const entries = new Map<string, Entry>();
  const errors: string[] = [];
  const watcher = Object.assign(new EventEmitter(), { add: () => undefined });
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Entry) => {
      if (entry.digest && entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => void entries.delete(id),
    clear: () => entries.clear(),
    keys: () => [...entries.keys()],
    has: (id: string) => entries.has(id),
    addModuleImport: () => undefined,
    addAssetImports: () => undefined,
  };
  const markdown = {
    getEntryInfo: ({ contents }: { contents: string }) => {
      const parsed = parseFrontmatter(contents);
      return { data: parsed.frontmatter, body: parsed.content, rawData: parsed.rawFrontmatter };
    },
  };
  const context = {
    collection: 'notes',
    store,
    logger: {
      info: () => undefined,
      warn: () => undefined,
      debug: () => undefined,
      error: (message: string) => errors.push(message),
    },
    config: {
      root: pathToFileURL(`${ROOT}/`),
      srcDir: pathToFileURL(`${ROOT}/src/`),
    },
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (data: unknown) =>
      createHash('sha1')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
    watcher,
    entryTypes: new Map([['.md', markdown]]),
  } as unknown as LoaderContext;
  return { context, entries, errors, watcher };
}

/** Waits until `accept` holds (the watcher's listeners are asynchronous). */
async function until(accept: () => boolean): Promise<void> {
  const deadline = Date.now() + TIME_LIMIT / 2;
  while (!accept() && Date.now() < deadline) await sleep(20);
}

const NOTES = 'notes/kubernetes-1.7';
const notesGlob = (root: string) =>
  sourceGlob({
    root,
    base: 'notes',
    pattern: ['*/*.{md,mdx}'],
    generateId: ({ data }) => String(data['id']),
  });

describe('sourceGlob: Astro’s glob loader over regular files only', () => {
  test(
    'loads the regular notes, not a FIFO, links or a linked folder, and takes a note that does not parse',
    async () => {
      const root = project('startup', (root) => {
        const notes = join(root, NOTES);
        execFileSync('mkfifo', [join(notes, 'pipe.md')]);
        // tinyglobby lists a link to a FIFO as a file: the glob loader alone would hang here.
        symlinkSync('pipe.md', join(notes, 'link-to-pipe.md'));
        symlinkSync('local-volume-unmount.md', join(notes, 'link-to-note.md'));
        mkdirSync(join(root, '..', 'startup-outside'), { recursive: true });
        writeFileSync(
          join(root, '..', 'startup-outside', 'secret.md'),
          validNote({ id: 'id: k8s-1.7-secret' }),
        );
        symlinkSync(join(root, '..', 'startup-outside'), join(root, 'notes/linked'));
        writeFileSync(
          join(notes, 'broken.md'),
          validNote({ id: 'id: k8s-1.7-broken', impact: 'impact: [attention' }),
        );
      });
      const { context, entries, errors } = devContext();
      await notesGlob(root).load(context);
      expect(
        [...entries.values()].map(({ id, filePath, body }) => ({ id, filePath, body })),
      ).toEqual([
        {
          id: 'k8s-1.7-broken',
          filePath: expect.stringMatching(/kubernetes-1\.7\/broken\.md$/),
          body: '',
        },
        {
          id: 'k8s-1.7-local-volume-unmount',
          filePath: expect.stringMatching(/kubernetes-1\.7\/local-volume-unmount\.md$/),
          body: expect.any(String),
        },
      ]);
      expect(errors).toEqual([]);
    },
    TIME_LIMIT,
  );

  test(
    'never reads FIFOs or links the watcher reports, and keeps reading the notes added after them',
    async () => {
      const root = project('watcher');
      const notes = join(root, NOTES);
      const { context, entries, errors, watcher } = devContext();
      await notesGlob(root).load(context);
      // More FIFOs than libuv has threads (4): had any been opened, the last note would never load.
      const added = [1, 2, 3, 4, 5].map((n) => join(notes, `pipe-${n}.md`));
      for (const pipe of added) execFileSync('mkfifo', [pipe]);
      symlinkSync('pipe-1.md', join(notes, 'link.md'));
      for (const path of [...added, join(notes, 'link.md')]) {
        watcher.emit('add', path);
        watcher.emit('change', path);
      }
      writeFileSync(join(notes, 'later.md'), validNote({ id: 'id: k8s-1.7-later' }));
      watcher.emit('add', join(notes, 'later.md'));
      await until(() => entries.has('k8s-1.7-later'));
      expect([...entries.keys()].sort()).toEqual(['k8s-1.7-later', 'k8s-1.7-local-volume-unmount']);
      expect(errors).toEqual([]);
    },
    TIME_LIMIT,
  );

  test(
    'takes a note whose frontmatter stops parsing, under the id its text writes and with no body',
    async () => {
      const root = project('stops-parsing');
      const note = join(root, NOTES, 'local-volume-unmount.md');
      const { context, entries, errors, watcher } = devContext();
      await notesGlob(root).load(context);
      const before = entries.get('k8s-1.7-local-volume-unmount')?.digest;
      writeFileSync(note, validNote({ impact: 'impact: [attention' }));
      watcher.emit('change', note);
      await until(() => entries.get('k8s-1.7-local-volume-unmount')?.digest !== before);
      expect(entries.get('k8s-1.7-local-volume-unmount')).toMatchObject({ body: '' });
      expect(errors).toEqual([]);
    },
    TIME_LIMIT,
  );
});

describe('refusedSourceFiles: the paths the checker refuses, kept from the watcher', () => {
  test(
    'lists FIFOs and links from the start and as they come and go',
    async () => {
      const root = project('refused', (root) =>
        execFileSync('mkfifo', [join(root, 'data/pipe.yaml')]),
      );
      const { context, entries, watcher } = devContext();
      await refusedSourceFiles(root).load(context);
      expect([...entries.values()].map(({ id, data }) => [id, data['found']])).toEqual([
        ['data/pipe.yaml', 'a named pipe (FIFO)'],
      ]);
      const link = join(root, NOTES, 'link.md');
      symlinkSync('local-volume-unmount.md', link);
      watcher.emit('add', link);
      unlinkSync(join(root, 'data/pipe.yaml'));
      watcher.emit('unlink', join(root, 'data/pipe.yaml'));
      expect([...entries.values()].map(({ id, data }) => [id, data['found']])).toEqual([
        [`${NOTES}/link.md`, 'a symbolic link'],
      ]);
    },
    TIME_LIMIT,
  );
});
