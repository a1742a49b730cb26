// Temporary git repositories for the diff, check --base and history tests.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIFF_FIXTURE = resolve(import.meta.dirname, 'fixtures/diff');

export interface TempRepo {
  root: string;
  /** The content folder inside the repository. */
  content: string;
  git: (...args: string[]) => string;
  /** Commit everything with a fixed author and date (ISO 8601). */
  commit: (message: string, date: string, author?: string) => string;
}

/** A new repository holding a copy of `fixture` in content/ (changed by `prepare`), committed once at `date`. */
export function tempRepo(date: string, opts: { fixture?: string; prepare?: (content: string) => void } = {}): TempRepo {
  const root = mkdtempSync(join(tmpdir(), 'okr-repo-'));
  const content = join(root, 'content');
  cpSync(opts.fixture ?? DIFF_FIXTURE, content, { recursive: true });
  opts.prepare?.(content);
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_SYSTEM: '/dev/null' },
    }).trim();
  const commit = (message: string, when: string, author = 'Ada Chief') => {
    git('add', '-A');
    execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message], {
      cwd: root,
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_SYSTEM: '/dev/null',
        GIT_AUTHOR_NAME: author,
        GIT_AUTHOR_EMAIL: 'owner@example.com',
        GIT_COMMITTER_NAME: author,
        GIT_COMMITTER_EMAIL: 'owner@example.com',
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_DATE: when,
      },
    });
    return git('rev-parse', 'HEAD');
  };
  git('init', '-q', '-b', 'main');
  commit('Q1 2025 OKRs', date);
  return { root, content, git, commit };
}
