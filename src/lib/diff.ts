// What a change to the content does to the handbook: records matched by stable id, field changes,
// grade changes, changes after a period's lock date, Merkle root changes and the decision receipts
// that become stale (from the trust layer of each computed handbook, src/lib/receipts/trust.ts).
// Pure: the two sides come from ./load/git.ts or two content directories, computed by ./handbook.ts;
// the result feeds `okr diff`, `okr check --base` and the change history (./history.ts).
import { formatGrade, roundHalfAway, scalarText } from './format.ts';
import type { ContentIssue } from './errors.ts';
import type { ComputedHandbook, ComputedKr } from './handbook.ts';
import { issueAt } from './source/yaml-source.ts';
import { textChange } from './text-change.ts';

export const DIFF_VERSION = 1;

export type Value = string | number | boolean | null;

export interface Change {
  type: 'added' | 'removed' | 'renamed' | 'changed' | 'grade';
  entity: 'period' | 'objective' | 'kr';
  /** Period id, objective id, or a KR's handbook-wide id (`<objective>.<kr>`). */
  id: string;
  period: string;
  /** For key results: the objective they belong to. */
  objective?: string;
  /** The record's title (the new one; the old one for removals). */
  title: string;
  /** For `changed`: the field, e.g. target, owner, `parts.churn.target`, checkins. */
  field?: string;
  from?: Value;
  to?: Value;
  /** A change to the plan of a period after its lock date. */
  afterLock?: boolean;
  /** For a target/baseline/start change after lock: whether a revision on the KR records it. */
  revised?: boolean;
  /** `error` for a target/baseline/start change after lock with no revision; `warning` for other plan changes after lock. */
  severity?: 'error' | 'warning';
  /** The key result is redacted: from/to are withheld. */
  redacted?: boolean;
  /** Where the record is now (the old file for removals). */
  file?: string;
  line?: number;
}

export interface RootChange {
  scope: string;
  period: string;
  base: string | null;
  head: string | null;
}

export interface StaleReceipt {
  id: string;
  period: string;
  scope: string;
  decision: string;
  /** The root the receipt approved (still the content's on the base side, no longer on the head side). */
  root: string;
  /** The content's root on the head side. */
  currentRoot: string | null;
  /** Records that changed since the approval ("objective/<id>"), when the receipt lists its leaves. */
  changed: string[] | null;
}

export interface HandbookDiff {
  version: number;
  base: { label: string; commit?: string };
  head: { label: string; commit?: string };
  /** The date the change counts as made (HEAD's commit date, or the build date): compared with lock dates. */
  changeDate: string;
  summary: {
    added: number;
    removed: number;
    renamed: number;
    changed: number;
    targetChanges: number;
    gradeChanges: number;
    afterLock: number;
    unrevised: number;
  };
  changes: Change[];
  /** Merkle roots (per scope and period) that differ between the sides. */
  roots: RootChange[];
  /** Decision receipts current on the base side and stale on the head side. */
  staleReceipts: StaleReceipt[];
  /**
   * Snapshot signing keys pinned (org.yaml trust.keys) on one side only: a key whose fingerprint
   * changed under the same id is removed and added. Reviewers compare added fingerprints elsewhere.
   */
  signingKeys: { added: { id: string; fingerprint: string }[]; removed: { id: string; fingerprint: string }[] };
}

// ---------------------------------------------------------------------------------------------
// Record-level comparison (works on computed handbooks and on loosely parsed files from git history)

/** The shape diffRecords needs; computed objectives and plain YAML records both fit. */
export interface LooseObjective {
  id: string;
  period: string;
  title?: unknown;
  keyResults?: LooseKr[];
  [field: string]: unknown;
}
export interface LooseKr {
  id: string;
  title?: unknown;
  [field: string]: unknown;
}
export interface LoosePeriod {
  id: string;
  lockDate?: unknown;
  [field: string]: unknown;
}

export interface RecordSet {
  periods?: LoosePeriod[];
  objectives: LooseObjective[];
}

