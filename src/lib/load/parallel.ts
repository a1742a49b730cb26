// Reads the bulk of a large handbook (its key-result files) on two threads: a worker parses half
// while this thread parses the other. The loader stays synchronous — this thread waits with
// Atomics.wait and takes the worker's results with receiveMessageOnPort — so callers keep one simple
// call. Results are keyed by path and used in file order, so output is the same however work is split.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { parseFile, readText, type ParsedFile, type YamlCollection } from './index.ts';

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
const WORKER = new URL('./parse-worker.ts', import.meta.url);

/** Parse one file as the loader would; undefined for files the loader reports before parsing (not UTF-8, empty). */
export function parseJob(job: ParseJob): ParsedFile | undefined {
  const text = readText(job.abs);
  return text === undefined || text.trim() === '' ? undefined : parseFile(job.file, text, job.kind).parsed;
}

/** Parsed files by absolute path; files missing from the map are left to the caller. */
export function parseInParallel(jobs: readonly ParseJob[]): Map<string, ParsedFile> {
  const out = new Map<string, ParsedFile>();
  // Only from source: in a bundle (Astro's pages) the worker file is not beside this one.
  if (jobs.length < MIN_FILES || availableParallelism() < 2 || WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER)))
    return out;
  const split = Math.ceil(jobs.length / 2);
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { workerData: { jobs: jobs.slice(split), signal, port: port2 }, transferList: [port2] });
  worker.unref();
  for (const job of jobs.slice(0, split)) {
    const parsed = parseJob(job);
    if (parsed) out.set(job.abs, parsed);
  }
  Atomics.wait(signal, 0, 0, WAIT_MS);
  const reply = receiveMessageOnPort(port1)?.message as [string, ParsedFile][] | null | undefined;
  port1.close();
  void worker.terminate();
  for (const [abs, parsed] of reply ?? []) out.set(abs, parsed);
  return out;
}
