// okr new PERIOD [--from PERIOD] [--force] [--content DIR]
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { planNewPeriod, type PlannedFile } from '../../src/lib/carry-over.ts';
import { formatPretty } from '../../src/lib/errors.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { writeFilesAtomic } from '../../src/lib/load/atomic-write.ts';
import { parse, UsageError } from './args.ts';

export const HELP = `Usage: okr new PERIOD [--from PERIOD] [--force] [--content DIR]

Scaffolds a period: periods/<PERIOD>.yaml with its dates from the fiscal calendar (kept as it is
when the period exists). With --from, also okrs/<PERIOD>/<team>.yaml for every team with
unfinished objectives in the earlier period (grade below 1.0, or ungraded): copied with new ids,
'carriedFrom' links to the originals, only their unfinished key results, and without check-ins,
current values, declared grades or revisions. A metric or threshold key result starts from its
last reading.

Never overwrites a file unless --force is given; the files are written atomically, all or none.

  okr new 2025-Q2 --from 2025-Q1`;

/** YAML with the editor schema line on top, as every content file starts. */
export function toYaml(file: PlannedFile): string {
  const depth = file.path.split('/').length - 1;
  const schema = `${'../'.repeat(depth + 1)}public/schema/${file.schema}`;
  return `# yaml-language-server: $schema=${schema}\n# ${file.comment}\n${stringify(file.data, { lineWidth: 0, version: '1.2' })}`;
}

export function newCommand(argv: string[]): number {
  const { values, positionals, content } = parse(argv, { from: { type: 'string' }, force: { type: 'boolean' } }, true);
  if (values.help) return (console.log(HELP), 0);
  if (positionals.length !== 1) throw new UsageError('expects one PERIOD, e.g. okr new 2025-Q2 --from 2025-Q1');
  const result = computeHandbook(content);
  if (!result.handbook) {
    console.error(formatPretty(result.issues.filter((issue) => issue.severity === 'error')));
    console.error('okr new: fix the errors above first (okr check lists them all).');
    return 1;
  }
  const planned = planNewPeriod(result.handbook, positionals[0]!, values.from);
  if (!planned.ok) throw new UsageError(`${planned.message} (${planned.hint})`);
  const { plan } = planned;
  const files = [...(plan.periodFile ? [plan.periodFile] : []), ...plan.okrFiles];
  const shown = (f: PlannedFile) => relative(process.cwd(), join(content, f.path)) || f.path;
  const existing = files.filter((f) => existsSync(join(content, f.path)));
  if (existing.length && !values.force) {
    console.error(`okr new: would overwrite ${existing.map(shown).join(', ')}; nothing was written.`);
    console.error('  hint: move them away, or pass --force to replace them.');
    return 1;
  }
  // All or none: a full disk or a read-only folder leaves the content as it was.
  writeFilesAtomic(
    files.map((f) => [join(content, f.path), toYaml(f)] as const),
    { exclusive: !values.force },
  );
  for (const f of files) console.log(`wrote ${shown(f)}`);
  const objectives = plan.carried.filter((c) => c.entity === 'objective').length;
  const krs = plan.carried.length - objectives;
  if (values.from)
    console.log(
      `carried over ${objectives} objective${objectives === 1 ? '' : 's'} and ${krs} key result${krs === 1 ? '' : 's'} from ${values.from}`,
    );
  for (const n of plan.notes) console.log(`note: ${n}`);
  // The scaffold must itself be valid content.
  const after = computeHandbook(content);
  const errors = after.issues.filter((issue) => issue.severity === 'error');
  if (errors.length) {
    console.error(formatPretty(errors));
    console.error('okr new: the new files have errors (above); fix them before committing.');
    return 1;
  }
  console.log(`next: set lockDate, theme and check-in dates in periods/${plan.period.id}.yaml; run okr check.`);
  return 0;
}
