// okr pull, decided: which key results' sources are due, and what each reading means for its key
// result — a new check-in, nothing (unchanged, not in the period), or a failure. Pure: the readings
// come from src/lib/load/source-fetch.ts, the writing is src/lib/sources/edit.ts's.
import { createHash } from 'node:crypto';
import { currentReading } from '../grading.ts';
import type { HandbookModel, PeriodModel } from '../model.ts';
import { canonicalJson, type JsonValue } from '../receipts/canonical.ts';
import type { Checkin } from '../schema/index.ts';
import { convert } from './convert.ts';
import { extract, type Fetched, type RawResult, type Window } from './extract.ts';
import { hasSource, queryHash, resolveSource, sourceFiles, type ResolvedSource, type SourcedKr } from './resolve.ts';

/** One key result whose source is due, with the dates its reading must fall in. */
export interface PullTarget {
  kr: SourcedKr;
  source: ResolvedSource;
  period: PeriodModel;
  window: Window;
}

export interface Selection {
  targets: PullTarget[];
  /** Key results whose source was read recently enough (its `every`). */
  notDue: { kr: SourcedKr; source: ResolvedSource; last: string }[];
  periods: string[];
}

export type Outcome = { target: PullTarget } & (
  | { kind: 'append'; checkin: Checkin; previous: number | undefined }
  | { kind: 'unchanged'; value: number }
  | { kind: 'skip'; note: string }
  | { kind: 'fail'; message: string; hint: string }
);

const DAY = 86_400_000;
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
function addInterval(date: string, every: 'day' | 'week' | 'month'): string {
  if (every !== 'month') return addDays(date, every === 'day' ? 1 : 7);
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The periods a pull reads by default: those in progress today, and the handbook's current period
 * (the one people are checking in on). Finalized periods are never read.
 */
export function defaultPeriods(m: HandbookModel, today: string, current: string | undefined): string[] {
  return m.periods.filter((p) => !p.finalized && ((p.start <= today && today <= p.end) || p.id === current)).map((p) => p.id);
}

/** The key results with a source in `periods`, split into due and not yet due. */
export function selectTargets(m: HandbookModel, periods: readonly string[], today: string): Selection {
  const files = sourceFiles(m);
  const byId = new Map(m.periods.map((p) => [p.id, p]));
  const selection: Selection = { targets: [], notDue: [], periods: [...periods] };
  for (const o of m.objectives) {
    const period = byId.get(o.period);
    if (!period || !periods.includes(o.period)) continue;
    for (const kr of o.keyResults) {
      if (!hasSource(kr)) continue;
      const source = resolveSource(kr, files);
      if (!source) continue;
      const last = kr.checkins?.findLast((c) => c.provenance?.source === source.id)?.provenance?.fetchedAt.slice(0, 10);
      if (source.def.every && last && addInterval(last, source.def.every) > today) selection.notDue.push({ kr, source, last });
      // A reading dated after today is not a reading yet (a month-end row read mid-month).
      else selection.targets.push({ kr, source, period, window: { from: period.start, to: period.end < today ? period.end : today } });
    }
  }
  return selection;
}

/** SHA-256 of a raw result: the bytes read, or the canonical JSON of the columns and rows returned. */
export function rawDigest(raw: RawResult): string {
  const hash = createHash('sha256');
  if (raw.kind === 'bytes') return hash.update(raw.bytes).digest('hex');
  const plain = (v: unknown): JsonValue =>
    typeof v === 'bigint'
      ? v.toString()
      : v instanceof Uint8Array
        ? Buffer.from(v).toString('hex')
        : v === undefined
          ? null
          : (v as JsonValue);
  const rows = raw.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)])));
  return hash.update(canonicalJson({ columns: raw.columns, rows })).digest('hex');
}

/** What one reading means for its key result. `fetchedAt` is an ISO UTC time; its date dates an undated reading. */
export function decide(target: PullTarget, fetched: Fetched, fetchedAt: string): Outcome {
  const { kr, source, window } = target;
  if (!fetched.ok) return { target, kind: 'fail', message: fetched.message, hint: fetched.hint };
  const got = extract(source.def, fetched.raw, window);
  if (got.ok === false) return { target, kind: 'fail', message: got.message, hint: got.hint };
  if (got.ok === 'none') return { target, kind: 'skip', note: got.note };
  const converted = convert(got.value, source.def, kr);
  if (!converted.ok) return { target, kind: 'fail', message: converted.message, hint: converted.hint };
  const date = got.date ?? fetchedAt.slice(0, 10);
  if (date < window.from)
    return { target, kind: 'skip', note: `${target.period.id} starts on ${window.from}: a reading of ${date} is not in it` };
  if (date > target.period.end)
    return {
      target,
      kind: 'skip',
      note: `${target.period.id} ended on ${target.period.end}: a reading of ${date} would not grade it${got.date ? '' : ' (a dated source — dateColumn, datePointer, a date column — can still fill it in)'}`,
    };
  const previous = currentReading(kr);
  const last = typeof previous?.value === 'number' ? previous.value : undefined;
  if (last === converted.value) return { target, kind: 'unchanged', value: last };
  const latestDate = kr.checkins?.at(-1)?.date;
  if (latestDate !== undefined && date < latestDate)
    return { target, kind: 'skip', note: `the reading of ${date} is older than the latest check-in (${latestDate})` };
  const checkin: Checkin = {
    date,
    value: converted.value,
    provenance: { source: source.id, queryHash: queryHash(source.def), fetchedAt, resultDigest: rawDigest(fetched.raw) },
  };
  return { target, kind: 'append', checkin, previous: last };
}
