// okr export [--content DIR] --format json|csv
import { formatPretty } from '../../src/lib/errors.ts';
import { exportCsv, exportHandbook } from '../../src/lib/export.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { oneOf, parse } from './args.ts';

export function exportCommand(argv: string[]): number {
  const { values, content } = parse(argv, { format: { type: 'string' } });
  if (values.help) return (console.log('Usage: okr export [--content DIR] --format json|csv'), 0);
  const format = oneOf(values.format as string | undefined, ['json', 'csv'] as const, '--format', 'json');
  const result = computeHandbook(content);
  if (!result.handbook) {
    console.error(formatPretty(result.issues.filter((i) => i.severity === 'error')));
    console.error('okr export: fix the errors above first (okr check lists them all).');
    return 1;
  }
  process.stdout.write(format === 'csv' ? exportCsv(result.handbook) : `${JSON.stringify(exportHandbook(result.handbook), null, 2)}\n`);
  return 0;
}