export interface DiffRecordOptions {
  /** When the change counts as made; with lock dates, plan changes after lock are flagged. */
  changeDate?: string;
  /** Grades by objective id and KR uid on each side (null = ungraded). */
  grades?: { base: Map<string, number | null>; head: Map<string, number | null> };
}

/** Fields that define the plan; changing them after lock is flagged. */
const OBJECTIVE_PLAN = ['description', 'owner', 'dri', 'priority', 'type', 'pillar', 'stageGate', 'parent', 'contributes', 'weight'];
const OBJECTIVE_PLACE = ['period', 'team', 'classification'];
/** Progress: expected to change after lock. */
const OBJECTIVE_PROGRESS = ['confidence', 'declared.grade', 'declared.status'];
const KR_PLAN = [
  'kind',
  'description',
  'unit',
  'operator',
  'direction',
  'target',
  'baseline',
  'start',
  'owner',
  'weight',
  'kpi',
  'measurement',
  'combine',
];
const KR_PLACE = ['classification'];
const KR_PROGRESS = ['current', 'done', 'manualGrade', 'declared.grade', 'declared.status', 'checkins', 'revisions'];
const PART_PLAN = ['kind', 'title', 'unit', 'operator', 'target', 'baseline', 'start'];
const PART_PROGRESS = ['current', 'done'];
const PERIOD_FIELDS = ['kind', 'name', 'start', 'end', 'theme', 'lockDate', 'finalized', 'classification'];
/**
 * Setting a lock date where there was none, or finalizing the period, is not a plan change after
 * lock; moving or removing the lock, or un-finalizing, is (it would let later edits go unflagged).
 */
const setsLock = (f: string, from: Value | undefined, to: Value | undefined) =>
  (f === 'lockDate' && (from === null || from === undefined)) || (f === 'finalized' && from !== true && to === true);

/** Fields that carry a key result's values (withheld for redacted key results). */
const VALUE_FIELDS = new Set(['target', 'baseline', 'start', 'current', 'checkins']);

/** Fields whose change after lock is an error unless a revision records it. */
export const REVISABLE = new Set(['target', 'baseline', 'start']);

const get = (o: Record<string, unknown>, path: string): unknown =>
  path.includes('.')
    ? path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o)
    : o[path];

/** A comparable, printable value. */
function norm(v: unknown): Value {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(', ');
  return JSON.stringify(v);
}

/** Check-ins as a reader thinks of them: "2 check-ins, latest 2025-02-01: 14.5". */
function checkinsValue(v: unknown): Value {
  if (!Array.isArray(v) || v.length === 0) return null;
  const last = v.at(-1) as { date?: unknown; value?: unknown };
  const latest = last?.value === undefined ? scalarText(last?.date ?? '') : `${scalarText(last?.date ?? '')}: ${scalarText(last.value)}`;
  return `${v.length} check-in${v.length === 1 ? '' : 's'}, latest ${latest}`;
}

/** Equal as JSON. Two different strings never are, which spares most comparisons the serialising. */
const same = (a: unknown, b: unknown) =>
  a === b || (typeof a === 'string' && typeof b === 'string' ? false : JSON.stringify(a ?? null) === JSON.stringify(b ?? null));

function fieldValue(o: Record<string, unknown>, field: string): Value {
  const v = get(o, field);
  if (field === 'checkins') return checkinsValue(v);
  if (field === 'revisions') return Array.isArray(v) && v.length ? v.length : null;
  return norm(v);
}

const eqValue = (a: unknown, b: unknown) =>
  typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : String(a).trim() === String(b).trim();

/** Whether the KR's revisions take `field` from `from` to `to` (directly or through a chain). */
export function revisionCovers(revisions: unknown, field: string, from: Value, to: Value): boolean {
  if (!Array.isArray(revisions)) return false;
  const revs = (revisions as { field?: string; from?: unknown; to?: unknown }[]).filter((r) => r.field === field);
  let cur: unknown = from;
  for (const r of revs) if (eqValue(r.from, cur)) cur = r.to;
  return cur !== null && to !== null && eqValue(cur, to);
}

