// The export contract read by other tools (`okr export`, /api/handbook.json). Keys are stable;
// additions are allowed, removals and renames are breaking. Grades are rounded to 4 decimals.
// Version 2: `status` is the status model's word (docs/grading.md), no longer a colour
// (`statusLight`); `auditFlag`/`auditReason` mean the grade disagreement only, the status one has
// `statusAuditFlag`/`statusAuditReason`.
// Version 3: one vocabulary — the pace word "far behind" replaces "off track" (a default band's
// label); a stale key result's `pace` is held against today (`pace.against: 'today'`); a final
// `statusWhy` names the reading it rests on; `declaredStatusText` is the declared status as shown.
import type { ComputedHandbook, ComputedKr, ComputedObjective } from './handbook.ts';
import { roundHalfAway } from './format.ts';
import { exportHistory, type HistoryIndex } from './history.ts';
import { receiptOf } from './receipts/trust.ts';
import type { Audit } from './audit.ts';
import type { Coverage } from './rollup.ts';
import { declaredWords, type Status } from './status.ts';

export const EXPORT_VERSION = 3;

const g4 = (x: number | null) => (x === null ? null : roundHalfAway(x, 4));

/** A status as the export writes it: the word, its light and the numbers behind it. */
const statusFields = (s: Status) => ({ status: s.word, statusKey: s.key, statusLight: s.light, statusWhy: s.why });

/** The grade disagreement keeps the historical `auditFlag`/`auditReason`; the status one has fields of its own. */
const auditFields = (a: Audit) => ({
  auditFlag: a.grade !== null,
  auditReason: a.grade?.reason ?? null,
  statusAuditFlag: a.status !== null,
  statusAuditReason: a.status?.reason ?? null,
});

const coverageFields = (c: Coverage) => ({
  coverage: { graded: c.graded, total: c.total },
  coverageByWeight: { graded: c.gradedWeight, total: c.totalWeight },
});

/** A record's receipt: leaf hash, index and inclusion proof in its own period's tree (docs/receipts.md). */
function exportReceipt(h: ComputedHandbook, key: string) {
  const r = receiptOf(h.trust, key);
  return r ? { period: r.period, leaf: r.record.leaf, index: r.record.index, proof: r.record.proof } : null;
}

