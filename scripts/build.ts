// npm run build: Astro's build, with any failure told in one line instead of a stack trace. Whatever
// failed, the previous output is left as it was (src/integrations/build-output.ts); OKR_DEBUG=1 adds
// the stack of an unexpected error.
import { constants } from 'node:os';
import { build } from 'astro';
import { describeFsError } from '../src/lib/load/atomic-write.ts';

type Failure = Error & { cause?: unknown; errors?: unknown[]; loc?: { file?: string; line?: number; column?: number } };

/**
 * The machine's refusal behind a build error, if that is what it is: Node's own error, or one the
 * bundler aggregates and reports as text — Node's ("ENOSPC: no space left on device, copyfile 'a' ->
 * 'b'") or its own, written in Rust ("Failed to write file in PATH … (os error 28)").
 */
function fsFailure(e: Failure): string | undefined {
  const inner = Array.isArray(e.errors) ? e.errors : [];
  const direct = [e, e.cause, ...inner].map(describeFsError).find(Boolean);
  if (direct) return direct;
  const text = [e, ...inner].map((x) => String((x as Error | undefined)?.message ?? '')).join('\n');
  const node = /\b(E[A-Z]+): [^,\n]*, (\w+) '([^']*)'(?: -> '([^']*)')?/.exec(text);
  if (node) return describeFsError({ code: node[1], syscall: node[2], path: node[4] ?? node[3] });
  const errno = Number(/\(os error (\d+)\)/.exec(text)?.[1]);
  const code = Object.entries(constants.errno).find(([, n]) => n === errno)?.[0];
  return code ? describeFsError({ code, syscall: 'write', path: /Failed to write file in (\S+)/.exec(text)?.[1] }) : undefined;
}

/** An error as one line: the machine's refusal, or the message and, for Astro's errors, where. */
function oneLine(e: unknown): string {
  const err = e as Failure;
  const fs = fsFailure(err);
  if (fs) return fs;
  const message = String(err?.message ?? e)
    .split('\n')
    .find((l) => l.trim())
    ?.trim();
  const loc = err?.loc?.file ? ` (${err.loc.file}${err.loc.line ? `:${err.loc.line}:${err.loc.column ?? 0}` : ''})` : '';
  return `${message ?? 'unknown error'}${loc}`;
}

try {
  await build({});
} catch (e) {
  // On a line of its own: Astro may have left its progress line unfinished.
  console.error(`\nbuild failed: ${oneLine(e)}; the previous output was left as it was`);
  if (process.env.OKR_DEBUG) console.error(e);
  // Now: pages still being rendered would go on logging. The exit handlers remove the staging folder.
  process.exit(1);
}