const titleOf = (r: { title?: unknown; id: string }) => (typeof r.title === 'string' ? r.title : r.id);

/** Compare two sets of records by stable id. */
export function diffRecords(base: RecordSet, head: RecordSet, opts: DiffRecordOptions = {}): Change[] {
  const changes: Change[] = [];
  const locks = new Map<string, string>();
  // The earlier of the two lock dates applies: moving the lock date in the same change cannot unlock it.
  for (const p of [...(base.periods ?? []), ...(head.periods ?? [])])
    if (typeof p.lockDate === 'string' && (!locks.has(p.id) || p.lockDate < locks.get(p.id)!)) locks.set(p.id, p.lockDate);
  const locked = (period: string) => {
    const d = locks.get(period);
    return Boolean(d && opts.changeDate && d < opts.changeDate);
  };

  // Periods.
  const basePeriods = new Map((base.periods ?? []).map((p) => [p.id, p]));
  const headPeriods = new Map((head.periods ?? []).map((p) => [p.id, p]));
  for (const [id, p] of headPeriods) {
    const b = basePeriods.get(id);
    const title = typeof p.name === 'string' ? p.name : id;
    if (!b) changes.push({ type: 'added', entity: 'period', id, period: id, title });
    else
      for (const f of PERIOD_FIELDS) {
        const [from, to] = [fieldValue(b, f), fieldValue(p, f)];
        if (!same(from, to))
          changes.push({
            type: 'changed',
            entity: 'period',
            id,
            period: id,
            title,
            field: f,
            from,
            to,
            ...(setsLock(f, from, to) ? {} : lockFlag(id)),
          });
      }
  }
  for (const [id, p] of basePeriods)
    if (!headPeriods.has(id))
      changes.push({ type: 'removed', entity: 'period', id, period: id, title: typeof p.name === 'string' ? p.name : id, ...lockFlag(id) });

  function lockFlag(period: string): Pick<Change, 'afterLock' | 'severity'> {
    return locked(period) ? { afterLock: true, severity: 'warning' } : {};
  }

  // Objectives and their key results.
  const baseObjs = new Map(base.objectives.map((o) => [o.id, o]));
  const headObjs = new Map(head.objectives.map((o) => [o.id, o]));
  const gradeChange = (entity: 'objective' | 'kr', id: string, rest: Pick<Change, 'period' | 'objective' | 'title'>) => {
    if (!opts.grades) return;
    const [from, to] = [opts.grades.base.get(id) ?? null, opts.grades.head.get(id) ?? null];
    const r4 = (x: number | null) => (x === null ? null : roundHalfAway(x, 4));
    if (r4(from) !== r4(to)) changes.push({ type: 'grade', entity, id, ...rest, from: r4(from), to: r4(to) });
  };

  for (const [id, o] of headObjs) {
    const b = baseObjs.get(id);
    const title = titleOf(o);
    const flag = lockFlag(o.period);
    if (!b) {
      changes.push({ type: 'added', entity: 'objective', id, period: o.period, title, ...flag });
      for (const kr of o.keyResults ?? [])
        changes.push({ type: 'added', entity: 'kr', id: `${id}.${kr.id}`, objective: id, period: o.period, title: titleOf(kr), ...flag });
      continue;
    }
    if (!same(b.title, o.title))
      changes.push({ type: 'renamed', entity: 'objective', id, period: o.period, title, from: norm(b.title), to: norm(o.title), ...flag });
    for (const f of [...OBJECTIVE_PLAN, ...OBJECTIVE_PLACE, ...OBJECTIVE_PROGRESS]) {
      const [from, to] = [fieldValue(b, f), fieldValue(o, f)];
      if (same(from, to)) continue;
      const plan = !OBJECTIVE_PROGRESS.includes(f);
      // A moved objective is locked if either of its periods is.
      const lockedHere = plan && (locked(o.period) || (f === 'period' && locked(b.period)));
      changes.push({
        type: 'changed',
        entity: 'objective',
        id,
        period: o.period,
        title,
        field: f,
        from,
        to,
        ...(lockedHere ? { afterLock: true, severity: 'warning' as const } : {}),
      });
    }
    gradeChange('objective', id, { period: o.period, title });

    const baseKrs = new Map((b.keyResults ?? []).map((k) => [k.id, k]));
    const headKrs = new Map((o.keyResults ?? []).map((k) => [k.id, k]));
    for (const [kid, kr] of headKrs) {
      const uid = `${id}.${kid}`;
      const at = { entity: 'kr' as const, id: uid, objective: id, period: o.period, title: titleOf(kr) };
      const bk = baseKrs.get(kid);
      if (!bk) {
        changes.push({ type: 'added', ...at, ...flag });
        continue;
      }
      if (!same(bk.title, kr.title)) changes.push({ type: 'renamed', ...at, from: norm(bk.title), to: norm(kr.title), ...flag });
      const fieldChange = (field: string, from: Value, to: Value, plan: boolean, revisionField?: string) => {
        if (same(from, to)) return;
        const c: Change = { type: 'changed', ...at, field, from, to };
        if (plan && locked(o.period)) {
          c.afterLock = true;
          c.severity = 'warning';
          if (revisionField && REVISABLE.has(revisionField)) {
            c.revised = revisionCovers(kr.revisions, revisionField, from, to);
            if (!c.revised) c.severity = 'error';
          }
        }
        // Redacted key results: their values appear nowhere, not even in a diff or the history.
        if (hidden && VALUE_FIELDS.has(field.split('.').at(-1)!)) {
          c.from = null;
          c.to = null;
          c.redacted = true;
        }
        changes.push(c);
      };
      const hidden = kr.kind === 'redacted' || bk.kind === 'redacted';
      for (const f of [...KR_PLAN, ...KR_PLACE, ...KR_PROGRESS])
        fieldChange(f, fieldValue(bk, f), fieldValue(kr, f), !KR_PROGRESS.includes(f), f);
      // Compound sub-metrics, matched by their ids.
      const parts = (k: LooseKr) => new Map(((Array.isArray(k.parts) ? k.parts : []) as LooseKr[]).map((p) => [p.id, p]));
      const [bp, hp] = [parts(bk), parts(kr)];
      for (const [pid, p] of hp) {
        const old = bp.get(pid);
        if (!old) fieldChange(`parts.${pid}`, null, titleOf(p), true);
        else
          for (const f of [...PART_PLAN, ...PART_PROGRESS])
            fieldChange(`parts.${pid}.${f}`, fieldValue(old, f), fieldValue(p, f), PART_PLAN.includes(f), f);
      }
      for (const [pid, p] of bp) if (!hp.has(pid)) fieldChange(`parts.${pid}`, titleOf(p), null, true);
      gradeChange('kr', uid, at);
    }
    for (const [kid, bk] of baseKrs)
      if (!headKrs.has(kid))
        changes.push({ type: 'removed', entity: 'kr', id: `${id}.${kid}`, objective: id, period: o.period, title: titleOf(bk), ...flag });
  }
  for (const [id, b] of baseObjs)
    if (!headObjs.has(id)) {
      const flag = lockFlag(b.period);
      changes.push({ type: 'removed', entity: 'objective', id, period: b.period, title: titleOf(b), ...flag });
      for (const kr of b.keyResults ?? [])
        changes.push({ type: 'removed', entity: 'kr', id: `${id}.${kr.id}`, objective: id, period: b.period, title: titleOf(kr), ...flag });
    }
  return sortChanges(changes);
}

