// Walk the content directory: every file, and the entries that cannot be read as a file or folder.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { NOT_A_FILE_HINT, specialKind } from './read-bounded.ts';

/** An entry of the content directory that cannot be read as a file or folder. */
interface Unwalkable {
  abs: string;
  message: string;
  hint: string;
}

/** Whether `path` is `folder` or lies inside it (both real paths): by path.relative, never by string prefix. */
function contains(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}

/**
 * Every file under `dir`, sorted, and the entries that cannot be read: a folder without read
 * permission, anything that is not a regular file or folder (a FIFO, a device, a socket), and every
 * symbolic link (docs/content-model.md, "Limits"): a file's place decides its collection and its
 * audience, and a link would give that place another file's bytes — a secret outside the content
 * (/proc/self/environ, .git/config) or an internal file inside it published under a public page's name.
 */
export function walk(dir: string): { files: string[]; bad: Unwalkable[] } {
  const out: string[] = [];
  const bad: Unwalkable[] = [];
  visit(dir, realpathSync(dir), out, bad);
  return { files: out, bad };
}

function visit(dir: string, root: string, out: string[], bad: Unwalkable[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    bad.push({ abs: dir, message: `this folder cannot be read (${(e as NodeJS.ErrnoException).code})`, hint: 'check its permissions' });
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const abs = join(dir, name);
    let st: Stats;
    try {
      st = lstatSync(abs);
    } catch (e) {
      bad.push({ abs, message: `this cannot be read (${(e as NodeJS.ErrnoException).code})`, hint: 'check its permissions' });
      continue;
    }
    if (st.isSymbolicLink()) bad.push(refuseLink(abs, root));
    else if (st.isDirectory()) visit(abs, root, out, bad);
    else if (st.isFile()) out.push(abs);
    // Never opened: a FIFO would block the check forever, a device never ends.
    else bad.push({ abs, message: `this is ${specialKind(st)}, not a file`, hint: NOT_A_FILE_HINT });
  }
}

/** Why a symbolic link is not read, naming where it leads; it is never followed into the walk. */
function refuseLink(abs: string, root: string): Unwalkable {
  let target: string;
  try {
    target = readlinkSync(abs);
  } catch (e) {
    return { abs, message: `this link cannot be read (${(e as NodeJS.ErrnoException).code})`, hint: 'check its permissions' };
  }
  const link = `this is a link to ${target}`;
  let real: string;
  let st: Stats;
  try {
    real = realpathSync(abs);
    st = statSync(real);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ELOOP'
      ? { abs, message: `${link}, which ${code === 'ELOOP' ? 'leads back to itself' : 'does not exist'}`, hint: 'delete the link' }
      : { abs, message: `${link}, which cannot be read (${code})`, hint: 'delete the link' };
  }
  const kind = specialKind(st);
  if (kind) return { abs, message: `${link}, ${kind}, not a file`, hint: NOT_A_FILE_HINT };
  const what = st.isDirectory() ? 'a folder' : 'a file';
  if (!contains(root, real))
    return {
      abs,
      message: `${link}, ${what} outside the content folder, so it is not read`,
      hint: 'content files are ordinary files inside the content folder: copy what belongs in the handbook here, or delete the link',
    };
  return {
    abs,
    message: `${link}, ${what} already in the content, so it is not read`,
    hint: "a file's place decides what it is and who may read it, so content holds no links: copy the file here, or delete the link",
  };
}
