// okr check [--content DIR] [--format pretty|github|json] [--base REF] [--audience internal|public] [--cache]
import { formatGithub, formatJson, formatPretty, hasErrors, sortIssues } from '../../src/lib/errors.ts';
import { thresholdReadings } from '../../src/lib/grading.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { cacheOption, oneOf, parse, parseCacheOf } from './args.ts';
import { audienceOf, audienceOption } from './audience.ts';
import { compare } from './compare.ts';

export const HELP = `Usage: okr check [--content DIR] [--format pretty|github|json] [--base REF] [--audience internal|public] [--cache]

Validates every content file in one pass and reports every problem with file, line, column,
field path, message and a hint. Exit status 1 when there is any error, 0 otherwise.

--base REF (a git ref or a content directory) also compares the content with REF, as okr diff
does: a target or baseline changed after its period's lock date without a recorded revision is an
error (the change date is the build date, SOURCE_DATE_EPOCH honoured).

--audience public (or OKR_AUDIENCE=public) checks the public projection as the public build sees it
and warns about links it has to drop. Trust-center snapshots under trust/ are verified too.

--cache keeps each file's parse and validation in node_modules/.cache/okr-parse (OKR_PARSE_CACHE_DIR)
by its text and this code's version: the next run reads only the files that changed, on both sides
of --base. The first run is slower (it writes the cache); entries unused for a week are removed.`;

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function check(argv: string[]): number {
  const { values, content } = parse(argv, { format: { type: 'string' }, base: { type: 'string' }, ...audienceOption, ...cacheOption });
  if (values.help) return (console.log(HELP), 0);
  const format = oneOf(values.format, ['pretty', 'github', 'json'] as const, '--format', 'pretty');
  const parseCache = parseCacheOf(values);
  const audience = audienceOf(values);
  const result = computeHandbook(content, { audience, parseCache });
  // Lock rules need the old values: compare with the base when one is given and the content is valid.
  if (values.base !== undefined && result.ok) {
    const base = values.base;
    // The lock rules compare the internal handbooks: the working tree's is this check's unless it was the public one.
    const head = audience === 'internal' ? { label: 'working tree', result } : undefined;
    const cmp = compare(base, undefined, content, { parseCache, head });
    const lock = cmp.result?.issues ?? [
      {
        file: base,
        line: 0,
        column: 0,
        path: '',
        message: `lock rules not checked: ${base} has content errors`,
        hint: `run: okr check --content <a checkout of ${base}>`,
        severity: 'warning' as const,
      },
    ];
    result.issues = sortIssues([...result.issues, ...lock]);
    result.ok = !hasErrors(result.issues);
  }
  if (format === 'json') console.log(formatJson(result.issues));
  else if (format === 'github') {
    const out = formatGithub(result.issues);
    if (out) console.log(out);
    console.log(result.ok ? 'okr check: no errors' : 'okr check: errors found');
  } else {
    const krs = result.handbook?.objectives.flatMap((o) => o.keyResults) ?? [];
    const t = thresholdReadings(krs);
    // Which reading each threshold has (docs/grading.md): each hold is also noted at its file and line.
    const thresholds = t.reach + t.hold ? ` Thresholds: ${t.reach} to reach, ${t.hold} to hold.` : '';
    const summary = result.handbook
      ? `Checked ${count(result.handbook.periods.length, 'period')}, ${count(result.handbook.objectives.length, 'objective')}, ${count(
          krs.length,
          'key result',
        )}.${thresholds}`
      : '';
    console.log(
      [formatPretty(result.issues, { colour: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }), summary].filter(Boolean).join('\n'),
    );
  }
  return result.ok ? 0 : 1;
}
