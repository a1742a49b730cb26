// okr export [--content DIR] --format json|csv [--audience internal|public]
import { formatPretty } from '../../src/lib/errors.ts';
import { exportCsv, exportJson } from '../../src/lib/export.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { getHistory } from '../../src/lib/load/git-history.ts';
import { oneOf, parse } from './args.ts';
import { audienceOf, audienceOption } from './audience.ts';

export function exportCommand(argv: string[]): number {
  const { values, content } = parse(argv, { format: { type: 'string' }, ...audienceOption });
  if (values.help) return (console.log('Usage: okr export [--content DIR] --format json|csv [--audience internal|public]'), 0);
  const format = oneOf(values.format as string | undefined, ['json', 'csv'] as const, '--format', 'json');
  const result = computeHandbook(content, { audience: audienceOf(values) });
  if (!result.handbook) {
    console.error(formatPretty(result.issues.filter((i) => i.severity === 'error')));
    console.error('okr export: fix the errors above first (okr check lists them all).');
    return 1;
  }
  process.stdout.write(format === 'csv' ? exportCsv(result.handbook) : exportJson(result.handbook, { history: getHistory(content) }));
  return 0;
}
