// `okr new PERIOD --from PERIOD`: what to scaffold for a new period. Dates come from the fiscal
// calendar; unfinished objectives and key results (grade < 1.0 or ungraded) of the earlier period
// are copied as written in their files, with new ids, `carriedFrom` links to the originals, and
// their progress (check-ins, current values, declared grades, revisions) left behind. Pure: the
// CLI command writes the files.
import { parsePeriodId, periodDates, expectedPeriodFormat } from './calendar.ts';
import type { ComputedHandbook, ComputedKr, ComputedObjective } from './handbook.ts';

export interface PlannedFile {
  /** Path inside the content directory, with forward slashes. */
  path: string;
  /** JSON Schema file name under public/schema/, for the editor line at the top. */
  schema: string;
  comment: string;
  data: Record<string, unknown>;
}

export interface NewPeriodPlan {
  period: { id: string; kind: 'quarter' | 'year'; start: string; end: string };
  /** The period file, unless the period already exists. */
  periodFile?: PlannedFile;
  okrFiles: PlannedFile[];
  carried: { from: string; to: string; entity: 'objective' | 'kr' }[];
  notes: string[];
}

export type PlanResult = { ok: true; plan: NewPeriodPlan } | { ok: false; message: string; hint: string };

/** "2025-Q1" → "2025-q1": the period as it is written inside ids. */
export const periodSlug = (id: string) => id.toLowerCase();

/** A key result is unfinished when it is ungraded or graded below 1.0. */
export const unfinished = (grade: number | null) => grade === null || grade < 1;

/** Fields that record progress in the old period, not the plan: never carried over. */
const OBJECTIVE_PROGRESS = ['declared', 'confidence', 'confidenceNote', 'carriedFrom'];
const KR_PROGRESS = ['declared', 'checkins', 'current', 'asOf', 'done', 'manualGrade', 'rationale', 'revisions', 'carriedFrom'];

const asRecord = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as Record<string, unknown>) } : {});

/** The record exactly as written in its file (no schema defaults filled in). */
function asWritten(o: {
  origin: { src: { doc: { getIn: (p: unknown[]) => unknown } }; path: (string | number)[] };
}): Record<string, unknown> {
  const node = o.origin.src.doc.getIn(o.origin.path) as { toJSON?: () => unknown } | undefined;
  return asRecord(node && typeof node.toJSON === 'function' ? node.toJSON() : node);
}

export function planNewPeriod(h: ComputedHandbook, id: string, from?: string): PlanResult {
  const fiscal = h.model.org.fiscalYear;
  const shape = parsePeriodId(id, fiscal.naming);
  if (!shape)
    return {
      ok: false,
      message: `'${id}' is not a period id under this handbook's ${fiscal.naming} naming`,
      hint: `write it as ${expectedPeriodFormat(fiscal.naming)}`,
    };
  const { start, end } = periodDates(shape, fiscal);
  const exists = h.periods.some((p) => p.id === id);
  const plan: NewPeriodPlan = { period: { id, kind: shape.kind, start, end }, okrFiles: [], carried: [], notes: [] };
  if (!exists)
    plan.periodFile = {
      path: `periods/${id}.yaml`,
      schema: 'period.schema.json',
      comment: from ? `Scaffolded by okr new ${id} --from ${from}.` : `Scaffolded by okr new ${id}.`,
      data: { id, kind: shape.kind, start, end },
    };
  else plan.notes.push(`periods/${id}.yaml exists and is kept as it is`);
  if (!from) return { ok: true, plan };

  if (from === id) return { ok: false, message: `--from ${from} is the period being created`, hint: 'name the earlier period' };
  const source = h.periods.find((p) => p.id === from);
  if (!source) return { ok: false, message: `period '${from}' not found`, hint: `periods: ${h.periods.map((p) => p.id).join(', ')}` };
  // Carrying over goes forward in time: unfinished work continues in a later period.
  if (source.start >= start)
    return {
      ok: false,
      message: `--from ${from} starts on ${source.start}, not before ${id} (${start})`,
      hint: 'carry over from an earlier period',
    };

  const carriedObjs = h.objectives.filter((o) => o.period === from && unfinished(o.rollup.grade));
  // Objectives in the files this plan replaces (okr new --force) give their ids back.
  const replaced = new Set(carriedObjs.map((o) => o.team));
  const taken = new Set(h.objectives.filter((o) => !(o.period === id && replaced.has(o.team))).map((o) => o.id));
  const [oldSlug, newSlug] = [periodSlug(from), periodSlug(id)];
  const newId = (old: string) => {
    const stem = old.startsWith(`${oldSlug}-`) ? `${newSlug}-${old.slice(oldSlug.length + 1)}` : `${newSlug}-${old}`;
    let candidate = stem;
    for (let n = 2; taken.has(candidate); n++) candidate = `${stem}-${n}`;
    taken.add(candidate);
    return candidate;
  };

  const ids = new Map(carriedObjs.map((o) => [o.id, newId(o.id)]));
  const remap = (ref: unknown) => {
    if (typeof ref !== 'string') return ref;
    const [obj, kr] = ref.split('.') as [string, string | undefined];
    return ids.has(obj) ? `${ids.get(obj)}${kr ? `.${kr}` : ''}` : ref;
  };

  const byTeam = new Map<string, Record<string, unknown>[]>();
  for (const o of carriedObjs) {
    const to = ids.get(o.id)!;
    const rec = carryObjective(o, to, remap, plan);
    plan.carried.push({ from: o.id, to, entity: 'objective' });
    byTeam.set(o.team, [...(byTeam.get(o.team) ?? []), rec]);
  }
  for (const [team, objectives] of [...byTeam].sort(([a], [b]) => (a < b ? -1 : 1)))
    plan.okrFiles.push({
      path: `okrs/${id}/${team}.yaml`,
      schema: 'okr-file.schema.json',
      comment: `Carried over from ${from} by okr new: the objectives and key results not finished there (grade below 1.0 or ungraded).`,
      data: { period: id, team, objectives },
    });
  const finished = h.objectives.filter((o) => o.period === from).length - carriedObjs.length;
  if (!carriedObjs.length) plan.notes.push(`every objective of ${from} is finished (grade 1.0): nothing to carry over`);
  else if (finished) plan.notes.push(`${finished} finished objective${finished === 1 ? '' : 's'} of ${from} stay behind`);
  return { ok: true, plan };
}

