// Reading a content file never follows a symbolic link, even one swapped in after the folder was
// listed (the walk, src/lib/load/walk.ts, refuses the links it sees).
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBounded } from '../../src/lib/load/read-bounded.ts';

describe('readBounded', () => {
  it('reads a regular file, and refuses a link to one without reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-read-'));
    writeFileSync(join(dir, 'secret.yaml'), 'token: CANARY\n');
    symlinkSync(join(dir, 'secret.yaml'), join(dir, 'page.mdx'));
    expect(readBounded(join(dir, 'secret.yaml'))).toEqual({ bytes: Buffer.from('token: CANARY\n') });
    expect(readBounded(join(dir, 'page.mdx'))).toEqual({ problem: 'this is a symbolic link, so it is not read', hint: expect.any(String) });
  });
});
