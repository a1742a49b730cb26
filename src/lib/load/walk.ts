// Walk the content directory: every file, and the entries that cannot be read as a file or folder.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { NOT_A_FILE_HINT, specialKind } from './read-bounded.ts';

/** An entry of the content directory that cannot be read as a file or folder. */
interface Unwalkable {
  abs: string;
  message: string;
  hint: string;
}

/** Where a symbolic link points; undefined for anything else (or what cannot be read). */
function linkTarget(abs: string): string | undefined {
  try {
    return lstatSync(abs).isSymbolicLink() ? readlinkSync(abs) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every file under `dir`, sorted, and the entries that cannot be read: a broken link, a folder
 * without read permission, anything that is not a regular file or folder (a FIFO, a device, a
 * socket, or a link to one), a link to a folder already in the content (its files would be read
 * twice, or forever in a loop). Other links are followed.
 */
export function walk(
  dir: string,
  out: string[] = [],
  bad: Unwalkable[] = [],
  inside = [realpathSync(dir)],
): { files: string[]; bad: Unwalkable[] } {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    bad.push({ abs: dir, message: `this folder cannot be read (${(e as NodeJS.ErrnoException).code})`, hint: 'check its permissions' });
    return { files: out, bad };
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const abs = join(dir, name);
    let isDir: boolean;
    try {
      const st = statSync(abs);
      const kind = specialKind(st);
      if (kind) {
        // Never opened: a FIFO would block the check forever, a device (/dev/zero) never ends.
        const target = linkTarget(abs);
        bad.push({
          abs,
          message: `this is ${target === undefined ? '' : `a link to ${target}, `}${kind}, not a file`,
          hint: NOT_A_FILE_HINT,
        });
        continue;
      }
      isDir = st.isDirectory();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const target = linkTarget(abs);
      bad.push(
        target !== undefined && (code === 'ENOENT' || code === 'ELOOP')
          ? {
              abs,
              message: `this is a link to ${target}, which ${code === 'ELOOP' ? 'leads back to itself' : 'does not exist'}`,
              hint: 'point the link at a file, or delete it',
            }
          : { abs, message: `this cannot be read (${code})`, hint: 'check its permissions' },
      );
      continue;
    }
    if (!isDir) {
      out.push(abs);
      continue;
    }
    const real = realpathSync(abs);
    const target = linkTarget(abs);
    // A link into the content, or to a folder holding it, would read files twice (or forever).
    if (target !== undefined && inside.some((d) => real === d || real.startsWith(d + sep) || d.startsWith(real + sep)))
      bad.push({
        abs,
        message: `this is a link to ${target}, a folder already in the content or holding it, so it is not read`,
        hint: 'delete the link',
      });
    else walk(abs, out, bad, [...inside, real]);
  }
  return { files: out, bad };
}
