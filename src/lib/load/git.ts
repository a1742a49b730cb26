// Git I/O for `okr diff`, `okr check --base` and the change history: the only place that runs git.
// Every function runs `git` with an argument array (no shell) and returns plain data; nothing here
// computes anything about OKRs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';

export class GitError extends Error {
  override name = 'GitError';
}

/** Run git; throws GitError with git's own message on failure. */
export function git(cwd: string, args: string[], input?: string): Buffer {
  const r = spawnSync('git', args, { cwd, input, maxBuffer: 1 << 30, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } });
  if (r.error) throw new GitError(`git is not available (${(r.error as NodeJS.ErrnoException).code ?? r.error.message})`);
  if (r.status !== 0) throw new GitError(r.stderr.toString('utf8').trim().split('\n')[0] || `git ${args[0]} failed`);
  return r.stdout;
}

const text = (cwd: string, args: string[]) => git(cwd, args).toString('utf8').trim();

/** The work tree root containing `dir`, or undefined when `dir` is not in a git repository (or git is missing). */
export function repoRoot(dir: string): string | undefined {
  try {
    return realpathSync(text(dir, ['rev-parse', '--show-toplevel']));
  } catch {
    return undefined;
  }
}

/** The full commit hash `ref` names, or undefined when it names no commit. */
export function resolveCommit(root: string, ref: string): string | undefined {
  if (ref.startsWith('-')) return undefined;
  try {
    return text(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]) || undefined;
  } catch {
    return undefined;
  }
}

/** Committer date of a commit as YYYY-MM-DD (UTC): when the change landed. */
export function commitDate(root: string, commit: string): string {
  const epoch = Number(text(root, ['show', '-s', '--format=%ct', commit]));
  return new Date(epoch * 1000).toISOString().slice(0, 10);
}

/** Path of `dir` relative to the repository root, with forward slashes ("content", "examples/fiscal-handbook"). */
export function pathInRepo(root: string, dir: string): string {
  let abs = dir;
  try {
    abs = realpathSync(dir);
  } catch {
    // A folder that does not exist (yet) is taken as written.
  }
  return relative(root, abs).split(sep).join('/');
}

/**
 * Write the tree `path` of `commit` into `into/path` (e.g. the content folder as it was at the base
 * of a pull request). Returns the number of files written; 0 when the path did not exist then.
 */
export function materialise(root: string, commit: string, path: string, into: string): number {
  const listing = git(root, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', path || '.'])
    .toString('utf8')
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split('\t') as [string, string];
      const [mode, type, sha] = meta.split(' ') as [string, string, string];
      return { mode, type, sha, file };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000');
  if (!listing.length) return 0;
  const blobs = readBlobs(
    root,
    listing.map((e) => e.sha),
  );
  for (const e of listing) {
    const target = join(into, ...e.file.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, blobs.get(e.sha) ?? Buffer.alloc(0));
  }
  return listing.length;
}

/** Read many objects in one `git cat-file --batch` call; names are object ids or `<commit>:<path>`. Missing ones are absent. */
export function readBlobs(root: string, names: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!names.length) return out;
  const buf = git(root, ['cat-file', '--batch'], `${names.join('\n')}\n`);
  let pos = 0;
  for (const name of names) {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) break;
    const header = buf.subarray(pos, nl).toString('utf8');
    pos = nl + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue; // "<name> missing" or "ambiguous"
    const size = Number(m[2]);
    if (m[1] === 'blob') out.set(name, buf.subarray(pos, pos + size));
    pos += size + 1;
  }
  return out;
}

export interface LogEntry {
  commit: string;
  author: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  subject: string;
  /** The file's path at that commit (it may have been renamed since). */
  path: string;
}

const LOG_FORMAT = '--format=%x1e%H%x1f%an%x1f%aI%x1f%s%x1f';

/** Commits of `git log -z` with LOG_FORMAT: each commit's fields and the NUL-separated names after them. */
function parseLog(raw: string): { commit: string; author: string; date: string; subject: string; names: string[] }[] {
  return raw
    .split('\x1e')
    .filter((r) => r.trim())
    .map((r) => {
      const [commit, author, date, subject, rest] = r.split('\x1f') as [string, string, string, string, string];
      return {
        commit,
        author,
        date,
        subject,
        names: rest
          .split('\0')
          .map((n) => n.replace(/^\n/, ''))
          .filter(Boolean),
      };
    });
}

/** `git log --follow` of one file, newest first, at most `max` commits. */
export function fileLog(root: string, file: string, max: number): LogEntry[] {
  const raw = git(root, ['log', '--follow', `--max-count=${max}`, '--no-color', '-z', '--name-only', LOG_FORMAT, '--', file]);
  return parseLog(raw.toString('utf8')).map(({ names, ...c }) => ({ ...c, path: names[0] ?? file }));
}

