// Reads the bulk of a large handbook (its key-result files) on two threads: a worker and this thread
// take files from one shared counter. The loader stays synchronous — this thread waits with
// Atomics.wait and takes the worker's results with receiveMessageOnPort — so callers keep one simple
// call. Results are keyed by path and used in file order, so output is the same however work is split.
// The worker sends each file's result as soon as it has it, and this thread takes them in between its
// own files: copying results across threads then happens while both are busy, not after.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { YamlCollection } from '../source/content.ts';
import { fromCache, parseFile, readText, type ParsedFile } from './parse-file.ts';
import type { ParseCache } from './parse-cache.ts';
import { startParseWorker, takeParseWorker, WORKER_URL } from './parse-thread.ts';

export interface ParseJob {
  abs: string;
  /** The path shown in messages. */
  file: string;
  kind: YamlCollection;
}

/** Below this many files a second thread costs more to start than it saves. */
const MIN_FILES = 200;
/** A worker that has not answered by then is given up on; this thread then parses its files itself. */
const WAIT_MS = 120_000;

/** A file the parse cache has: its text and the entry, for the loader's thread to decode (a string crosses threads cheaply). */
export interface CachedJob {
  text: string;
  key: string;
  entry: string;
}

/**
 * Read one file as the loader would: parsed (and stored in the cache, if any), or the cache's entry;
 * undefined for files the loader reports before parsing (unreadable, not UTF-8, empty).
 */
export function readJob(job: ParseJob, cache?: ParseCache): ParsedFile | CachedJob | undefined {
  const read = readText(job.abs);
  if ('problem' in read || read.text.trim() === '') return undefined;
  const { text } = read;
  if (!cache) return parseFile(job.file, text, job.kind).parsed;
  const key = cache.key(job.kind, text);
  const entry = cache.read(key);
  return entry === undefined ? fromCache(job.file, text, job.kind, cache, key, undefined).parsed : { text, key, entry };
}

/** A job's result on the loader's thread. */
function resolveJob(job: ParseJob, r: ParsedFile | CachedJob, cache?: ParseCache): ParsedFile {
  return 'entry' in r ? fromCache(job.file, r.text, job.kind, cache!, r.key, r.entry).parsed : r;
}

/** Parsed files by absolute path (files missing from `files` are left to the caller) and how many the worker parsed. */
export function parseInParallel(jobs: readonly ParseJob[], cache?: ParseCache): { files: Map<string, ParsedFile>; byWorker: number } {
  const out = new Map<string, ParsedFile>();
  let byWorker = 0;
  const early = takeParseWorker();
  // Only from source: in a bundle (Astro's pages) the worker file is not beside this one.
  if (jobs.length < MIN_FILES || availableParallelism() < 2 || WORKER_URL.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER_URL))) {
    void early?.terminate();
    return { files: out, byWorker };
  }
  // shared[0]: the worker is done; shared[1]: the next job to take; shared[2]: the worker has started.
  // Both threads take jobs one at a time, so neither waits for the other (the worker starts later:
  // it first loads its modules).
  const shared = new Int32Array(new SharedArrayBuffer(12));
  const { port1, port2 } = new MessageChannel();
  const worker = early ?? startParseWorker();
  const cacheIn = cache && { dir: cache.dir, code: cache.code, readOnly: cache.readOnly };
  worker.postMessage({ jobs, shared, port: port2, cache: cacheIn }, [port2]);
  // Each message is one file's [job index, result]; the worker's own failure leaves its files to the caller.
  const receive = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const [i, read] = m.message as [number, ParsedFile | CachedJob];
      out.set(jobs[i]!.abs, resolveJob(jobs[i]!, read, cache));
      byWorker++;
    }
  };
  for (let i = Atomics.add(shared, 1, 1); i < jobs.length; i = Atomics.add(shared, 1, 1)) {
    const read = readJob(jobs[i]!, cache);
    if (read) out.set(jobs[i]!.abs, resolveJob(jobs[i]!, read, cache));
    receive();
  }
  // A worker that never started has no files: don't wait for it.
  if (Atomics.load(shared, 2) === 1) Atomics.wait(shared, 0, 0, WAIT_MS);
  receive();
  port1.close();
  void worker.terminate();
  return { files: out, byWorker };
}
