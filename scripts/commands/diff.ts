// okr diff BASE [HEAD] [--content DIR] [--format markdown|json] [--cache]
import { formatDiffMarkdown } from '../../src/lib/diff.ts';
import { formatPretty } from '../../src/lib/errors.ts';
import { cacheOption, oneOf, parse, parseCacheOf, UsageError } from './args.ts';
import { compare, sideErrors } from './compare.ts';
import { printable } from '../../src/lib/printable.ts';

export const HELP = `Usage: okr diff BASE [HEAD] [--content DIR] [--format markdown|json] [--cache]

What a change does to the handbook, for a pull request comment: objectives and key results added,
removed or renamed (matched by stable id); target, baseline, owner and weight changes; grade
changes; plan changes made after a period's lock date ("changed after lock"), as errors when a
target or baseline changed without a recorded revision.

BASE and HEAD are git refs (the content folder as it was at that commit) or content directories.
HEAD defaults to the working tree. The change date compared with lock dates is HEAD's commit date,
or the build date (SOURCE_DATE_EPOCH) for a directory.

  okr diff origin/main            # this branch's working tree against main
  okr diff origin/main HEAD       # committed changes only (CI)
  okr diff old-content/ content/  # two directories

--cache reads unchanged files from the parse cache, as okr check --cache does.

Exit status 0 when the sides were compared, 1 when one has content errors, 2 on a usage mistake.`;

export function diffCommand(argv: string[]): number {
  const { values, positionals, content } = parse(argv, { format: { type: 'string' }, ...cacheOption }, true);
  if (values.help) return (console.log(HELP), 0);
  const format = oneOf(values.format, ['markdown', 'json'] as const, '--format', 'markdown');
  if (positionals.length < 1 || positionals.length > 2)
    throw new UsageError('expects BASE and optionally HEAD (git refs or content directories)');
  const { base, head, result } = compare(positionals[0]!, positionals[1], content, { parseCache: parseCacheOf(values) });
  if (!result) {
    for (const side of [base, head]) {
      const errors = sideErrors(side);
      if (!errors.length) continue;
      console.error(`okr diff: ${side.label} has ${errors.length} content error${errors.length === 1 ? '' : 's'}; fix them first:`);
      console.error(formatPretty(errors));
    }
    return 1;
  }
  // Escaped for the terminal (and the PR comment) whatever the content holds; JSON escapes them itself.
  process.stdout.write(format === 'json' ? `${JSON.stringify(result.diff, null, 2)}\n` : printable(formatDiffMarkdown(result.diff)));
  return 0;
}