const TYPE_ORDER = { removed: 0, added: 1, renamed: 2, changed: 3, grade: 4 } as const;
const ENTITY_ORDER = { period: 0, objective: 1, kr: 2 } as const;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Stable order: by period, objective, record, type, field. */
export function sortChanges(changes: Change[]): Change[] {
  return [...changes].sort(
    (a, b) =>
      cmp(a.period, b.period) ||
      ENTITY_ORDER[a.entity === 'period' ? 'period' : 'objective'] - ENTITY_ORDER[b.entity === 'period' ? 'period' : 'objective'] ||
      cmp(a.objective ?? a.id, b.objective ?? b.id) ||
      ENTITY_ORDER[a.entity] - ENTITY_ORDER[b.entity] ||
      cmp(a.id, b.id) ||
      TYPE_ORDER[a.type] - TYPE_ORDER[b.type] ||
      cmp(a.field ?? '', b.field ?? ''),
  );
}

// ---------------------------------------------------------------------------------------------
// Whole handbooks

export interface DiffOptions {
  changeDate: string;
  base: { label: string; commit?: string };
  head: { label: string; commit?: string };
}

/** Each side's Merkle roots by scope and period: the okrs tree of every period, and the root of every receipt's scope. */
function rootsOf(h: ComputedHandbook): Map<string, RootChange & { root: string }> {
  const m = new Map<string, RootChange & { root: string }>();
  const add = (scope: string, period: string, root: string | null) =>
    root && m.set(`${scope}:${period}`, { scope, period, base: null, head: null, root });
  for (const [period, tree] of h.trust.trees) add('okrs', period, tree.root);
  for (const c of h.trust.receipts) add(c.receipt.scope, c.receipt.period, c.currentRoot);
  return m;
}

