import { globSync, lstatSync, readFileSync, realpathSync, type Dirent } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/**
 * A file of the project as text, with its path relative to the project root (always `/`-separated).
 * A path that is not a regular file inside the repository, or is too large to read, comes with
 * `refused` (what was found and what was expected) and no text: the checker reports it.
 */
export interface SourceFile {
  path: string;
  text: string;
  refused?: { found: string; expected: string };
}

/** Where the source of truth lives, relative to the project root. */
export const SOURCE_PATHS = {
  releases: 'data/releases',
  teams: 'data/teams.yaml',
  components: 'data/components.yaml',
  areas: 'data/areas.yaml',
  notes: 'notes',
  ledger: 'notes/ids.json',
} as const;

/**
 * The largest files read, in bytes. A note of 256 KiB builds in seconds, while the Markdown
 * renderer's cost grows faster than the size (a 1.25 MB body took 44 s, 6 MB 13 minutes): an
 * accidental paste is refused instead of stalling CI. Data files and the id ledger get more room
 * (the ledger of 5,000 notes is about 200 KB).
 */
export const FILE_SIZE_LIMITS = { note: 256 * 1024, data: 4 * 1024 * 1024 } as const;

function kindOf(entry: Dirent): string {
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isFIFO()) return 'a named pipe (FIFO)';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return 'something that is not a regular file';
}

/** A stand-in directory entry for a top folder that is a symbolic link. */
function linkEntry(name: string): Dirent {
  const no = () => false;
  return {
    name,
    parentPath: '.',
    isSymbolicLink: () => true,
    isFile: no,
    isDirectory: no,
    isFIFO: no,
    isSocket: no,
    isCharacterDevice: no,
    isBlockDevice: no,
  } as unknown as Dirent;
}

function refused(path: string, found: string, expected: string): SourceFile {
  return { path, text: '', refused: { found, expected } };
}

/** Reads one regular file, unless it is over the limit for its kind. */
function readRegular(root: string, path: string): SourceFile {
  const limit =
    path.startsWith(`${SOURCE_PATHS.notes}/`) && path !== SOURCE_PATHS.ledger
      ? FILE_SIZE_LIMITS.note
      : FILE_SIZE_LIMITS.data;
  try {
    const size = lstatSync(join(root, path)).size;
    if (size > limit) {
      return refused(
        path,
        `a file of ${size} bytes`,
        `at most ${limit} bytes (a file-size limit, see README)`,
      );
    }
    return { path, text: readFileSync(join(root, path), 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    return refused(path, `a file that cannot be read (${code})`, 'a readable regular file');
  }
}

/** A path under data/ or notes/ that is not a regular file inside the repository, and what it is. */
export interface RefusedPath {
  path: string;
  found: string;
}

const REFUSED_EXPECTED =
  'a regular file inside the repository (links and special files are not read)';

/**
 * Lists every source file (data/ and notes/, hidden files left out) under a project root without
 * opening any: the regular files' paths, and the paths that are not regular files (a symbolic link to
 * a file, a folder, nowhere or itself, a FIFO, a socket, a device) with what they are. Nothing is
 * followed: what lies below a linked folder is not listed, the link is.
 */
export function listProjectFiles(root: string): { regular: string[]; refused: RefusedPath[] } {
  // globSync lists the contents of linked folders too; they are left out below the refused link.
  const entries = globSync(`{data,${SOURCE_PATHS.notes}}/**/*`, { cwd: root, withFileTypes: true });
  const base = resolve(root);
  const rooted = entries.map((entry) => ({
    entry,
    path: relative(base, resolve(entry.parentPath, entry.name)).replaceAll('\\', '/'),
  }));
  // The top folders themselves must not be links either.
  for (const top of ['data', SOURCE_PATHS.notes]) {
    const stat = lstatSync(join(root, top), { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) rooted.push({ entry: linkEntry(top), path: top });
  }
  const links = rooted.filter(({ entry }) => entry.isSymbolicLink()).map(({ path }) => `${path}/`);
  const listed = rooted
    .filter(({ path }) => !links.some((link) => path.startsWith(link)))
    .filter(({ entry }) => !entry.isDirectory());
  return {
    regular: listed.filter(({ entry }) => entry.isFile()).map(({ path }) => path),
    refused: listed
      .filter(({ entry }) => !entry.isFile())
      .map(({ entry, path }) => ({ path, found: kindOf(entry) })),
  };
}

/**
 * Whether an absolute path is a regular file reached from the project root through no symbolic link
 * (checked without opening it, so a FIFO or a device never blocks the caller).
 */
export function isRegularSourceFile(root: string, path: string): boolean {
  try {
    if (!lstatSync(path).isFile()) return false;
    return realpathSync(path) === join(realpathSync(root), relative(resolve(root), resolve(path)));
  } catch {
    return false;
  }
}

/** The id a note's text writes on its `id:` line, read without parsing (for a note that does not parse). */
export function idWrittenIn(text: string): string | undefined {
  return /^id:[ \t]*["']?([a-z0-9.-]+)/m.exec(text)?.[1];
}

/**
 * Reads every source file (data/ and notes/, hidden files left out) under a project root, sorted by
 * path. Nothing is followed: a symbolic link (to a file, a folder, nowhere or itself), a FIFO, a
 * socket or a device is refused, so only regular files inside the repository are published and no
 * read can block or loop.
 */
export function readProjectFiles(root: string): SourceFile[] {
  const { regular, refused: others } = listProjectFiles(root);
  return [
    ...regular.map((path) => readRegular(root, path)),
    ...others.map(({ path, found }) => refused(path, found, REFUSED_EXPECTED)),
  ].sort((a, b) => a.path.localeCompare(b.path));
}
