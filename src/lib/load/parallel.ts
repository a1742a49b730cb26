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
import { parseFile, readText, type ParsedFile, type YamlCollection } from './index.ts';
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

/** Parse one file as the loader would; undefined for files the loader reports before parsing (not UTF-8, empty). */
export function parseJob(job: ParseJob): ParsedFile | undefined {
  const text = readText(job.abs);
  return text === undefined || text.trim() === '' ? undefined : parseFile(job.file, text, job.kind).parsed;
}

/** Parsed files by absolute path (files missing from `files` are left to the caller) and how many the worker parsed. */
export function parseInParallel(jobs: readonly ParseJob[]): { files: Map<string, ParsedFile>; byWorker: number } {
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
  worker.postMessage({ jobs, shared, port: port2 }, [port2]);
  // Each message is one file's [path, result]; the worker's own failure leaves its files to the caller.
  const receive = () => {
    for (let m = receiveMessageOnPort(port1); m; m = receiveMessageOnPort(port1)) {
      const [abs, parsed] = m.message as [string, ParsedFile];
      out.set(abs, parsed);
      byWorker++;
    }
  };
  for (let i = Atomics.add(shared, 1, 1); i < jobs.length; i = Atomics.add(shared, 1, 1)) {
    const parsed = parseJob(jobs[i]!);
    if (parsed) out.set(jobs[i]!.abs, parsed);
    receive();
  }
  // A worker that never started has no files: don't wait for it.
  if (Atomics.load(shared, 2) === 1) Atomics.wait(shared, 0, 0, WAIT_MS);
  receive();
  port1.close();
  void worker.terminate();
  return { files: out, byWorker };
}