export interface DiffResult {
  diff: HandbookDiff;
  /** Error-level findings (target/baseline changed after lock without a revision) located in HEAD's files, for `okr check --base`. */
  issues: ContentIssue[];
}

function grades(h: ComputedHandbook): Map<string, number | null> {
  const m = new Map<string, number | null>();
  for (const o of h.objectives) {
    m.set(o.id, o.rollup.grade);
    for (const kr of o.keyResults) m.set(kr.uid, kr.grade.value);
  }
  return m;
}

/** Everything HEAD changes relative to BASE. */
export function diffHandbooks(base: ComputedHandbook, head: ComputedHandbook, opts: DiffOptions): DiffResult {
  const changes = diffRecords(
    { periods: base.periods as unknown as LoosePeriod[], objectives: base.objectives as unknown as LooseObjective[] },
    { periods: head.periods as unknown as LoosePeriod[], objectives: head.objectives as unknown as LooseObjective[] },
    { changeDate: opts.changeDate, grades: { base: grades(base), head: grades(head) } },
  );

  // Locate each change in its file, and turn unrevised target changes into check issues.
  const where = (h: ComputedHandbook) => {
    const m = new Map<string, { src: ComputedKr['origin']['src']; path: (string | number)[] }>();
    for (const p of h.periods) m.set(`period:${p.id}`, p.origin);
    for (const o of h.objectives) {
      m.set(`objective:${o.id}`, o.origin);
      for (const kr of o.keyResults) m.set(`kr:${kr.uid}`, kr.origin);
    }
    return m;
  };
  const [baseAt, headAt] = [where(base), where(head)];
  const issues: ContentIssue[] = [];
  const headKr = new Map(head.objectives.flatMap((o) => o.keyResults.map((k) => [k.uid, k] as const)));
  for (const c of changes) {
    const origin = (c.type === 'removed' ? baseAt : headAt).get(`${c.entity}:${c.id}`);
    if (!origin) continue;
    const fieldPath = c.type === 'changed' && c.field && c.entity !== 'period' ? fieldPathOf(c.field, headKr.get(c.id)) : [];
    const issue = issueAt(origin.src, [...origin.path, ...fieldPath], '');
    c.file = issue.file;
    c.line = issue.line;
    if (c.severity === 'error') {
      const lockDate = head.periods.find((p) => p.id === c.period)?.lockDate ?? base.periods.find((p) => p.id === c.period)?.lockDate;
      const revField = c.field!.split('.').at(-1)!;
      issues.push(
        issueAt(
          origin.src,
          [...origin.path, ...fieldPath],
          `${c.field} changed from ${show(c.from)} to ${show(c.to)} after ${c.period} was locked on ${lockDate}, and no revision records it`,
          `add to this key result: revisions: [{ field: ${revField}, from: ${show(c.from)}, to: ${show(c.to)}, reason: "…", approvedBy: <person id>, date: ${opts.changeDate} }]`,
        ),
      );
    }
  }

  const diff: HandbookDiff = {
    version: DIFF_VERSION,
    base: opts.base,
    head: opts.head,
    changeDate: opts.changeDate,
    summary: summarise(changes),
    changes,
    roots: [],
    staleReceipts: [],
    signingKeys: pinChanges(base.trust.pins, head.trust.pins),
  };
  const [before, after] = [rootsOf(base), rootsOf(head)];
  diff.roots = [...new Set([...before.keys(), ...after.keys()])]
    .sort(cmp)
    .map((key) => {
      const r = (before.get(key) ?? after.get(key))!;
      return { scope: r.scope, period: r.period, base: before.get(key)?.root ?? null, head: after.get(key)?.root ?? null };
    })
    .filter((r) => r.base !== r.head);
  // A receipt goes stale in this change when it held on the base side and does not on the head side.
  const wasStale = new Map(base.trust.receipts.map((c) => [c.receipt.id, c.status]));
  diff.staleReceipts = head.trust.receipts
    .filter((c) => c.status === 'stale' && wasStale.get(c.receipt.id) !== 'stale')
    .map((c) => ({
      id: c.receipt.id,
      period: c.receipt.period,
      scope: c.receipt.scope,
      decision: c.receipt.decision,
      root: c.receipt.root,
      currentRoot: c.currentRoot,
      changed: c.changes ? [...c.changes.changed, ...c.changes.added, ...c.changes.removed].map((x) => x.key).sort(cmp) : null,
    }));
  return { diff, issues };
}

