// Walk the content directory: every file, and the entries that cannot be read as a file or folder.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
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

/** Whether `real` (a resolved path) is `root` or inside it. */
const within = (root: string, real: string) => real === root || real.startsWith(root + sep);

/**
 * Every file under `dir`, sorted, and the entries that cannot be read: a broken link, a folder
 * without read permission, anything that is not a regular file or folder (a FIFO, a device, a
 * socket, or a link to one), a link that leads out of the content (a pull request could link a page
 * to any file of the machine that builds it — its environment under /proc, a checkout's
 * .git/config — and have it published), a link to a folder already in the content (its files would
 * be read twice, or forever in a loop). Links to files inside the content are followed.
 */
export function walk(
  dir: string,
  out: string[] = [],
  bad: Unwalkable[] = [],
  inside = [realpathSync(dir)],
): { files: string[]; bad: Unwalkable[] } {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    bad.push({ abs: dir, message: `this folder cannot be read (${(e as NodeJS.ErrnoException).code})`, hint: 'check its permissions' });
    return { files: out, bad };
  }
  for (const entry of entries) {
    const name = entry.name;
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
    const target = entry.isSymbolicLink() ? linkTarget(abs) : undefined;
    const real = target === undefined && !isDir ? abs : realpathSync(abs);
    // A link to a folder in the content, or holding it, would read files twice (or forever).
    if (target !== undefined && isDir && inside.some((d) => within(d, real) || d.startsWith(real + sep)))
      bad.push({
        abs,
        message: `this is a link to ${target}, a folder already in the content or holding it, so it is not read`,
        hint: 'delete the link',
      });
    else if (target !== undefined && !within(inside[0]!, real))
      bad.push({
        abs,
        message: `this is a link to ${target}, outside the content, so it is not read`,
        hint: 'content is what the content folder holds: copy the file in instead of linking to it',
      });
    else if (isDir) walk(abs, out, bad, [...inside, real]);
    else out.push(abs);
  }
  return { files: out, bad };
}
