// The change history reads one `git log` of the okrs folder (src/lib/load/git.ts folderLogs) instead
// of a `git log --follow` per file: each file's log must be exactly what --follow gives it, through
// renames inside the folder, moves from outside it, deletions and re-additions, and the commit limit.
import { mkdirSync, renameSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLog, folderLogs } from '../../src/lib/load/git.ts';
import { tempRepo } from '../git-helpers.ts';

describe('folderLogs', () => {
  const repo = tempRepo('2025-01-01T10:00:00Z');
  const at = (p: string) => join(repo.root, p);
  const write = (p: string, text: string) => (mkdirSync(dirname(at(p)), { recursive: true }), writeFileSync(at(p), text));
  const move = (from: string, to: string) => (mkdirSync(dirname(at(to)), { recursive: true }), renameSync(at(from), at(to)));
  // Long enough that git sees a moved file with a changed line as a rename.
  const body = (name: string) => Array.from({ length: 30 }, (_, i) => `line ${i} of ${name}`).join('\n') + '\n';
  let day = 1;
  const commit = (message: string) => repo.commit(message, `2025-02-${String(day++).padStart(2, '0')}T10:00:00Z`);

  write('content/okrs/2025-Q1/alpha.yaml', body('alpha'));
  write('content/okrs/2025-Q1/gone.yaml', body('gone'));
  write('archive/beta.yaml', body('beta'));
  write('content/okrs/2025-Q1/ünïcødé team.yaml', body('unicode'));
  commit('start');
  for (let i = 0; i < 4; i++) {
    appendFileSync(at('content/okrs/2025-Q1/alpha.yaml'), `check-in ${i}\n`);
    commit(`alpha check-in ${i}`);
  }
  move('content/okrs/2025-Q1/alpha.yaml', 'content/okrs/2025-Q2/alpha.yaml');
  commit('alpha moves to Q2');
  appendFileSync(at('content/okrs/2025-Q2/alpha.yaml'), 'after the move\n');
  move('archive/beta.yaml', 'content/okrs/2025-Q2/beta.yaml');
  commit('beta moves into the handbook');
  rmSync(at('content/okrs/2025-Q1/gone.yaml'));
  commit('gone is deleted');
  write('content/okrs/2025-Q1/gone.yaml', body('gone again'));
  write('content/okrs/2025-Q1/alpha.yaml', body('a new alpha'));
  appendFileSync(at('content/okrs/2025-Q1/ünïcødé team.yaml'), 'edited\n');
  commit('gone is back, a new alpha');

  const files = repo.git('ls-files', '-z', '--', 'content/okrs').split('\0').filter(Boolean).sort();

  it.each([3, 20])('gives each file the log git log --follow gives it (at most %i commits)', (max) => {
    const logs = folderLogs(repo.root, 'content/okrs', files, max);
    expect([...logs.keys()]).toEqual(files);
    for (const file of files) expect(logs.get(file), file).toEqual(fileLog(repo.root, file, max));
  });

  it('follows renames, moves from outside the folder and re-additions', () => {
    const logs = folderLogs(repo.root, 'content/okrs', files, 20);
    const subjects = (f: string) => logs.get(f)!.map((e) => e.subject);
    expect(files).toEqual([
      'content/okrs/2025-Q1/alpha.yaml',
      'content/okrs/2025-Q1/company.yaml',
      'content/okrs/2025-Q1/engineering.yaml',
      'content/okrs/2025-Q1/gone.yaml',
      'content/okrs/2025-Q1/ünïcødé team.yaml',
      'content/okrs/2025-Q2/alpha.yaml',
      'content/okrs/2025-Q2/beta.yaml',
    ]);
    expect(subjects('content/okrs/2025-Q2/alpha.yaml')).toEqual([
      'beta moves into the handbook',
      'alpha moves to Q2',
      'alpha check-in 3',
      'alpha check-in 2',
      'alpha check-in 1',
      'alpha check-in 0',
      'start',
    ]);
    expect(logs.get('content/okrs/2025-Q2/alpha.yaml')!.at(-1)!.path).toBe('content/okrs/2025-Q1/alpha.yaml');
    expect(subjects('content/okrs/2025-Q2/beta.yaml')).toEqual(['beta moves into the handbook', 'start']);
    expect(logs.get('content/okrs/2025-Q2/beta.yaml')!.at(-1)!.path).toBe('archive/beta.yaml');
    expect(subjects('content/okrs/2025-Q1/gone.yaml')).toEqual(['gone is back, a new alpha', 'gone is deleted', 'start']);
    expect(subjects('content/okrs/2025-Q1/ünïcødé team.yaml')).toEqual(['gone is back, a new alpha', 'start']);
  });
});