function krValue(kr: ComputedKr, field: 'baseline' | 'target' | 'start'): number | string | null {
  const v = (kr as unknown as Record<string, unknown>)[field];
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

export function exportKr(kr: ComputedKr) {
  return {
    id: kr.uid,
    key: kr.id,
    objective: kr.objective,
    title: kr.title,
    kind: kr.kind,
    unit: kr.unit ?? null,
    baseline: krValue(kr, 'baseline'),
    target: krValue(kr, 'target'),
    current: kr.reading?.value ?? null,
    currentAsOf: kr.reading?.date ?? null,
    weight: kr.weight ?? 1,
    grade: g4(kr.grade.value),
    declaredGrade: kr.declared?.grade ?? null,
    gradeSource: kr.grade.source,
    derivation: kr.grade.derivation,
    exceeded: kr.grade.exceeded,
    band: kr.band,
    ...statusFields(kr.status),
    pace: kr.pace && {
      date: kr.pace.date ?? null,
      grade: g4(kr.pace.grade),
      expected: g4(kr.pace.expected),
      gap: kr.pace.gap,
      pace: kr.pace.pace,
      against: kr.pace.against,
    },
    expectedNow: g4(kr.expectedNow),
    freshness: {
      last: kr.freshness.last,
      daysSince: kr.freshness.daysSince,
      nextDue: kr.freshness.nextDue,
      stale: kr.freshness.stale,
      overdueDays: kr.freshness.overdueDays,
    },
    confidence: kr.confidence,
    declaredStatus: kr.declared?.status ?? null,
    declaredStatusNote: kr.declared?.statusNote ?? null,
    declaredStatusText: declaredWords(kr.declared),
    ...auditFields(kr.audit),
    kpi: kr.kpi ?? null,
    checkins: kr.trend.map((t) => ({
      date: t.date,
      value: t.value ?? null,
      grade: g4(t.grade),
      expected: g4(t.expected),
      pace: t.pace,
      counts: t.counts,
      confidence: t.checkin.confidence ?? null,
    })),
  };
}

/** `history`: the objective's commits from git up to `today` (the build's date), newest first; null when unavailable (no git repository, or a public build). */
export function exportObjective(o: ComputedObjective, history?: HistoryIndex, today?: string) {
  return {
    id: o.id,
    period: o.period,
    team: o.team,
    title: o.title,
    owner: o.owner ?? null,
    dri: o.dri ?? null,
    priority: o.priority ?? null,
    type: o.type ?? null,
    expected: o.expected,
    grade: g4(o.rollup.grade),
    declaredGrade: o.declared?.grade ?? null,
    derivation: o.rollup.derivation,
    ...coverageFields(o.rollup.coverage),
    band: o.rollup.band,
    ...statusFields(o.status),
    confidence: o.confidence ?? null,
    declaredStatus: o.declared?.status ?? null,
    declaredStatusNote: o.declared?.statusNote ?? null,
    declaredStatusText: declaredWords(o.declared),
    ...auditFields(o.audit),
    parent: o.parent ?? null,
    contributes: o.contributes ?? [],
    ancestry: o.alignment.ancestry,
    children: o.alignment.children,
    atRiskVia: o.atRiskVia ?? null,
    carriedFrom: o.carriedFrom ?? null,
    history: exportHistory(history, o.id, today),
    krs: o.keyResults.map(exportKr),
  };
}

export interface ExportOptions {
  history?: HistoryIndex;
  /** Export only this period's objectives and rollups (the rest of the export is small and stays whole). */
  period?: string;
  /**
   * Objectives already written as JSON, by id (see exportJson). A whole export fills it; a period's
   * slice takes its objectives out of it, so a build that writes both serialises each objective once.
   */
  pieces?: Map<string, Uint8Array>;
}

/** One objective as the export shows it, with its key results and receipts. */
function exportFullObjective(h: ComputedHandbook, o: ComputedObjective, ids: ReadonlySet<string>, history: HistoryIndex | undefined) {
  const e = {
    ...exportObjective(o, h.audience === 'public' ? undefined : history, h.today),
    // Only a link to an objective of this handbook (a public build does not name internal ones).
    carriedFrom: o.carriedFrom && ids.has(o.carriedFrom) ? o.carriedFrom : null,
  };
  return {
    ...e,
    receipt: exportReceipt(h, `objective/${o.id}`),
    krs: e.krs.map((k) => ({ ...k, receipt: exportReceipt(h, `keyResult/${k.id}`) })),
  };
}

export function exportHandbook(h: ComputedHandbook, opts: ExportOptions = {}) {
  return exportWith(h, opts, (list, ids) => list.map((o) => exportFullObjective(h, o, ids, opts.history)));
}

/** The export, with `objectives` made by `objectives` (serializeExport writes them one at a time). */
function exportWith<O>(
  h: ComputedHandbook,
  opts: ExportOptions,
  objectives: (list: readonly ComputedObjective[], ids: ReadonlySet<string>) => O,
) {
  const ids = new Set(h.objectives.map((o) => o.id));
  const inScope = <T extends { period: string }>(list: readonly T[]) =>
    opts.period === undefined ? list : list.filter((x) => x.period === opts.period);
  return {
    version: EXPORT_VERSION,
    org: h.model.org.name,
    /** The day statuses, pace and freshness are computed for. */
    asOf: h.today,
    periods: h.periods.map((p) => ({
      id: p.id,
      kind: p.kind,
      name: p.name ?? p.id,
      start: p.start,
      end: p.end,
      theme: p.theme ?? null,
      year: p.year,
      state: p.state.phase,
      stateLabel: p.state.label,
      week: p.state.week,
      weeks: p.state.weeks,
      checkinSchedule: p.schedule?.label ?? null,
    })),
    teams: h.model.teams.map((t) => ({ id: t.id, name: t.name, parent: t.parent ?? null })),
    // Git history (authors, commit subjects, changes to internal records) stays in the internal handbook.
    objectives: objectives(inScope(h.objectives), ids),
    rollups: {
      teamPeriods: inScope(h.teamPeriods).map((r) => ({
        period: r.period,
        team: r.team,
        grade: g4(r.grade),
        ...coverageFields(r.coverage),
        ...statusFields(r.status),
        derivation: r.derivation,
        alignment: r.alignment,
      })),
      companyPeriods: inScope(h.companyPeriods).map((r) => ({
        period: r.period,
        grade: g4(r.grade),
        ...coverageFields(r.coverage),
        ...statusFields(r.status),
        derivation: r.derivation,
      })),
    },
    /** Each period's Merkle root over this audience's records (a year covers its quarters). */
    roots: Object.fromEntries([...h.trust.trees].map(([period, t]) => [period, { root: t.root, treeSize: t.treeSize }])),
    decisionReceipts: h.trust.receipts.map((c) => ({
      id: c.receipt.id,
      scope: c.receipt.scope,
      period: c.receipt.period,
      decidedAt: c.receipt.decidedAt,
      approvedRoot: c.receipt.root,
      currentRoot: c.currentRoot,
      status: c.status,
      changes: c.changes,
    })),
  };
}

const OBJECTIVES = '\u0000objectives';

/**
 * The exact bytes of `okr export --format json`, /api/handbook.json and (with `period`) of
 * /api/periods/<id>.json: jsonText(exportHandbook(h)) and jsonText(periodExport(h, id)), built one
 * objective at a time as UTF-8 pieces, so neither the whole export nor one string of it (a large
 * handbook with its git history exports a hundred megabytes and more) ever exists in the JavaScript
 * heap. test/integration/export.test.ts compares them.
 */
export function exportJson(h: ComputedHandbook, opts: ExportOptions = {}): Buffer<ArrayBuffer> {
  return Buffer.concat(exportPieces(h, opts));
}

/** exportJson()'s bytes as its pieces, in order: a response can stream them instead of joining them into one more copy. */
export function exportPieces(h: ComputedHandbook, opts: ExportOptions = {}): Uint8Array[] {
  let list: readonly ComputedObjective[] = [];
  let ids: ReadonlySet<string> = new Set();
  // The frame holds a placeholder where the objectives go.
  const all = exportWith(h, opts, (l, i) => ((list = l), (ids = i), OBJECTIVES));
  const frame = jsonText(opts.period === undefined ? all : periodFrame(all, opts.period));
  const placeholder = JSON.stringify(OBJECTIVES);
  const at = frame.indexOf(placeholder);
  const pieces: Uint8Array[] = [Buffer.from(frame.slice(0, at))];
  const whole = opts.period === undefined;
  list.forEach((o, i) => {
    let piece = opts.pieces?.get(o.id);
    if (piece && !whole) opts.pieces!.delete(o.id);
    piece ??= Buffer.from(indented(exportFullObjective(h, o, ids, opts.history)));
    if (whole) opts.pieces?.set(o.id, piece);
    pieces.push(Buffer.from(i ? ',\n    ' : '[\n    '), piece);
  });
  pieces.push(Buffer.from(`${list.length ? '\n  ]' : '[]'}${frame.slice(at + placeholder.length)}`));
  return pieces;
}

export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const [BEFORE, AFTER] = JSON.stringify({ o: [OBJECTIVES] }, null, 2).split(JSON.stringify(OBJECTIVES));
/**
 * An objective as JSON.stringify(…, null, 2) writes it at its depth in the frame (an item of a list
 * that is a property of the top-level object): JSON.stringify indents it there itself, faster than
 * indenting its text afterwards.
 */
function indented(value: unknown): string {
  const text = JSON.stringify({ o: [value] }, null, 2);
  return text.slice(BEFORE!.length, text.length - AFTER!.length);
}

function periodFrame<O>(all: ReturnType<typeof exportWith<O>>, id: string) {
  return {
    version: all.version,
    org: all.org,
    period: all.periods.find((p) => p.id === id),
    objectives: all.objectives,
    rollups: all.rollups,
  };
}

/** One period's slice of the export (/api/periods/<id>.json): its objectives and rollups. */
export function periodExport(h: ComputedHandbook, id: string, opts: { history?: HistoryIndex } = {}) {
  return periodFrame(exportHandbook(h, { ...opts, period: id }), id);
}

const CSV_COLUMNS = [
  'period',
  'team',
  'objective',
  'id',
  'title',
  'kind',
  'unit',
  'baseline',
  'target',
  'current',
  'grade',
  'declaredGrade',
  'gradeSource',
  'status',
  'declaredStatus',
  'auditFlag',
  'auditReason',
  'derivation',
  'statusLight',
  'statusAuditFlag',
  'statusAuditReason',
  'lastCheckin',
  'stale',
  'receiptLeaf',
] as const;

/**
 * A cell that starts a formula in a spreadsheet (OWASP, CSV injection): =, +, -, @, a tab, a
 * carriage return, a line feed or a NUL first — also as their full-width forms, which some
 * spreadsheets read alike. A plain number (-1.5, +3) is no formula; "-1+cmd|' /C calc'!A0" is one.
 */
const FORMULA_START = /^[=+\-@\t\r\n\0＝＋－＠]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** RFC 4180 cell; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportCsv(h: ComputedHandbook): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const o of h.objectives)
    for (const kr of o.keyResults) {
      const e = exportKr(kr);
      const receiptLeaf = receiptOf(h.trust, `keyResult/${kr.uid}`)?.record.leaf ?? null;
      const row = {
        ...e,
        period: o.period,
        team: o.team,
        objective: o.id,
        receiptLeaf,
        lastCheckin: e.freshness.last,
        stale: e.freshness.stale,
      };
      rows.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
    }
  return `${rows.join('\r\n')}\r\n`;
}
