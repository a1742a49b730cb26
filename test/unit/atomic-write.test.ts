// The one atomic-write helper every command and the build use: whole files or none, nothing left behind
// on failure, no clobbering when asked not to, and folders swapped so the previous one survives a failure.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeFsError,
  recoverDir,
  replaceDir,
  TEMP_NAME,
  tempPathFor,
  writeDirAtomic,
  writeFileAtomic,
  writeFilesAtomic,
} from '../../src/lib/load/atomic-write.ts';

const scratch = () => mkdtempSync(join(tmpdir(), 'okr-atomic-'));
const all = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, keeping its permissions, with no temporary file left', () => {
    const dir = scratch();
    const file = join(dir, 'a', 'b.yaml');
    writeFileAtomic(file, 'one\n');
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'two\n');
    expect(readFileSync(file, 'utf8')).toBe('two\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(all(dir)).toEqual(['a', 'a/b.yaml']);
  });

  it('exclusive: refuses an existing file (EEXIST) and leaves it and nothing else', () => {
    const dir = scratch();
    const file = join(dir, 'x.yaml');
    writeFileSync(file, 'mine');
    expect(() => writeFileAtomic(file, 'theirs', { exclusive: true })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(all(dir)).toEqual(['x.yaml']);
  });

  it('a failed write leaves the previous file and no temporary file', () => {
    const dir = scratch();
    // The target is a folder: the rename fails after the temporary file was written.
    mkdirSync(join(dir, 'target.yaml'));
    writeFileSync(join(dir, 'target.yaml', 'inside'), 'kept');
    expect(() => writeFileAtomic(join(dir, 'target.yaml'), 'new')).toThrow();
    expect(all(dir)).toEqual(['target.yaml', 'target.yaml/inside']);
  });

  it('names its temporary files so the content loader skips them and the caches prune them', () => {
    const name = tempPathFor('/c/periods/2025-Q2.yaml').split('/').pop()!;
    expect(name.startsWith('.')).toBe(true);
    expect(TEMP_NAME.test(name)).toBe(true);
    expect(TEMP_NAME.test('2025-Q2.yaml')).toBe(false);
  });
});

describe('writeFilesAtomic', () => {
  it('writes all or none: a failure on the last file leaves the earlier ones as they were', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'kept.yaml'), 'old');
    writeFileSync(join(dir, 'blocker'), 'a file where a folder is needed');
    expect(() =>
      writeFilesAtomic([
        [join(dir, 'kept.yaml'), 'new'],
        [join(dir, 'fresh.yaml'), 'new'],
        [join(dir, 'blocker', 'c.yaml'), 'new'],
      ]),
    ).toThrow(expect.objectContaining({ code: expect.stringMatching(/^(ENOTDIR|EEXIST)$/) }));
    expect(readFileSync(join(dir, 'kept.yaml'), 'utf8')).toBe('old');
    expect(all(dir)).toEqual(['blocker', 'kept.yaml']);
  });

  it('undoes the renames already done when a later one fails (exclusive: a file appeared)', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'b.yaml'), 'theirs');
    expect(() =>
      writeFilesAtomic(
        [
          [join(dir, 'a.yaml'), 'mine'],
          [join(dir, 'b.yaml'), 'mine'],
        ],
        { exclusive: true },
      ),
    ).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(all(dir)).toEqual(['b.yaml']);
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe('theirs');
  });
});

describe('folders', () => {
  it('writeDirAtomic builds a folder whole and never over an existing one', () => {
    const dir = scratch();
    writeDirAtomic(join(dir, 'v1'), [
      ['manifest.json', '{}'],
      ['sub/leaves.jsonl', ''],
    ]);
    expect(all(dir)).toEqual(['v1', 'v1/manifest.json', 'v1/sub', 'v1/sub/leaves.jsonl']);
    expect(() => writeDirAtomic(join(dir, 'v1'), [['manifest.json', 'x']])).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(join(dir, 'v1/manifest.json'), 'utf8')).toBe('{}');
    expect(all(dir)).toHaveLength(4);
  });

  it('replaceDir swaps a folder in; recoverDir puts the previous one back after a kill mid-swap', () => {
    const dir = scratch();
    const target = join(dir, 'dist');
    mkdirSync(target);
    writeFileSync(join(target, 'old.html'), 'old');
    const next = join(dir, 'staging');
    mkdirSync(next);
    writeFileSync(join(next, 'new.html'), 'new');
    replaceDir(next, target);
    expect(all(dir)).toEqual(['dist', 'dist/new.html']);

    // A process killed between the two renames: the previous folder is set aside, the target missing.
    const aside = tempPathFor(target, 'old');
    renameSync(target, aside);
    recoverDir(target);
    expect(all(dir)).toEqual(['dist', 'dist/new.html']);
  });

  it('replaceDir puts the previous folder back when the new one cannot be moved in', () => {
    // Moving a folder into itself fails (EINVAL) after the previous target was set aside.
    const from = scratch();
    const target = join(from, 'dist');
    mkdirSync(target);
    writeFileSync(join(target, 'old.html'), 'old');
    expect(() => replaceDir(from, target)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(all(from)).toEqual(['dist', 'dist/old.html']);
  });
});

describe('describeFsError', () => {
  it('gives one line for the errors of a full disk or a read-only folder, and nothing for a bug', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write', path: 'dist/x' });
    expect(describeFsError(full)).toBe('no space left on the device (ENOSPC in write dist/x)');
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EROFS', syscall: 'open' }))).toBe(
      'the file system is read-only (EROFS in open)',
    );
    expect(describeFsError(new TypeError('undefined is not a function'))).toBeUndefined();
  });
});