function carryObjective(o: ComputedObjective, to: string, remap: (r: unknown) => unknown, plan: NewPeriodPlan): Record<string, unknown> {
  const rec = asWritten(o);
  for (const f of OBJECTIVE_PROGRESS) delete rec[f];
  const out: Record<string, unknown> = { id: to, carriedFrom: o.id };
  for (const [k, v] of Object.entries(rec)) {
    if (k === 'id') continue;
    if (k === 'parent') out.parent = remap(v);
    else if (k === 'contributes' && Array.isArray(v)) out.contributes = v.map(remap);
    else if (k === 'dependencies' && Array.isArray(v))
      out.dependencies = v.map((d) => ({ ...asRecord(d), ...(asRecord(d).on ? { on: remap(asRecord(d).on) } : {}) }));
    else if (k === 'keyResults') continue;
    else out[k] = v;
  }
  const krs = o.keyResults.filter((k) => unfinished(k.grade.value));
  const written = Array.isArray(rec.keyResults) ? (rec.keyResults as unknown[]).map(asRecord) : [];
  out.keyResults = krs.map((kr) => {
    plan.carried.push({ from: kr.uid, to: `${to}.${kr.id}`, entity: 'kr' });
    return carryKr(kr, written.find((w) => w.id === kr.id) ?? {}, plan);
  });
  const left = o.keyResults.length - krs.length;
  if (left) plan.notes.push(`${to}: ${left} finished key result${left === 1 ? '' : 's'} of ${o.id} left behind`);
  return out;
}

function carryKr(kr: ComputedKr, written: Record<string, unknown>, plan: NewPeriodPlan): Record<string, unknown> {
  const rec = { ...written };
  for (const f of KR_PROGRESS) delete rec[f];
  const out: Record<string, unknown> = { id: kr.id, carriedFrom: kr.uid };
  for (const [k, v] of Object.entries(rec)) if (k !== 'id') out[k] = v;
  const reading = typeof kr.reading?.value === 'number' ? kr.reading.value : undefined;
  // Progress measured from where the last period ended.
  if ((kr.kind === 'metric' || kr.kind === 'threshold') && reading !== undefined) {
    out.baseline = reading;
    delete out.start;
    const labels = asRecord(out.labels);
    delete labels.baseline;
    if (Object.keys(labels).length) out.labels = labels;
    else delete out.labels;
  }
  if (kr.kind === 'compound' && Array.isArray(out.parts))
    out.parts = (out.parts as unknown[]).map((p) => {
      const part = asRecord(p);
      delete part.current;
      delete part.done;
      return part;
    });
  if (kr.kind === 'manual') {
    // A manual KR must carry a grade; the new period has none yet, so it becomes a milestone (ungraded until done).
    out.kind = 'milestone';
    out.target = 'Done';
    plan.notes.push(`${kr.uid}: a manual key result; carried over as a milestone (ungraded until done or graded)`);
  }
  return out;
}
