// okr export [--content DIR] --format json|csv [--audience internal|public]
import { availableParallelism } from 'node:os';
import { formatPretty } from '../../src/lib/errors.ts';
import { exportCsv, exportJson } from '../../src/lib/export.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { getHistory } from '../../src/lib/load/git-history.ts';
import { historyCacheDir } from '../../src/lib/load/history-cache.ts';
import { startHistoryThread } from '../../src/lib/load/history-thread.ts';
import { oneOf, parse } from './args.ts';
import { audienceOf, audienceOption } from './audience.ts';

export function exportCommand(argv: string[]): number {
  const { values, content } = parse(argv, { format: { type: 'string' }, ...audienceOption });
  if (values.help)
    return (console.log('Usage: okr export [--content DIR] [--format json|csv] [--audience internal|public]  (default: json)'), 0);
  const format = oneOf(values.format, ['json', 'csv'] as const, '--format', 'json');
  const audience = audienceOf(values);
  // Only the internal JSON carries the git history: read it on threads of their own meanwhile (as
  // many as cores, up to two: this thread only waits for them once the handbook is computed), with
  // the build's cache of it.
  const withHistory = format === 'json' && audience !== 'public';
  if (withHistory) startHistoryThread(content, Math.min(2, availableParallelism()), historyCacheDir(process.cwd()));
  const result = computeHandbook(content, { audience });
  if (!result.handbook) {
    console.error(formatPretty(result.issues.filter((issue) => issue.severity === 'error')));
    console.error('okr export: fix the errors above first (okr check lists them all).');
    return 1;
  }
  process.stdout.write(
    format === 'csv' ? exportCsv(result.handbook) : exportJson(result.handbook, { history: withHistory ? getHistory(content) : undefined }),
  );
  return 0;
}
