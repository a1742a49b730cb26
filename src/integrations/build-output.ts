// Where a build writes and how it is published, so that no failure destroys the previous output.
//
// - One build at a time per project: builds share Astro's `.astro/` folder (its list of content
//   modules is rewritten by every build and read back later in the same build), so a second build
//   waits for the first, saying so, rather than reading the other's files.
// - A build writes into a staging folder of its own under `.astro/okr-build/` in the working folder.
//   Astro puts its prerender bundle inside the output folder only when that folder is under the working
//   folder (else in a shared `.astro/.prerender`, moved with rename(), which fails across file systems),
//   so staging there gives every build its own prerender folder, whatever OKR_OUT_DIR says.
// - Once every page, image and the search index are done, the staging folder replaces the output
//   folder in one swap (src/lib/load/atomic-write.ts), copied first when the output is on another file
//   system. Anything that fails before — invalid content, a full disk, a read-only folder, a signal —
//   leaves the previous output as it was and removes the staging folder.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { recoverDir, replaceDir, tempPathFor } from '../lib/load/atomic-write.ts';

interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

interface Holder {
  pid: number;
  host: string;
  started: string;
}

/** A lock whose holder has not shown signs of life for this long is taken over (a machine that was reset). */
const STALE_MS = 5 * 60_000;
const HEARTBEAT_MS = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(file: string): (Holder & { beat: number }) | undefined {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Holder;
    return { ...h, beat: statSync(file).mtimeMs };
  } catch {
    return undefined; // Being written or removed just now.
  }
}

const stale = (h: Holder & { beat: number }) => (h.host === hostname() && !alive(h.pid)) || Date.now() - h.beat > STALE_MS;

/**
 * Take the project's build lock (`file`), waiting while another live build holds it. Returns its
 * release. The holder touches the file while it builds, so a lock left by a machine that went away
 * is taken over after STALE_MS; one left by a dead process on this machine at once.
 */
export async function acquireBuildLock(file: string, logger: Logger): Promise<() => void> {
  mkdirSync(join(file, '..'), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() } satisfies Holder));
      closeSync(fd);
      const beat = setInterval(() => {
        const now = new Date();
        try {
          utimesSync(file, now, now);
        } catch {
          // Removed by hand: the build goes on.
        }
      }, HEARTBEAT_MS).unref();
      return () => {
        clearInterval(beat);
        if (holderOf(file)?.pid === process.pid) rmSync(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = holderOf(file);
    if (holder && stale(holder)) {
      rmSync(file, { force: true });
      continue;
    }
    if (!announced && holder) {
      logger.warn(`another build of this project is running (pid ${holder.pid}, started ${holder.started}); waiting for it to finish`);
      announced = true;
    }
    await sleep(500);
  }
}

export interface Staged {
  staging: string;
  final: string;
  published: boolean;
}

/**
 * Prepare a build into `final`: put back an output folder a killed build had set aside, remove the
 * staging folders of builds that died, and name this build's staging folder.
 */
export function stageBuild(final: string, cwd = process.cwd()): Staged {
  recoverDir(final);
  // Fail now, not after the whole build, when the output cannot be written (a read-only folder).
  const probe = tempPathFor(final, 'probe');
  mkdirSync(dirname(final), { recursive: true });
  writeFileSync(probe, '');
  rmSync(probe);
  const base = join(cwd, '.astro', 'okr-build');
  mkdirSync(base, { recursive: true });
  // Under the project lock no other build is running: any staging folder here is a dead build's.
  for (const name of readdirSync(base)) rmSync(join(base, name), { recursive: true, force: true });
  return { staging: join(base, `${basename(final)}-${process.pid}`), final, published: false };
}

/** Move the finished build into place (see the top of this file). */
export function publish(staged: Staged): void {
  replaceDir(staged.staging, staged.final);
  staged.published = true;
}

/**
 * Remove what an unpublished build wrote; the output folder is never touched here. Writes still in
 * flight on other threads may add files meanwhile: the removal is retried, and what is left after all
 * is the next build's to remove (stageBuild), never an error here.
 */
export function discard(staged: Staged): void {
  if (staged.published) return;
  try {
    rmSync(staged.staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  } catch {
    // Left for the next build.
  }
}

const SIGNALS = [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const;

/**
 * Stop on a signal between steps rather than in one: the publishing swap is synchronous, so a handler
 * never runs in the middle of it. Exiting runs the exit handlers (staging removed, lock released).
 */
export function stopOnSignals(staged: Staged, logger: Logger): void {
  for (const [signal, code] of SIGNALS)
    process.once(signal, () => {
      logger.error(
        staged.published
          ? `stopped by ${signal} after ${staged.final} was published`
          : `stopped by ${signal}; nothing was published, ${staged.final} was left as it was`,
      );
      process.exit(code);
    });
}
