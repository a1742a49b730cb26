// okr pull [--period P] [--dry-run] [--content DIR]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourceDateEpoch } from '../../src/lib/calendar.ts';
import { formatPretty, type ContentIssue } from '../../src/lib/errors.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { issueAt } from '../../src/lib/source/yaml-source.ts';
import { describeFsError, writeFilesAtomic } from '../../src/lib/load/atomic-write.ts';
import { fetchSource } from '../../src/lib/load/source-fetch.ts';
import type { Fetched } from '../../src/lib/sources/extract.ts';
import { appendCheckins, EditError, type CheckinEdit } from '../../src/lib/sources/edit.ts';
import { decide, defaultPeriods, selectTargets, type Outcome, type PullTarget } from '../../src/lib/sources/plan.ts';
import { queryHash } from '../../src/lib/sources/resolve.ts';
import { parse, UsageError } from './args.ts';

export const HELP = `Usage: okr pull [--period P] [--dry-run] [--content DIR]

Reads the source of every key result that has one (a CSV or JSON file or URL, an HTTP JSON
endpoint, a PostgreSQL or SQLite query; see docs/content-model.md) and appends a check-in to each
key result whose value changed, with its provenance: the source's id, a hash of what was asked, the
time it was read (SOURCE_DATE_EPOCH honoured) and a digest of the raw result. The YAML files are
edited in place: comments, order and formatting are kept.

By default it reads the key results of the periods in progress and of the handbook's current
period; --period P reads only P's. A source with 'every: day|week|month' is read again only after
that interval. Running it twice writes nothing the second time.

When any source fails (unreachable, timeout, HTTP error, no row or many, a value that is not a
number or is in another unit scale, a missing environment variable), nothing is written and every
failure is listed with its source and key result.

  --dry-run   read the sources and show what would change; write nothing

Exit status: 0 when every due source was read (and its check-ins written unless --dry-run); 1 when
the content has errors or a source failed; 2 on a usage mistake.`;

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The time a pull reads at, to the second: SOURCE_DATE_EPOCH when set, else the clock. */
const fetchTime = () => new Date(sourceDateEpoch(process.env) ?? Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function pullCommand(argv: string[]): Promise<number> {
  const { values, positionals, content } = parse(argv, { period: { type: 'string' }, 'dry-run': { type: 'boolean' } }, true);
  if (values.help) return (console.log(HELP), 0);
  if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' (did you mean --period ${positionals[0]}?)`);
  const fetchedAt = fetchTime();
  const today = fetchedAt.slice(0, 10);
  const result = computeHandbook(content, { today });
  if (!result.handbook) {
    console.error(formatPretty(result.issues.filter((issue) => issue.severity === 'error')));
    console.error('okr pull: fix the content errors above first (okr check lists them all); nothing was read.');
    return 1;
  }
  const h = result.handbook;
  const wanted = values.period;
  if (wanted !== undefined && !h.periods.some((p) => p.id === wanted))
    throw new UsageError(`--period '${wanted}' is not a period of this handbook (${h.periods.map((p) => p.id).join(', ')})`);
  if (wanted !== undefined && h.periods.find((p) => p.id === wanted)!.finalized)
    throw new UsageError(`${wanted} is finalized: its numbers are final and okr pull does not change them`);
  const periods = wanted !== undefined ? [wanted] : defaultPeriods(h.model, today, h.currentPeriod);
  const selection = selectTargets(h.model, periods, today);
  const outcomes = await readAll(selection.targets, content, fetchedAt);
  const sources = new Set(selection.targets.map((t) => t.source.id)).size;
  console.log(
    `okr pull: ${periods.join(', ') || 'no period in progress'} · ${plural(sources, 'source')} read for ${plural(selection.targets.length, 'key result')} at ${fetchedAt}` +
      (selection.notDue.length ? ` · ${plural(selection.notDue.length, 'key result')} not due yet` : ''),
  );

  const failures = outcomes.filter((o) => o.kind === 'fail');
  if (failures.length) {
    console.error(formatPretty(failures.map(failureIssue)));
    console.error(`okr pull: ${plural(failures.length, 'key result')} could not be read; nothing was written.`);
    return 1;
  }
  const edits = planEdits(outcomes);
  const texts = new Map<string, string>();
  const problems: ContentIssue[] = [];
  for (const [file, fileEdits] of edits) {
    try {
      texts.set(
        file,
        appendCheckins(
          readFileSync(join(process.cwd(), file), 'utf8'),
          fileEdits.map((e) => e.edit),
        ),
      );
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      for (const { target } of fileEdits)
        problems.push(
          issueAt(
            target.kr.origin.src,
            target.kr.origin.path,
            `cannot add the check-in: ${e.message}`,
            'add it by hand, or write the key result in block style',
          ),
        );
    }
  }
  report(outcomes, texts, Boolean(values['dry-run']));
  if (problems.length) {
    console.error(formatPretty(problems));
    console.error('okr pull: nothing was written.');
    return 1;
  }
  const appended = outcomes.filter((o) => o.kind === 'append').length;
  if (values['dry-run']) {
    console.log(
      appended
        ? `Dry run: would add ${plural(appended, 'check-in')} to ${plural(texts.size, 'file')}; nothing was written.`
        : 'Dry run: nothing would change.',
    );
    return 0;
  }
  // All or none: a full disk or a read-only folder leaves every content file as it was.
  try {
    writeFilesAtomic([...texts].map(([file, text]) => [join(process.cwd(), file), text] as const));
  } catch (e) {
    const why = describeFsError(e);
    if (!why) throw e;
    console.error(`okr pull: cannot write the check-ins: ${why}; nothing was written.`);
    return 1;
  }
  console.log(appended ? `Added ${plural(appended, 'check-in')} to ${plural(texts.size, 'file')}.` : 'Nothing changed.');
  return 0;
}

/** Each distinct source read once (in parallel), then each key result's reading decided. */
async function readAll(targets: PullTarget[], contentDir: string, fetchedAt: string): Promise<Outcome[]> {
  const reads = new Map<string, Promise<Fetched>>();
  const keyOf = (t: PullTarget) => `${t.source.id}\u0000${queryHash(t.source.def)}`;
  for (const t of targets) if (!reads.has(keyOf(t))) reads.set(keyOf(t), fetchSource(t.source.def, { contentDir, env: process.env }));
  return Promise.all(targets.map(async (t) => decide(t, await reads.get(keyOf(t))!, fetchedAt)));
}

function failureIssue(o: Extract<Outcome, { kind: 'fail' }>): ContentIssue {
  const { kr, source } = o.target;
  const where = kr.source === source.id ? ` (content/sources/${source.id}.yaml)` : '';
  return issueAt(
    kr.origin.src,
    [...kr.origin.path, 'source'],
    `source '${source.id}'${where} for key result ${kr.uid}: ${o.message}`,
    o.hint,
  );
}

/** The appended check-ins, grouped by the file they go in. */
function planEdits(outcomes: Outcome[]): Map<string, { target: PullTarget; edit: CheckinEdit }[]> {
  const byFile = new Map<string, { target: PullTarget; edit: CheckinEdit }[]>();
  for (const o of outcomes) {
    if (o.kind !== 'append') continue;
    const file = o.target.kr.origin.src.file;
    const list = byFile.get(file) ?? byFile.set(file, []).get(file)!;
    list.push({ target: o.target, edit: { path: o.target.kr.origin.path, checkins: [o.checkin] } });
  }
  return byFile;
}

const valueOf = (n: number | undefined, unit: string | undefined) => (n === undefined ? '—' : `${n}${unit ? ` ${unit}` : ''}`);

function report(outcomes: Outcome[], texts: Map<string, string>, dryRun: boolean) {
  const byFile = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const file = o.target.kr.origin.src.file;
    (byFile.get(file) ?? byFile.set(file, []).get(file)!).push(o);
  }
  for (const [file, list] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    console.log(`\n${file}`);
    for (const o of list) {
      const { kr, source } = o.target;
      if (o.kind === 'append')
        console.log(
          `  + ${kr.uid}  ${valueOf(o.previous, kr.unit)} → ${valueOf(o.checkin.value as number, kr.unit)} on ${o.checkin.date} (source ${source.id})`,
        );
      else if (o.kind === 'unchanged') console.log(`  = ${kr.uid}  unchanged at ${valueOf(o.value, kr.unit)} (source ${source.id})`);
      else if (o.kind === 'skip') console.log(`  · ${kr.uid}  nothing to add: ${o.note} (source ${source.id})`);
    }
    const text = texts.get(file);
    if (dryRun && text !== undefined) console.log(insertedLines(readFileSync(join(process.cwd(), file), 'utf8'), text));
  }
  console.log('');
}

/** The lines an edit adds (and the one it rewrites, `checkins: []`), numbered as in the new text. */
function insertedLines(before: string, after: string): string {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  const out: string[] = [];
  for (let i = 0, j = 0; j < b.length;) {
    if (i < a.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < a.length && b.indexOf(a[i]!, j) === -1) out.push(`          - ${a[i++]}`);
    else {
      out.push(`    ${String(j + 1).padStart(5)} + ${b[j]}`);
      j++;
    }
  }
  return out.join('\n');
}
