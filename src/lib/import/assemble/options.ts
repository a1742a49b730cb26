// Mistakes in how the importer was called or in what it was given, reported without a stack trace.
import { periodId as periodIdSchema } from '../../schema/period.ts';
import type { ImportOptions } from '../types.ts';

/** A mistake in how the importer was called or what it was given, reported without a stack trace. */
export class ImportError extends Error {
  override name = 'ImportError';
}

/** What is wrong with the --period and --team options, if anything (the CLI asks before it reads a document). */
export function optionProblem(opts: Pick<ImportOptions, 'period' | 'team'>): string | undefined {
  if (opts.period !== undefined && !periodIdSchema.safeParse(opts.period).success)
    return `--period '${opts.period}' must look like 2025-Q1, 2025, FY22-Q2 or FY22`;
  if (opts.team !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(opts.team))
    return `--team '${opts.team}' must be an id: lowercase letters, digits and hyphens (e.g. platform)`;
  return undefined;
}
