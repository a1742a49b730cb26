#!/usr/bin/env node
// The `okr` CLI: `npm run --silent okr -- <command> [options]`. Each command lives in ./commands.
// Commands are imported when run: `okr check` in a pull request should not load the importer.
import { enableCompileCache } from 'node:module';
import { describeFsError } from '../src/lib/load/atomic-write.ts';
import { prestartParseWorker } from '../src/lib/load/parse-thread.ts';

// Node keeps the compiled (and type-stripped) modules on disk between runs: a few hundred ms of every
// `okr check`. A cache of code (results are cached only with --cache: src/lib/load/parse-cache.ts);
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
enableCompileCache();

type Run = (argv: string[]) => Promise<number> | number;
/**
 * `reads`: the command reads a content directory, so the loader's parse worker is started first.
 * `writes`: the command writes files; a signal then waits for the write in progress (see below).
 */
const COMMANDS: Record<string, { load: () => Promise<Run>; summary: string; reads?: true; writes?: true }> = {
  check: {
    reads: true,
    load: async () => (await import('./commands/check.ts')).check,
    summary: 'validate all content; report every problem with file:line:column',
  },
  diff: {
    reads: true,
    load: async () => (await import('./commands/diff.ts')).diffCommand,
    summary: 'what a change does: added/removed/changed OKRs, grades, changes after lock',
  },
  export: {
    reads: true,
    load: async () => (await import('./commands/export.ts')).exportCommand,
    summary: 'print the computed handbook as JSON or CSV',
  },
  import: {
    writes: true,
    load: async () => (await import('./commands/import.ts')).importCommand,
    summary: 'turn Markdown/YAML OKR documents into content files, with a report',
  },
  new: {
    writes: true,
    load: async () => (await import('./commands/new.ts')).newCommand,
    summary: 'scaffold a period, carrying over unfinished OKRs with --from',
  },
  pull: {
    reads: true,
    writes: true,
    load: async () => (await import('./commands/pull.ts')).pullCommand,
    summary: "read key results' sources and append check-ins with provenance",
  },
  receipt: {
    reads: true,
    load: async () => (await import('./commands/receipt.ts')).receiptCommand,
    summary: 'print a decision receipt binding a period scope as it is now',
  },
  remind: {
    reads: true,
    load: async () => (await import('./commands/remind.ts')).remindCommand,
    summary: 'overdue check-ins and key results behind pace, per owner',
  },
  schema: {
    writes: true,
    load: async () => (await import('./commands/schema.ts')).schemaCommand,
    summary: 'write the content JSON Schemas to public/schema/',
  },
  snapshot: {
    writes: true,
    reads: true,
    load: async () => (await import('./commands/snapshot.ts')).snapshotCommand,
    summary: 'write a frozen, verifiable public snapshot of a period to trust/',
  },
  verify: {
    load: async () => (await import('./commands/verify.ts')).verifyCommand,
    summary: 'verify trust-center snapshots offline (leaves, proofs, roots, signatures)',
  },
};

const USAGE = `Usage: okr <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
  .join('\n')}

Common options:
  --content DIR   content directory (default: $OKR_CONTENT or ./content)
  --help          show help for a command`;

const [name, ...rest] = process.argv.slice(2);
if (!name || name === '--help' || name === '-h' || name === 'help') {
  console.log(USAGE);
  process.exit(name ? 0 : 1);
}
const command = COMMANDS[name];
if (!command) {
  console.error(`okr: unknown command '${name}'\n\n${USAGE}`);
  process.exit(2);
}
// A command that writes does so synchronously, whole file by whole file (src/lib/load/atomic-write.ts).
// With a handler, Node delivers a signal only between those steps, so Ctrl-C or a CI timeout stops the
// command after the write in progress and leaves no temporary file; without one it would stop mid-write.
if (command.writes)
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)
    process.once(signal, () => {
      console.error(`okr ${name}: stopped by ${signal}`);
      process.exit(code);
    });
// The worker loads its modules while this thread loads the command's (it is ended if unused).
if (command.reads && !rest.includes('--help') && !rest.includes('-h')) prestartParseWorker();
try {
  process.exitCode = await (await command.load())(rest);
} catch (err) {
  // Usage mistakes are thrown as UsageError, malformed settings (SOURCE_DATE_EPOCH) as SettingError,
  // and the machine's refusals (a full disk, a read-only folder) as file-system errors: each is one line.
  // Anything else is a bug and keeps its stack.
  const fs = describeFsError(err);
  if (err instanceof Error && (err.name === 'UsageError' || err.name === 'SettingError')) {
    console.error(`okr ${name}: ${err.message}`);
    process.exitCode = 2;
  } else if (fs) {
    console.error(`okr ${name}: ${fs}; no file was left half-written`);
    process.exitCode = 1;
  } else throw err;
}
// A module (top-level await), though it imports nothing else up front.
