// Nothing destructive, on real failures: a full disk, a read-only folder, an output folder on another
// file system, a signal, two builds at once. Each leaves the previous output and the content as they
// were, says what happened in one line (no stack trace), and leaves no temporary file behind.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inMountNamespace } from '../faults.ts';
import { copyContent, ROOT } from '../helpers.ts';
import { DIFF_FIXTURE } from '../git-helpers.ts';

const BASE = join(ROOT, 'test/fixtures/bad-input/base');
const EPOCH = { SOURCE_DATE_EPOCH: '1896134400' }; // 2030-02-01
const STACK = /\n\s+at .+:\d+:\d+/;

/** Every entry under `dir`, hidden ones included. */
const tree = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

/** An output folder holding what "the previous build" left, and its parent. */
function previousOutput() {
  const parent = mkdtempSync(join(tmpdir(), 'okr-faults-'));
  const out = join(parent, 'site');
  mkdirSync(join(out, 'periods'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<p>the previous build</p>');
  return { parent, out };
}
const isPrevious = (out: string) => readFileSync(join(out, 'index.html'), 'utf8') === '<p>the previous build</p>';

/** The shell lines that build BASE into $OUT as `npm run build` does, recording the exit code. */
const BUILD = '"$NODE" "$ROOT/scripts/build.ts" > "$LOG" 2>&1 && echo 0 > "$LOG.code" || echo $? > "$LOG.code"';

function buildIn(script: string, env: Record<string, string>) {
  const log = join(mkdtempSync(join(tmpdir(), 'okr-faults-log-')), 'build.log');
  const r = inMountNamespace(script, { ...EPOCH, OKR_CONTENT: BASE, OKR_CACHE_DIR: `${log}.cache`, LOG: log, ...env });
  expect(r.code, r.stderr).toBe(0);
  return { code: Number(readFileSync(`${log}.code`, 'utf8')), log: readFileSync(log, 'utf8') };
}

describe('okr new on a full disk or a read-only folder', () => {
  it('a full disk: one line naming it, no temporary file, and the next okr check passes', () => {
    const disk = mkdtempSync(join(tmpdir(), 'okr-full-'));
    const r = inMountNamespace(
      `mount -t tmpfs -o size=512k tmpfs "$DISK"
       cp -r "$FIXTURE" "$DISK/content"
       dd if=/dev/zero of="$DISK/filler" bs=4k 2>/dev/null || true
       "$NODE" scripts/okr.ts new 2025-Q2 --from 2025-Q1 --content "$DISK/content" 2>&1 && echo "exit 0" || echo "exit $?"
       echo "leftovers: $(find "$DISK/content" -name '*.tmp*' | wc -l)"
       rm "$DISK/filler"
       "$NODE" scripts/okr.ts check --content "$DISK/content" > /dev/null 2>&1 && echo "check 0" || echo "check $?"`,
      { DISK: disk, FIXTURE: DIFF_FIXTURE },
    );
    expect(r.code, r.stderr).toBe(0);
    const [line, exit, leftovers, check] = r.stdout.trimEnd().split('\n');
    expect(line).toMatch(/^okr new: no space left on the device \(ENOSPC in write\); no file was left half-written$/);
    expect(exit).toBe('exit 1');
    expect(leftovers).toBe('leftovers: 0');
    expect(check).toBe('check 0');
  });

  it('a read-only content folder: one line naming it, the content unchanged', () => {
    const content = copyContent(DIFF_FIXTURE);
    const before = tree(content);
    const r = inMountNamespace(
      `mount --bind "$C" "$C" && mount -o remount,bind,ro "$C"
       "$NODE" scripts/okr.ts new 2025-Q2 --from 2025-Q1 --content "$C" 2>&1 && echo "exit 0" || echo "exit $?"`,
      { C: content },
    );
    expect(r.stdout).toMatch(/^okr new: the file system is read-only \(EROFS in open .*\); no file was left half-written\nexit 1\n$/);
    expect(tree(content)).toEqual(before);
  });
});

describe('a build that fails keeps the previous output, in one line', () => {
  it('a full disk while building: the previous output stays, the staging folder goes', () => {
    const { out } = previousOutput();
    const r = buildIn(
      `mkdir -p .astro/okr-build && mount -t tmpfs -o size=1m tmpfs .astro/okr-build\n${BUILD}\nls -A .astro/okr-build >> "$LOG"`,
      {
        OKR_OUT_DIR: out,
      },
    );
    expect(r.code).toBe(1);
    expect(r.log).toMatch(/^build failed: no space left on the device \(ENOSPC in \w+.*\); the previous output was left as it was$/m);
    expect(r.log).not.toMatch(STACK);
    expect(r.log.trimEnd().split('\n').at(-1)).toMatch(/^build failed/); // and nothing left in the staging area
    expect(isPrevious(out)).toBe(true);
  });

  it('a read-only output folder: refused before building, in one line', () => {
    const { parent, out } = previousOutput();
    const r = buildIn(`mount --bind "$P" "$P" && mount -o remount,bind,ro "$P"\n${BUILD}`, { P: parent, OKR_OUT_DIR: out });
    expect(r.code).toBe(1);
    expect(r.log).toMatch(/^build failed: the file system is read-only \(EROFS in open .*\); the previous output was left as it was$/m);
    expect(r.log).not.toMatch(STACK);
    expect(isPrevious(out)).toBe(true);
    expect(tree(parent)).toEqual(['site', 'site/index.html', 'site/periods']);
  });

  it('an output folder on another file system is replaced whole; when it fills up, the previous one stays', () => {
    const big = previousOutput();
    const ok = buildIn(
      `mount -t tmpfs -o size=64m tmpfs "$P" && mkdir -p "$OKR_OUT_DIR/periods" && echo old > "$OKR_OUT_DIR/stale.html"
      ${BUILD}
      ls -A "$P" >> "$LOG"; test -f "$OKR_OUT_DIR/pagefind/pagefind.js" && echo complete >> "$LOG"; test -e "$OKR_OUT_DIR/stale.html" || echo replaced >> "$LOG"`,
      {
        P: big.parent,
        OKR_OUT_DIR: big.out,
      },
    );
    expect(ok.code, ok.log).toBe(0);
    expect(ok.log.trimEnd().split('\n').slice(-3)).toEqual(['site', 'complete', 'replaced']);

    const small = previousOutput();
    const full = buildIn(
      `mount -t tmpfs -o size=600k tmpfs "$P" && mkdir -p "$OKR_OUT_DIR" && echo previous > "$OKR_OUT_DIR/index.html"
      ${BUILD}
      echo "$(cat "$OKR_OUT_DIR/index.html") $(ls -A "$P")" >> "$LOG"`,
      { P: small.parent, OKR_OUT_DIR: small.out },
    );
    expect(full.code).toBe(1);
    expect(full.log).toMatch(
      /^build failed: no space left on the device \(ENOSPC in copyfile .*\); the previous output was left as it was$/m,
    );
    expect(full.log).not.toMatch(STACK);
    expect(full.log.trimEnd().split('\n').at(-1)).toBe('previous site');
  });
});

describe('signals and concurrent builds', () => {
  const start = (out: string, cache: string) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...EPOCH,
        OKR_CONTENT: BASE,
        OKR_OUT_DIR: out,
        OKR_CACHE_DIR: cache,
        NO_COLOR: '1',
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    });
    let log = '';
    child.stdout.on('data', (d) => (log += d));
    child.stderr.on('data', (d) => (log += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const seen = (re: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const timer = setInterval(() => {
          if (re.test(log) || child.exitCode !== null) clearInterval(timer);
          if (re.test(log)) resolve();
          else if (child.exitCode !== null) reject(new Error(`exited before ${re}:\n${log}`));
        }, 50);
      });
    return { child, exited, seen, log: () => log };
  };

  it('SIGTERM while pages are written: exit 143, one line, the previous output kept, nothing left behind', async () => {
    const { out } = previousOutput();
    const b = start(out, `${out}.cache`);
    await b.seen(/generating static routes/);
    // Frozen while the signal is sent, so it lands while pages are written whatever the machine's pace.
    b.child.kill('SIGSTOP');
    b.child.kill('SIGTERM');
    b.child.kill('SIGCONT');
    expect(await b.exited).toBe(143);
    expect(b.log()).toMatch(/stopped by SIGTERM; nothing was published, .*site was left as it was/);
    expect(b.log()).not.toMatch(STACK);
    expect(isPrevious(out)).toBe(true);
    expect(existsSync(join(ROOT, '.astro/okr-build.lock'))).toBe(false);
    expect(existsSync(join(ROOT, '.astro/okr-build')) ? readdirSync(join(ROOT, '.astro/okr-build')) : []).toEqual([]);
  });

  it('two builds at once: the second says it waits for the first, and both publish a complete site', async () => {
    const [a, b] = [previousOutput(), previousOutput()];
    const first = start(a.out, `${a.out}.cache`);
    await first.seen(/okr-handbook/); // it holds the lock
    // Paused while the second starts, so the two overlap whatever the machine's pace.
    first.child.kill('SIGSTOP');
    const second = start(b.out, `${b.out}.cache`);
    try {
      await second.seen(/another build of this project is running \(pid \d+, started .*\); waiting for it to finish/);
    } finally {
      first.child.kill('SIGCONT');
    }
    expect(await Promise.all([first.exited, second.exited])).toEqual([0, 0]);
    for (const { out } of [a, b]) {
      expect(isPrevious(out)).toBe(false);
      expect(existsSync(join(out, 'pagefind/pagefind.js'))).toBe(true);
    }
  });
});
