// okr check [--content DIR] [--format pretty|github|json]
import { formatGithub, formatJson, formatPretty } from '../../src/lib/errors.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { oneOf, parse } from './args.ts';

export const HELP = `Usage: okr check [--content DIR] [--format pretty|github|json]

Validates every content file in one pass and reports every problem with file, line, column,
field path, message and a hint. Exit status 1 when there is any error, 0 otherwise.`;

export function check(argv: string[]): number {
  const { values, content } = parse(argv, { format: { type: 'string' } });
  if (values.help) return (console.log(HELP), 0);
  const format = oneOf(values.format as string | undefined, ['pretty', 'github', 'json'] as const, '--format', 'pretty');
  const result = computeHandbook(content);
  if (format === 'json') console.log(formatJson(result.issues));
  else if (format === 'github') {
    const out = formatGithub(result.issues);
    if (out) console.log(out);
    console.log(result.ok ? 'okr check: no errors' : 'okr check: errors found');
  } else {
    const summary = result.handbook
      ? `Checked ${result.handbook.periods.length} periods, ${result.handbook.objectives.length} objectives, ${result.handbook.objectives.reduce((n, o) => n + o.keyResults.length, 0)} key results.`
      : '';
    console.log(
      [formatPretty(result.issues, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }), summary].filter(Boolean).join('\n'),
    );
  }
  return result.ok ? 0 : 1;
}
