// Every write of the handbook's commands and build goes through here, so that whatever fails — a full
// disk, a read-only folder, another file system, a signal — a reader finds the old file (or folder) or
// the new one, never a part of either, and no temporary file is left where content is read.
//
// A file is written to a hidden temporary name in its own folder (so the rename never crosses a file
// system), flushed to disk, then renamed over the target; the folder is flushed so the rename itself
// survives a crash. A folder is built the same way beside its target and swapped in with two renames;
// one on another file system is first copied beside its target.
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fchmodSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

let sequence = 0;

/**
 * A hidden name beside `path` for writing it: `.<name>.<pid>-<thread>-<n>.tmp`. Hidden, because the
 * content loader skips dot files, so a temporary file left by a killed process is never read as content.
 */
export function tempPathFor(path: string, kind = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${threadId}-${++sequence}.${kind}`);
}

/** Whether a file name is one of tempPathFor()'s (for the caches' pruning of abandoned ones). */
export const TEMP_NAME = /^\..+\.\d+-\d+-\d+\.(tmp|old)$/;

/** The errors a write can meet that are the machine's, not the program's: reported in one line. */
const FS_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EXDEV: 'another file system',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'name too long',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder',
  EBUSY: 'in use (a mount point?)',
};

/** A one-line description of a file-system error (`ENOSPC: no space left … (writing dist/x)`), or undefined for anything else. */
export function describeFsError(e: unknown): string | undefined {
  const err = e as NodeJS.ErrnoException & { dest?: string };
  if (!err || typeof err.code !== 'string' || !(err.code in FS_ERRORS)) return undefined;
  const where = err.dest ? `${err.path} → ${err.dest}` : err.path;
  return `${FS_ERRORS[err.code]} (${err.code}${err.syscall ? ` in ${err.syscall}` : ''}${where ? ` ${where}` : ''})`;
}

const removeQuietly = (path: string) => {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // Nothing more can be done; the name is hidden and pruned as abandoned.
  }
};

/** Flush a folder's entries (a rename in it) to disk; some systems cannot, which costs only durability. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // EISDIR/EINVAL/EPERM on systems that cannot fsync a folder.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Write bytes to a new file (and flush them to disk when `durable`); the file is removed if anything fails. */
function writeNew(path: string, data: string | Uint8Array, mode: number | undefined, durable = true): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  let fd: number | undefined;
  try {
    fd = openSync(path, 'wx', 0o666);
    if (mode !== undefined) fchmodSync(fd, mode);
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    if (durable) fsyncSync(fd);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    removeQuietly(path);
    throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export interface WriteOptions {
  /** Refuse (EEXIST) instead of replacing a file that exists, atomically: never a lost race. */
  exclusive?: boolean;
  /**
   * Flush to disk before the rename (default). Caches turn it off: after a power cut an entry may be
   * empty or missing, and a cache reader takes anything unreadable as a miss.
   */
  durable?: boolean;
}

/**
 * Write a file whole: readers see the previous file or the new one. A replaced file keeps its
 * permissions. On any failure nothing is left behind and the previous file is untouched.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, opts: WriteOptions = {}): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const previous = statSync(path, { throwIfNoEntry: false });
  const tmp = tempPathFor(path);
  const durable = opts.durable ?? true;
  writeNew(tmp, data, previous?.isFile() ? previous.mode & 0o7777 : undefined, durable);
  try {
    if (opts.exclusive) {
      // link() fails when the target exists, where rename() would replace it.
      linkSync(tmp, path);
      unlinkSync(tmp);
    } else renameSync(tmp, path);
  } catch (e) {
    removeQuietly(tmp);
    throw e;
  }
  if (durable) syncDir(dir);
}

/**
 * Write several files all or none: every file is first written whole under its temporary name, and
 * only then are they renamed into place; if a rename fails, those already done are undone (a replaced
 * file is kept aside under a hidden name until all are in place). So a full disk or a read-only folder
 * leaves every target as it was.
 */
export function writeFilesAtomic(files: readonly (readonly [string, string | Uint8Array])[], opts: WriteOptions = {}): void {
  const staged: { path: string; tmp: string; kept?: string; done?: boolean }[] = [];
  const undo = () => {
    for (const s of staged.reverse()) {
      try {
        if (s.done && s.kept) renameSync(s.kept, s.path);
        else if (s.done) unlinkSync(s.path);
      } catch {
        // Best effort: the kept copy stays under its hidden name.
      }
      removeQuietly(s.tmp);
    }
  };
  try {
    for (const [path, data] of files) {
      mkdirSync(dirname(path), { recursive: true });
      const previous = statSync(path, { throwIfNoEntry: false });
      const entry = { path, tmp: tempPathFor(path) };
      staged.push(entry);
      writeNew(entry.tmp, data, previous?.isFile() ? previous.mode & 0o7777 : undefined, opts.durable ?? true);
    }
    for (const s of staged) {
      if (existsSync(s.path)) {
        if (opts.exclusive) throw Object.assign(new Error(`EEXIST: ${s.path} exists`), { code: 'EEXIST', path: s.path });
        s.kept = tempPathFor(s.path, 'old');
        linkSync(s.path, s.kept);
      }
      if (opts.exclusive) {
        linkSync(s.tmp, s.path);
        unlinkSync(s.tmp);
      } else renameSync(s.tmp, s.path);
      s.done = true;
    }
  } catch (e) {
    undo();
    throw e;
  }
  for (const dir of new Set(staged.map((s) => dirname(s.path)))) if (opts.durable ?? true) syncDir(dir);
  for (const s of staged) if (s.kept) removeQuietly(s.kept);
}

export interface ReplaceOptions {
  /**
   * Called with the previous folder once it has been swapped out; return true to keep it where it is
   * (a hidden sibling of the target) instead of removing it, e.g. when something unexpected is in it.
   */
  keepOld?: (old: string) => boolean;
}

/**
 * Write a new folder of files (relative path → bytes) whole: built hidden beside `target`, then renamed
 * into place. Refuses (EEXIST) when `target` exists, unless `replace`, which swaps it (see replaceDir).
 */
export function writeDirAtomic(
  target: string,
  files: Iterable<readonly [string, string | Uint8Array]>,
  opts: { replace?: boolean } & ReplaceOptions = {},
): void {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  try {
    mkdirSync(tmp);
    const dirs = new Set<string>([tmp]);
    for (const [rel, data] of files) {
      const abs = join(tmp, rel);
      if (!dirs.has(dirname(abs))) mkdirSync(dirname(abs), { recursive: true });
      dirs.add(dirname(abs));
      writeNew(abs, data, undefined);
    }
    for (const d of dirs) syncDir(d);
    if (opts.replace) return replaceDir(tmp, target, opts);
    // rename() would also put a folder in place of an empty one that appeared meanwhile.
    if (existsSync(target)) throw Object.assign(new Error(`EEXIST: ${target} exists`), { code: 'EEXIST', path: target });
    renameSync(tmp, target);
    syncDir(dirname(target));
  } catch (e) {
    removeQuietly(tmp);
    throw e;
  }
}

/**
 * Copy a folder (files, folders, symbolic links as links). Not fs.cpSync, which reports a full disk as
 * EIO; a copy of a file is a reflink where the file system has them (Btrfs, XFS): no second copy of the data.
 */
function copyTree(from: string, to: string): void {
  mkdirSync(to);
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const [src, dst] = [join(from, e.name), join(to, e.name)];
    if (e.isDirectory()) copyTree(src, dst);
    else if (e.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else copyFileSync(src, dst, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
  }
}

/** The old folders replaceDir() set aside for `target` (hidden siblings). */
const setAside = (target: string) => {
  const prefix = `.${basename(target)}.`;
  try {
    return readdirSync(dirname(target))
      .filter((n) => n.startsWith(prefix) && n.endsWith('.old'))
      .map((n) => join(dirname(target), n));
  } catch {
    return [];
  }
};

/**
 * Put the folder `from` in place of `target` (which may not exist), so that `target` is at every
 * moment either the previous folder or the new one. `from` may be on another file system: it is then
 * copied beside `target` first (and removed once in place). If the swap fails, the previous folder is
 * put back. A process killed between the swap's two renames leaves the previous folder set aside,
 * which recoverDir() puts back.
 */
export function replaceDir(from: string, target: string, opts: ReplaceOptions = {}): void {
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  let source = from;
  if (statSync(from).dev !== statSync(parent).dev) {
    source = tempPathFor(target);
    try {
      copyTree(from, source);
    } catch (e) {
      removeQuietly(source);
      throw e;
    }
  }
  const old = tempPathFor(target, 'old');
  const hadTarget = existsSync(target);
  try {
    if (hadTarget) renameSync(target, old);
    try {
      renameSync(source, target);
    } catch (e) {
      if (hadTarget) renameSync(old, target);
      throw e;
    }
  } catch (e) {
    if (source !== from) removeQuietly(source);
    throw e;
  }
  syncDir(parent);
  if (hadTarget && !opts.keepOld?.(old)) removeQuietly(old);
  if (source !== from) removeQuietly(from);
}

/**
 * After a process was killed in the middle of replaceDir(): put the previous `target` back when it is
 * missing and one was set aside; remove set-aside folders that are no longer needed.
 */
export function recoverDir(target: string): void {
  const aside = setAside(target);
  if (!aside.length) return;
  if (!existsSync(target)) {
    // The newest set-aside folder is the one the interrupted swap moved.
    const newest = aside.map((p) => ({ p, t: statSync(p).mtimeMs })).sort((a, b) => b.t - a.t)[0]!.p;
    renameSync(newest, target);
  }
  for (const p of setAside(target)) removeQuietly(p);
}
