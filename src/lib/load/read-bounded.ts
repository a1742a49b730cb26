// Reading a content file is bounded work: only a regular file is read (a FIFO would block the
// check forever, a link to /dev/zero would grow memory until the process is killed), and never
// more than MAX_FILE_BYTES. The file is opened without blocking and its type taken from the open
// file itself, so a file swapped for a FIFO after the directory was listed is refused too; nor is a
// symbolic link followed (./walk.ts refuses them; this holds for a file swapped for one since).
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/**
 * Far above any content file (a team's quarter is a few KB; the largest test input is 10 MB of
 * pasted prose), far below what would strain memory: a larger file is refused unread.
 */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export type Bounded = { bytes: Buffer } | { problem: string; hint: string };

/** What kind of thing a path is, in words, when it is not a regular file or folder; undefined when it is one. */
export function specialKind(st: Stats): string | undefined {
  if (st.isFile() || st.isDirectory()) return undefined;
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

export const NOT_A_FILE_HINT = 'content files are ordinary files: delete it (or the link to it)';

const tooLarge = () => ({
  problem: `this file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, the limit for a content file, so it is not read`,
  hint: 'split it into several files, or move the bulk (pasted documents, data) out of the content',
});

/** The bytes of a regular file of at most `limit` bytes, or why it is not read. */
export function readBounded(abs: string, limit = MAX_FILE_BYTES): Bounded {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      return { problem: 'this is a symbolic link, so it is not read', hint: 'content files are ordinary files: copy the file here' };
    return { problem: `this file cannot be read (${code})`, hint: 'check its permissions' };
  }
  try {
    const st = fstatSync(fd);
    const kind = specialKind(st);
    if (kind || st.isDirectory()) return { problem: `this is ${kind ?? 'a folder'}, not a file`, hint: NOT_A_FILE_HINT };
    if (st.size > limit) return tooLarge();
    // The size can be wrong (files under /proc say 0) or change while reading: read to the limit, plus one byte.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 64 * 1024), limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) return tooLarge();
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total) };
  } catch (e) {
    return { problem: `this file cannot be read (${(e as NodeJS.ErrnoException).code})`, hint: 'check its permissions' };
  } finally {
    closeSync(fd);
  }
}
