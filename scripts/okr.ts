#!/usr/bin/env node
// The `okr` CLI: `npm run --silent okr -- <command> [options]`. Each command lives in ./commands.
// Commands are imported when run: `okr check` in a pull request should not load the importer.
import { enableCompileCache } from 'node:module';
import { prestartParseWorker } from '../src/lib/load/parse-thread.ts';

// Node keeps the compiled (and type-stripped) modules on disk between runs: a few hundred ms of every
// `okr check`. A cache of code (results are cached only with --cache: src/lib/load/parse-cache.ts);
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
enableCompileCache();

type Run = (argv: string[]) => Promise<number> | number;
/** `reads`: the command reads a content directory, so the loader's parse worker is started first. */
const COMMANDS: Record<string, { load: () => Promise<Run>; summary: string; reads?: true }> = {
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
    load: async () => (await import('./commands/import.ts')).importCommand,
    summary: 'turn Markdown/YAML OKR documents into content files, with a report',
  },
  new: {
    load: async () => (await import('./commands/new.ts')).newCommand,
    summary: 'scaffold a period, carrying over unfinished OKRs with --from',
  },
  pull: {
    reads: true,
    load: async () => (await import('./commands/pull.ts')).pullCommand,
    summary: "read key results' sources and append check-ins with provenance",
  },
  receipt: {
    reads: true,
    load: async () => (await import('./commands/receipt.ts')).receiptCommand,
    summary: 'print a decision receipt binding a period scope as it is now',
  },
  schema: {
    load: async () => (await import('./commands/schema.ts')).schemaCommand,
    summary: 'write the content JSON Schemas to public/schema/',
  },
  snapshot: {
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
// The worker loads its modules while this thread loads the command's (it is ended if unused).
if (command.reads && !rest.includes('--help') && !rest.includes('-h')) prestartParseWorker();
try {
  process.exitCode = await (await command.load())(rest);
} catch (err) {
  // Usage mistakes are thrown as UsageError, malformed settings (SOURCE_DATE_EPOCH) as SettingError;
  // anything else is a bug and keeps its stack.
  if (err instanceof Error && (err.name === 'UsageError' || err.name === 'SettingError')) {
    console.error(`okr ${name}: ${err.message}`);
    process.exitCode = 2;
  } else throw err;
}
// A module (top-level await), though it imports nothing else up front.
