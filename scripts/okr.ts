#!/usr/bin/env node
// The `okr` CLI: `npm run --silent okr -- <command> [options]`. Each command lives in ./commands.
import { check } from './commands/check.ts';
import { diffCommand } from './commands/diff.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { newCommand } from './commands/new.ts';
import { receiptCommand } from './commands/receipt.ts';
import { schemaCommand } from './commands/schema.ts';
import { snapshotCommand } from './commands/snapshot.ts';
import { verifyCommand } from './commands/verify.ts';

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<number> | number; summary: string }> = {
  check: { run: check, summary: 'validate all content; report every problem with file:line:column' },
  diff: { run: diffCommand, summary: 'what a change does: added/removed/changed OKRs, grades, changes after lock' },
  export: { run: exportCommand, summary: 'print the computed handbook as JSON or CSV' },
  import: { run: importCommand, summary: 'turn Markdown/YAML OKR documents into content files, with a report' },
  new: { run: newCommand, summary: 'scaffold a period, carrying over unfinished OKRs with --from' },
  receipt: { run: receiptCommand, summary: 'print a decision receipt binding a period scope as it is now' },
  schema: { run: schemaCommand, summary: 'write the content JSON Schemas to public/schema/' },
  snapshot: { run: snapshotCommand, summary: 'write a frozen, verifiable public snapshot of a period to trust/' },
  verify: { run: verifyCommand, summary: 'verify trust-center snapshots offline (leaves, proofs, roots, signatures)' },
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
try {
  process.exitCode = await command.run(rest);
} catch (err) {
  // Usage mistakes are thrown as UsageError; anything else is a bug and keeps its stack.
  if (err instanceof Error && err.name === 'UsageError') {
    console.error(`okr ${name}: ${err.message}`);
    process.exitCode = 2;
  } else throw err;
}
