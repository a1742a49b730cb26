// The bad-input corpus (test/fixtures/bad-input/README.md): its cases, and a copy of the base
// handbook with a case applied. Used by the corpus's own test and by the parse cache's.
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { edit, ROOT } from './helpers.ts';

export const CORPUS = join(ROOT, 'test/fixtures/bad-input');
/** Generous: the 10 MB case takes a few seconds on a busy 2-core machine. A hang is killed at this limit. */
export const TIMEOUT_MS = 90_000;

/** Large inputs are written at run time rather than committed. */
export const GENERATORS = {
  /** 10 MB of pasted prose in a description, and a misspelt field after it (line 100 009). */
  'ten-megabytes': (dir: string) => {
    const line = `  ${'Quarterly revenue commentary pasted from the board deck, kept for reference.'.padEnd(98, '.')}\n`;
    writeFileSync(
      join(dir, 'kpis/finance.yaml'),
      'id: finance\nname: Finance KPIs\ndescription: |\n' +
        line.repeat(100_000) +
        'kpis:\n  - id: revenue\n    name: Revenue\n    metric: Annual recurring revenue\n    target: Grow 50% a year\n' +
        '    ownr: ceo\n',
    );
  },
  /** Lists nested 100 000 deep. */
  'deep-nesting': (dir: string) => appendFileSync(join(dir, 'kpis/finance.yaml'), `extra: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`),
  /** "Billion laughs": ten levels of ten aliases each, 10^10 strings if expanded. */
  'alias-bomb': (dir: string) => {
    const levels = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++)
      levels.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    appendFileSync(join(dir, 'kpis/finance.yaml'), `${levels.join('\n')}\n`);
  },
};

const Case = z.strictObject({
  about: z.string(),
  edit: z.array(z.strictObject({ file: z.string(), find: z.string(), replace: z.string() })).optional(),
  delete: z.array(z.string()).optional(),
  generate: z.enum(Object.keys(GENERATORS) as [keyof typeof GENERATORS]).optional(),
  expect: z.strictObject({
    exit: z.union([z.literal(0), z.literal(1)]).default(1),
    file: z.string().optional(),
    line: z.number().int().positive().optional(),
    severity: z.enum(['error', 'warning']).default('error'),
    message: z.string().optional(),
    /** A pattern the issue's hint must match, when the hint is the point. */
    hint: z.string().optional(),
    /** How many errors in all, when it matters (e.g. one mistake must not be reported twice). */
    errors: z.number().int().nonnegative().optional(),
  }),
});
export type Case = z.infer<typeof Case> & { name: string };

export const cases: Case[] = readdirSync(join(CORPUS, 'cases'))
  .sort()
  .map((name) => ({ name, ...Case.parse(parse(readFileSync(join(CORPUS, 'cases', name, 'case.yaml'), 'utf8'))) }));

/** A copy of the base handbook with the case applied: its files copied over, edits, deletions, generated input. */
export function prepare(c: Case, root: string): string {
  const dir = join(root, c.name);
  cpSync(join(CORPUS, 'base'), dir, { recursive: true });
  const files = join(CORPUS, 'cases', c.name, 'content');
  if (existsSync(files)) cpSync(files, dir, { recursive: true });
  for (const e of c.edit ?? []) edit(join(dir, e.file), e.find, e.replace);
  for (const f of c.delete ?? []) rmSync(join(dir, f));
  if (c.generate) GENERATORS[c.generate](dir);
  return dir;
}
