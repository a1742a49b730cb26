// Astro's own log output, without stack traces: a build that fails says what failed in a line (see
// scripts/build.ts), not in forty lines of the bundler's and Astro's frames. OKR_DEBUG=1 keeps them.
// Loaded by Astro as the `logger` of astro.config.mjs.
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import node from 'astro/logger/node';

/** A stack frame line ("    at render (file:///…:7:21)"), or the frames Rust prints ("  12: start_thread"). */
const FRAME = /^\s+(at .+|\d+: .+|at \.\/.+:\d+:\d+)$/;

export function withoutStack(message: string): string {
  return message
    .split('\n')
    .filter((line) => !FRAME.test(line))
    .join('\n');
}

export default function buildLog(config?: Parameters<typeof node>[0]): AstroLoggerDestination {
  const inner = node(config);
  return {
    write(event: AstroLoggerMessage) {
      inner.write(process.env.OKR_DEBUG ? event : { ...event, message: withoutStack(event.message) });
    },
  };
}