/** The pins on one side only (same id and fingerprint on both sides is no change). */
function pinChanges(base: readonly { id: string; fingerprint: string }[], head: readonly { id: string; fingerprint: string }[]) {
  const key = (p: { id: string; fingerprint: string }) => `${p.id} ${p.fingerprint}`;
  const [before, after] = [new Set(base.map(key)), new Set(head.map(key))];
  const pick = ({ id, fingerprint }: { id: string; fingerprint: string }) => ({ id, fingerprint });
  return { added: head.filter((p) => !before.has(key(p))).map(pick), removed: base.filter((p) => !after.has(key(p))).map(pick) };
}

/** The YAML path of a changed field inside its record ("parts.churn.target" → ["parts", 1, "target"]). */
function fieldPathOf(field: string, kr: ComputedKr | undefined): (string | number)[] {
  const segs = field.split('.');
  if (segs[0] === 'parts' && kr && 'parts' in kr) {
    const i = kr.parts.findIndex((p) => p.id === segs[1]);
    return i < 0 ? ['parts'] : ['parts', i, ...segs.slice(2)];
  }
  return segs[0] === 'declared' ? segs : [segs[0]!];
}

function summarise(changes: Change[]): HandbookDiff['summary'] {
  const n = (f: (c: Change) => boolean) => changes.filter(f).length;
  // A key result added or removed with its objective counts once, as the objective.
  const records = (type: Change['type']) => {
    const objectives = new Set(changes.filter((c) => c.type === type && c.entity === 'objective').map((c) => c.id));
    return n((c) => c.type === type && (c.entity !== 'kr' || !objectives.has(c.objective!)));
  };
  return {
    added: records('added'),
    removed: records('removed'),
    renamed: n((c) => c.type === 'renamed'),
    changed: new Set(changes.filter((c) => c.type === 'changed').map((c) => c.id)).size,
    targetChanges: n((c) => c.type === 'changed' && REVISABLE.has(c.field?.split('.').at(-1) ?? '')),
    gradeChanges: n((c) => c.type === 'grade'),
    afterLock: n((c) => Boolean(c.afterLock)),
    unrevised: n((c) => c.severity === 'error'),
  };
}

// ---------------------------------------------------------------------------------------------
// Words