/**
 * What fileLog() gives for each of `files` (paths in the repository under `folder`), from one
 * `git log` of the folder instead of a process per file (which cost most of a large history's time).
 * Renames inside the folder are followed as --follow does; a file whose history may continue
 * outside the folder (it was added by a commit that renamed it from elsewhere) gets fileLog() itself.
 */
export function folderLogs(root: string, folder: string, files: readonly string[], max: number): Map<string, LogEntry[]> {
  const logs = new Map(files.map((f) => [f, [] as LogEntry[]]));
  if (!files.length) return logs;
  const raw = git(root, ['log', '-M', '--no-color', '-z', '--name-status', LOG_FORMAT, '--', folder]);
  // The files following each path at the commit being read (walking from newest to oldest): as
  // --follow does, a file follows a rename back to its old path, and keeps its path past an addition.
  const following = new Map(files.map((f) => [f, [f]]));
  /** Commits that added a followed file: [commit, path, file]. */
  const added: [string, string, string][] = [];
  const record = (file: string, entry: LogEntry) => {
    const log = logs.get(file)!;
    if (log.length >= max) return false;
    log.push(entry);
    return true;
  };
  for (const { names, ...c } of parseLog(raw.toString('utf8'))) {
    for (let i = 0; i < names.length;) {
      const status = names[i]!;
      const renamed = status.startsWith('R') || status.startsWith('C');
      const path = renamed ? names[i + 2]! : names[i + 1]!;
      const from = renamed ? names[i + 1]! : undefined;
      i += renamed ? 3 : 2;
      // A file still at the rename's old path sees it as that path's deletion.
      if (status.startsWith('R')) for (const file of following.get(from!) ?? []) record(file, { ...c, path: from! });
      const files = following.get(path);
      if (!files) continue;
      for (const file of files) if (record(file, { ...c, path }) && status === 'A') added.push([c.commit, path, file]);
      if (status.startsWith('R')) {
        following.delete(path);
        following.set(from!, [...(following.get(from!) ?? []), ...files]);
      }
    }
  }
  // Renames into the folder from outside it show as additions here: ask git about those commits
  // (one call), and let fileLog() follow the files that came from elsewhere.
  if (added.length) {
    const commits = [...new Set(added.map(([commit]) => commit))];
    const out = git(root, ['diff-tree', '--stdin', '-M', '-r', '-z', '--name-status'], `${commits.join('\n')}\n`).toString('utf8');
    const renamedHere = new Set<string>();
    let commit = '';
    const tokens = out.split('\0');
    for (let i = 0; i < tokens.length;) {
      const t = tokens[i]!.replace(/^\n/, '');
      if (/^[0-9a-f]{40,64}$/.test(t)) {
        commit = t;
        i++;
      } else if (/^[RC]\d*$/.test(t)) {
        renamedHere.add(`${commit}\0${tokens[i + 2]}`);
        i += 3;
      } else i += t ? 2 : 1;
    }
    for (const [c, path, file] of added) if (renamedHere.has(`${c}\0${path}`)) logs.set(file, fileLog(root, file, max));
  }
  return logs;
}

export interface ContentAtRef {
  /** The content folder as it was at the commit (inside `cwd`, at its path in the repository). */
  dir: string;
  /** A temporary root standing in for the repository root, so file names read "content/okrs/…". */
  cwd: string;
  commit: string;
  /** Committer date, YYYY-MM-DD (UTC). */
  date: string;
  /** Remove the temporary copy. */
  cleanup: () => void;
}

/**
 * The content folder `contentDir` as it was at `ref`, written to a temporary directory.
 * Throws GitError when there is no repository or the ref names no commit.
 */
export function contentAtRef(contentDir: string, ref: string, cwd = process.cwd()): ContentAtRef {
  const root = repoRoot(existingAncestor(contentDir));
  const shown = relative(cwd, contentDir) || '.';
  if (!root)
    throw new GitError(`'${ref}' is not a directory, and ${shown} is not in a git repository (compare two content directories instead)`);
  const commit = resolveCommit(root, ref);
  if (!commit)
    throw new GitError(
      `'${ref}' is neither a directory nor a git commit (fetch it first, e.g. git fetch origin ${ref.replace(/^origin\//, '')})`,
    );
  const path = pathInRepo(root, contentDir);
  if (path.startsWith('..')) throw new GitError(`${shown} is outside the git repository at ${root}`);
  const tmp = mkdtempSync(join(tmpdir(), 'okr-ref-'));
  const dir = path ? join(tmp, ...path.split('/')) : tmp;
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(dir, { recursive: true });
    materialise(root, commit, path, tmp);
    return { dir, cwd: tmp, commit, date: commitDate(root, commit), cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

function existingAncestor(dir: string): string {
  let d = dir;
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}