const show = (v: Value | undefined) => (v === null || v === undefined ? '—' : typeof v === 'string' ? JSON.stringify(v) : String(v));

const FIELD_LABEL: Record<string, string> = {
  checkins: 'check-ins',
  'declared.grade': 'declared grade',
  'declared.status': 'declared status',
  manualGrade: 'manual grade',
  stageGate: 'stage gate',
  lockDate: 'lock date',
};
export const fieldLabel = (field: string) =>
  FIELD_LABEL[field] ?? (field.startsWith('parts.') ? `part ${field.slice(6).replace('.', ' ')}` : field);

const short = (v: Value | undefined, max = 60) => {
  const s = v === null || v === undefined ? '—' : String(v);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

/** Both sides of a change; of two long texts, the part that changed with a few words around it. */
function sides(from: Value | undefined, to: Value | undefined): [string, string] {
  if (typeof from !== 'string' || typeof to !== 'string') return [short(from), short(to)];
  const t = textChange(from, to);
  return [t.from, t.to];
}

/** One change in words, without the record's name: "target 15 → 18", "renamed “A” → “B”", "added". */
export function describeChange(c: Change): string {
  const what = c.entity === 'kr' ? 'key result' : c.entity;
  switch (c.type) {
    case 'added':
      return `${what} added`;
    case 'removed':
      return `${what} removed`;
    case 'renamed': {
      const [from, to] = sides(c.from, c.to);
      return `renamed “${from}” → “${to}”`;
    }
    case 'grade':
      return `grade ${formatGrade(c.from as number | null)} → ${formatGrade(c.to as number | null)}`;
    case 'changed':
      if (c.redacted) return `${fieldLabel(c.field!)} changed (values redacted)`;
      if (c.field === 'revisions') {
        const n = Number(c.to ?? 0) - Number(c.from ?? 0);
        if (n === 0) return 'revisions edited';
        return `${Math.abs(n)} revision${Math.abs(n) === 1 ? '' : 's'} ${n > 0 ? 'recorded' : 'removed'}`;
      }
      if (c.from === null) return `${fieldLabel(c.field!)} set to ${short(c.to)}`;
      if (c.to === null) return `${fieldLabel(c.field!)} removed (was ${short(c.from)})`;
      return `${fieldLabel(c.field!)} ${sides(c.from, c.to).join(' → ')}`;
  }
}

/** Escape content text for GitHub-flavoured Markdown table cells (content strings are never trusted). */
export function mdEscape(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1')
    .replace(/@/g, '@\u200b');
}

const ICON: Record<Change['type'], string> = {
  added: '➕ added',
  removed: '➖ removed',
  renamed: '✏️ renamed',
  changed: '🔧 changed',
  grade: '📈 grade',
};

/** The Markdown a pull request comment shows: summary line, lock findings first, a table per period. */
export function formatDiffMarkdown(diff: HandbookDiff, opts: { marker?: string; maxRows?: number } = {}): string {
  const maxRows = opts.maxRows ?? 200;
  const s = diff.summary;
  const out: string[] = [];
  if (opts.marker) out.push(opts.marker);
  out.push(`## OKR changes: ${code(diff.base.label)} → ${code(diff.head.label)}`, '');
  const keys = diff.signingKeys;
  const changeCount = diff.changes.length + diff.roots.length + diff.staleReceipts.length + keys.added.length + keys.removed.length;
  if (!changeCount) {
    out.push('No changes to periods, objectives or key results.');
    return `${out.join('\n')}\n`;
  }
  const parts = [
    s.added && `${s.added} added`,
    s.removed && `${s.removed} removed`,
    s.renamed && `${s.renamed} renamed`,
    s.changed && `${s.changed} record${s.changed === 1 ? '' : 's'} changed`,
    s.targetChanges && `${s.targetChanges} target/baseline change${s.targetChanges === 1 ? '' : 's'}`,
    s.gradeChanges && `${s.gradeChanges} grade change${s.gradeChanges === 1 ? '' : 's'}`,
    s.afterLock && `${s.afterLock} after lock`,
  ].filter(Boolean);
  out.push(`**${parts.join(' · ') || 'no record changes'}** (changes dated ${diff.changeDate})`, '');

  if (keys.added.length || keys.removed.length) {
    // A pinned key decides whose signatures the trust center accepts: the change is put first.
    out.push(
      `> [!IMPORTANT]`,
      `> **Snapshot signing keys change** (org.yaml \`trust.keys\`): compare each added fingerprint with the copy published outside this repository before approving.`,
    );
    for (const k of keys.added) out.push(`> - ➕ ${code(k.id)} ${code(k.fingerprint)}`);
    for (const k of keys.removed) out.push(`> - ➖ ${code(k.id)} ${code(k.fingerprint)} (snapshots signed by it no longer verify)`);
    out.push('');
  }
  const errors = diff.changes.filter((c) => c.severity === 'error');
  if (errors.length) {
    out.push(
      `> [!CAUTION]`,
      `> **${errors.length} target/baseline change${errors.length === 1 ? '' : 's'} after lock without a revision.**`,
    );
    out.push(`> Add a \`revisions:\` entry (field, from, to, reason, approvedBy, date) to each key result, or revert the change.`);
    for (const c of errors) out.push(`> - ❌ ${code(c.id)}${loc(c)}: ${mdEscape(describeChange(c))}`);
    out.push('');
  }
  if (diff.staleReceipts.length) {
    out.push(
      `> [!WARNING]`,
      `> **${diff.staleReceipts.length} decision receipt${diff.staleReceipts.length === 1 ? ' becomes' : 's become'} stale** (content changed since the approval):`,
    );
    for (const r of diff.staleReceipts)
      out.push(
        `> - ${code(r.id)} (${mdEscape(r.scope)}, ${mdEscape(r.period)}): ${mdEscape(r.decision)}` +
          (r.changed?.length
            ? ` — changed since: ${r.changed.slice(0, 5).map(code).join(', ')}${r.changed.length > 5 ? ` and ${r.changed.length - 5} more` : ''}`
            : ''),
      );
    out.push('');
  }

  const byPeriod = new Map<string, Change[]>();
  for (const c of diff.changes) byPeriod.set(c.period, [...(byPeriod.get(c.period) ?? []), c]);
  let rows = 0;
  for (const [period, list] of byPeriod) {
    if (rows >= maxRows) break;
    out.push(`### ${mdEscape(period)}`, '', '| Change | Record | Detail |', '| --- | --- | --- |');
    for (const c of list) {
      if (rows >= maxRows) break;
      rows++;
      const who = c.entity === 'kr' ? `${c.id.split('.').at(-1)!.toUpperCase()} ${c.title}` : c.title;
      const lock =
        c.severity === 'error'
          ? ' · ❌ **changed after lock, no revision**'
          : c.revised
            ? ' · 🔒 changed after lock, revision recorded'
            : c.afterLock
              ? ' · 🔒 changed after lock'
              : '';
      out.push(`| ${ICON[c.type]} | ${mdEscape(who)}<br>${code(c.id)} | ${mdEscape(describeChange(c))}${lock} |`);
    }
    out.push('');
  }
  if (diff.changes.length > rows)
    out.push(`… and ${diff.changes.length - rows} more changes (\`okr diff --format json\` lists them all).`, '');
  if (diff.roots.length) {
    out.push('### Merkle roots', '', '| Period | Scope | Before | After |', '| --- | --- | --- | --- |');
    for (const r of diff.roots)
      out.push(
        `| ${mdEscape(r.period)} | ${mdEscape(r.scope)} | \`${r.base?.slice(0, 12) ?? '—'}\` | \`${r.head?.slice(0, 12) ?? '—'}\` |`,
      );
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

const loc = (c: Change) => (c.file ? ` (${mdEscape(c.file)}${c.line ? `:${c.line}` : ''})` : '');

/** Inline code: its content is shown literally, so only backticks, pipes and line breaks need removing. */
const code = (s: string) => `\`${s.replace(/[`|\r\n]/g, ' ')}\``;
