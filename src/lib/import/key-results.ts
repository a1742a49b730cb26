// From the values a document gives for a key result (cells or prose) to a key result of the
// content model: choose its kind (metric, count, threshold, milestone, compound, redacted), its
// numbers, unit and labels, following docs/transcription-rules.md. Every choice the document does
// not state outright is reported as a guess.
import { slug } from './ids.ts';
import { proseShape, readOutcome, type ProseShape } from './prose.ts';
import type { KrDraft, KrRecord, Report } from './types.ts';
import {
  findFromTo,
  findNumbers,
  findThresholds,
  normaliseUnit,
  sameUnit,
  type Measure,
  type NumberValue,
  type Operator,
  type Value,
} from './values.ts';
import { pushAll } from '../errors.ts';

/** Verbs that count things from zero ("close 15 deals", "launch 3 features", "6 recruiters hired"). */
const COUNT_VERB =
  /\b(?:close|closed|land|landed|launch|launched|ship|shipped|hire|hired|add|added|sign|signed|publish|published|deliver|delivered|win|won|complete|completed|onboard|onboarded|recruit|recruited|produce|produced|release|released|run|host|hold|train|trained|acquire|acquired|secure|secured|get|open|opened|implement|implemented|migrate|migrated|generate|generated|create|created|book|booked|enroll|enrolled|certify|certified|interview|interviewed|convert|converted)\b/i;
const COUNT_VERB_START = new RegExp(`^${COUNT_VERB.source}`, 'i');
const DECREASE =
  /\b(?:reduce[sd]?|reducing|decrease[sd]?|lower|cut|shrink|shorten|minimi[sz]e|eliminate|drop|keep\b.*\b(?:below|under))\b/i;
const INCREASE = /\b(?:increase[sd]?|grow|grows|raise|boost|expand|maximi[sz]e)\b/i;
/** Words that invert the operator that follows them: "prevent >2% breaches" means at most 2%. */
const NEGATION = /\b(?:prevent|prevents|avoid|avoids|no|zero|without)\s+$/i;

const INVERT: Record<Operator, Operator> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>' };

interface Ctx {
  report: Report;
  /** "KR "Close 15 new…"" — how the report names this key result. */
  name: string;
  draft: KrDraft;
}

const num = (v: Value | undefined): NumberValue | undefined => (v?.type === 'number' ? v : undefined);
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

function guess(ctx: Ctx, message: string) {
  ctx.report({ kind: 'guess', ...ctx.draft.where, message: `${ctx.name}: ${message}` });
}

/** The more specific of two compatible units ("%" and "% of churn" → "% of churn"). */
function pickUnit(...units: (string | undefined)[]): string | undefined {
  const us = units.filter((u): u is string => Boolean(u));
  if (!us.length) return undefined;
  const first = us[0]!;
  return us.find((u) => u.startsWith(`${first} of `)) ?? first;
}

function labelFor(v: Value | undefined, unit: string | undefined, numericKind: boolean): string | undefined {
  if (!v || v.type === 'empty') return undefined;
  if (v.type === 'text') return numericKind ? v.raw : undefined;
  if (v.signed === '+' || (v.unit && unit && v.unit !== unit && !unit.startsWith(`${v.unit} `)) || (v.operator && numericKind))
    return v.raw;
  return undefined;
}

/** Build the key result record for a draft. `id` is its id inside the objective. */
export function buildKeyResult(draft: KrDraft, id: string, report: Report): KrRecord {
  const ctx: Ctx = { report, name: `KR "${short(draft.title)}"`, draft };
  const shape = draft.redactions.length ? redacted(draft) : draft.fromTitle || !usable(draft.target) ? fromTitle(ctx) : fromCells(ctx);
  return finish(draft, id, shape, ctx);
}

const usable = (v: Value | undefined) => v !== undefined && v.type !== 'empty';

function redacted(d: KrDraft): Partial<KrRecord> {
  return { kind: 'redacted', values: [...new Set(d.redactions)] };
}

// ── Table cells: Baseline / Target / Current columns ──────────────────────────────────────────────

function fromCells(ctx: Ctx): Partial<KrRecord> {
  const d = ctx.draft;
  const T = d.target!;
  const B = d.baseline;
  const title = d.title;
  if (T.type === 'text') {
    // "≤ 1.5%; ≥ 12%" in one cell: a compound target.
    if (T.text.includes(';')) {
      const parts = compoundFromClauses(T.text, ctx);
      if (parts) return parts;
    }
    return milestone(ctx, T.text);
  }
  if (T.type !== 'number') return fromTitle(ctx);
  const b = num(B);
  const unit = normaliseOpt(pickUnit(T.unit, b?.unit, num(d.current)?.unit, d.unit));
  // The target cell states an operator: "<1%".
  if (T.operator) return { kind: 'threshold', operator: T.operator, target: T.value, ...(b ? { baseline: b.value } : {}), ...u(unit) };
  // The title states it beside the same number: "Reduce p95 API latency to <300ms", "score >4.5/5".
  const titleOp = findThresholds(title).find((m) => m.value === T.value);
  if (titleOp?.operator) {
    guess(ctx, `operator ${titleOp.operator} taken from the title ("${titleOp.raw}")`);
    return { kind: 'threshold', operator: titleOp.operator, target: T.value, ...(b ? { baseline: b.value } : {}), ...u(unit) };
  }
  if (b && sameUnit(b.unit, T.unit)) {
    if (b.value === T.value) {
      const op: Operator = DECREASE.test(title) ? '<=' : '>=';
      guess(ctx, `baseline equals target (${T.value}): kind threshold ${op} (hold the level)`);
      return { kind: 'threshold', operator: op, target: T.value, baseline: b.value, ...u(unit) };
    }
    if (COUNT_VERB_START.test(title) && unit !== '%' && T.value > 0) {
      guess(
        ctx,
        `kind count ("${COUNT_VERB_START.exec(title)![0]} ${T.value}…": progress = current / target; baseline ${b.value} kept as context)`,
      );
      return { kind: 'count', target: T.value, baseline: b.value, ...u(unit) };
    }
    checkDirection(ctx, b.value, T.value);
    return { kind: 'metric', baseline: b.value, target: T.value, ...u(unit) };
  }
  // No numeric baseline column value: maybe the title says "from A to B".
  const ft = findFromTo(title);
  if (ft && !ft.to.operator && (ft.to.value === T.value || !B)) {
    guess(ctx, `baseline ${ft.from.value} read from the title ("from ${ft.from.raw}")`);
    if (ft.from.value === T.value)
      return { kind: 'threshold', operator: T.value < ft.from.value ? '<=' : '>=', target: T.value, ...u(unit) };
    checkDirection(ctx, ft.from.value, T.value);
    return { kind: 'metric', baseline: ft.from.value, target: T.value, ...u(pickUnit(unit, ft.from.unit)) };
  }
  if (T.signed === '-') {
    guess(ctx, `target ${T.raw} read as a relative change: kind metric from 0 to ${T.value} (unit "% change")`);
    return { kind: 'metric', baseline: 0, target: T.value, unit: T.unit === '%' || !T.unit ? '% change' : `${T.unit} change` };
  }
  if (T.signed === '+' && T.value !== 0) {
    guess(ctx, `target ${T.raw} read as an amount to add: kind count (progress = current / target)`);
    return { kind: 'count', target: T.value, ...u(unit) };
  }
  if (b === undefined && B?.type === 'text' && num(d.current) && T.value !== 0) {
    guess(ctx, `baseline "${B.raw}" is not a number: kind count (progress = current / target)`);
    return { kind: 'count', target: T.value, ...u(unit) };
  }
  if (COUNT_VERB_START.test(title) && unit !== '%' && T.value > 0) {
    guess(ctx, `kind count ("${COUNT_VERB_START.exec(title)![0]}": progress = current / target)`);
    return { kind: 'count', target: T.value, ...u(unit) };
  }
  const op: Operator = DECREASE.test(title) ? '<=' : '>=';
  guess(
    ctx,
    `no baseline: kind threshold ${op} ${T.value} (direction inferred from ${op === '<=' ? 'a word like "reduce"' : 'the title'})`,
  );
  return { kind: 'threshold', operator: op, target: T.value, ...u(unit) };
}

function checkDirection(ctx: Ctx, start: number, target: number) {
  const title = ctx.draft.title;
  if (target > start && DECREASE.test(title) && !INCREASE.test(title))
    guess(
      ctx,
      `the title says "${DECREASE.exec(title)![0]}" but the target ${target} is above the baseline ${start}: graded as an increase`,
    );
  if (target < start && INCREASE.test(title) && !DECREASE.test(title))
    guess(
      ctx,
      `the title says "${INCREASE.exec(title)![0]}" but the target ${target} is below the baseline ${start}: graded as a decrease`,
    );
}

function milestone(ctx: Ctx, target: string | undefined): Partial<KrRecord> {
  const d = ctx.draft;
  const B = d.baseline;
  return {
    kind: 'milestone',
    ...(B && B.type !== 'empty' ? { baseline: B.raw } : B?.why === 'n/a' ? { baseline: B.raw } : {}),
    ...(target ? { target } : {}),
  };
}

const u = (unit: string | undefined) => (unit ? { unit } : {});
const normaliseOpt = (unit: string | undefined) => (unit ? normaliseUnit(unit) : undefined);

// ── Prose: bullet KRs and YAML KRs whose target is a sentence ────────────────────────────────────

function fromTitle(ctx: Ctx): Partial<KrRecord> {
  const d = ctx.draft;
  const title = d.measureText ?? d.title;
  const b = num(d.baseline);
  if (d.target?.type === 'empty' && !d.fromTitle) guess(ctx, `target is ${d.target.raw || 'empty'}: kind read from the title`);

  const ft = findFromTo(title);
  if (ft) {
    const unit = pickUnit(ft.to.unit, ft.from.unit);
    if (ft.unitShared && unit) guess(ctx, `unit "${unit}" is written once in "${title.slice(ft.index, ft.end)}": assumed for both ends`);
    if (ft.to.operator) return { kind: 'threshold', operator: ft.to.operator, target: ft.to.value, baseline: ft.from.value, ...u(unit) };
    if (ft.from.value === ft.to.value) return { kind: 'threshold', operator: '>=', target: ft.to.value, ...u(unit) };
    checkDirection(ctx, ft.from.value, ft.to.value);
    const labels = {
      ...(ft.from.signed === '+' ? { baseline: ft.from.raw } : {}),
      ...(ft.to.signed === '+' ? { target: ft.to.raw } : {}),
    };
    return { kind: 'metric', baseline: ft.from.value, target: ft.to.value, ...u(unit), ...(Object.keys(labels).length ? { labels } : {}) };
  }

  const early = proseShape(title, 'before');
  if (early) return fromProse(ctx, early);
  const clauses = title.split(/;\s*/).filter((c) => c.trim());
  if (clauses.length > 1) {
    const parts = compoundFromClauses(title, ctx);
    if (parts) return parts;
  }
  const measures = measuresIn(title);
  if (measures.length >= 2) {
    const parts = measures.map((m) => partFromMeasure(m, title));
    const combine = 'min';
    guess(
      ctx,
      `${measures.length} measures in one key result: kind compound (${combine} of ${parts.map((p) => `"${p.title}"`).join(', ')})`,
    );
    return { kind: 'compound', combine, parts: uniqueIds(parts) };
  }
  if (measures.length === 1) {
    const m = measures[0]!;
    // A stated baseline (YAML "baseline: Current 5% market share") turns a level into a metric.
    if (!m.operator && b && sameUnit(b.unit, m.unit) && b.value !== m.value && !m.percentOf) {
      checkDirection(ctx, b.value, m.value);
      guess(ctx, `kind metric from the baseline ${b.value} to ${m.value}`);
      return { kind: 'metric', baseline: b.value, target: m.value, ...u(pickUnit(m.unit, b.unit)) };
    }
    const op = m.operator ?? (DECREASE.test(title) ? '<=' : '>=');
    if (!m.operator) guess(ctx, `"${m.raw}" read as a threshold ${op} ${m.value}`);
    return {
      kind: 'threshold',
      operator: op,
      target: m.value,
      ...(b && sameUnit(b.unit, m.unit) ? { baseline: b.value } : {}),
      ...u(pickUnit(m.unit, b && sameUnit(b.unit, m.unit) ? b.unit : undefined)),
    };
  }
  const late = proseShape(title, 'after');
  if (late && !/\bby\s+\d/.test(title)) return fromProse(ctx, late);
  const rel = /\b(reduc|decreas|cut|lower|shrink|improv|increas|grow|rais|boost)\w*\b.*?\bby\s+(\d+(?:\.\d+)?)\s?%/i.exec(title);
  if (rel) {
    const down = /^(reduc|decreas|cut|lower|shrink)/i.test(rel[1]!);
    const target = down ? -Number(rel[2]) : Number(rel[2]);
    guess(ctx, `"${rel[0].replace(/^.*?\bby\b/, 'by')}" read as a relative change: kind metric from 0 to ${target} (unit "% change")`);
    return { kind: 'metric', baseline: 0, target, unit: '% change', labels: { target: `${down ? '-' : '+'}${rel[2]}%` } };
  }
  const count = countIn(title);
  if (count) {
    guess(ctx, `kind count (${count.value}${count.unit ? ` ${count.unit}` : ''}: progress = current / target)`);
    return { kind: 'count', target: count.value, ...u(count.unit), ...(b ? { baseline: b.value } : {}) };
  }
  const last = proseShape(title, 'last');
  if (last) return fromProse(ctx, last);
  const zero = /^(?:zero|no)\s+(.+)$/i.exec(title);
  if (zero) {
    guess(ctx, `"zero …" read as a threshold ≤ 0`);
    return { kind: 'threshold', operator: '<=', target: 0, ...(b ? { baseline: b.value } : {}), labels: { target: title.split(/\s/)[0]! } };
  }
  // "Reach 200 clubs in 3 countries": numbers stated, none of them read as the measure — say which.
  const stated = findNumbers(title).map((n) => `"${n.raw}"`);
  const why = stated.length ? `no measure read from the numbers ${stated.join(', ')}` : 'no measurable number';
  guess(ctx, `${why}: kind milestone (target "${d.milestoneTarget ?? 'Shipped'}")`);
  return milestone(ctx, d.milestoneTarget);
}

function fromProse(ctx: Ctx, p: ProseShape): Partial<KrRecord> {
  const b = num(ctx.draft.baseline);
  if (p.guess) guess(ctx, p.evidence);
  else ctx.report({ kind: 'note', ...ctx.draft.where, message: `${ctx.name}: ${p.evidence}` });
  return {
    kind: p.kind,
    ...(p.operator ? { operator: p.operator } : {}),
    target: p.target,
    ...(b && sameUnit(b.unit, p.unit) ? { baseline: b.value } : {}),
    ...u(p.unit),
    ...(p.labels ? { labels: p.labels } : {}),
  };
}

interface TitleMeasure extends Measure {
  percentOf?: boolean;
}

/** Measures in a sentence: thresholds, "N% of X", "Nx" coverage; ranges handled earlier. */
function measuresIn(text: string): TitleMeasure[] {
  const out: TitleMeasure[] = [];
  for (const t of findThresholds(text)) {
    const before = text.slice(0, t.index);
    out.push(NEGATION.test(before) && t.operator ? { ...t, operator: INVERT[t.operator] } : t);
  }
  const wordOps: [RegExp, Operator][] = [
    [/\b(?:at least|no less than|minimum of)\s+(?=\d)/gi, '>='],
    [/\b(?:at most|no more than|up to|maximum of)\s+(?=\d)/gi, '<='],
    [/\b(?:at or above|at or over)\s+(?=\d)/gi, '>='],
    [/\b(?:at or below|at or under)\s+(?=\d)/gi, '<='],
    [/\b(?:more than|greater than|higher than|above|over)\s+(?=\d)/gi, '>'],
    [/\b(?:less than|fewer than|lower than|below|under)\s+(?=\d)/gi, '<'],
  ];
  const numbers = findNumbers(text);
  for (const [re, op] of wordOps)
    for (const m of text.matchAll(re)) {
      const n = numbers.find((x) => x.index === m.index + m[0].length);
      if (n && !out.some((o) => o.index <= n.index && n.index < o.end))
        out.push({ ...n, operator: op, index: m.index, raw: `${m[0]}${n.raw}` });
    }
  for (const n of numbers) {
    if (out.some((o) => o.index <= n.index && n.index < o.end)) continue;
    // "reduced by 35%" is a change, read by fromTitle's relative-change rule.
    if (/\bby\s*$/i.test(text.slice(0, n.index))) continue;
    // "while only requiring help on 10%": a share that should stay small.
    const only = /\bonly\b[^;,.]*$/i.test(text.slice(0, n.index));
    if (n.unit?.startsWith('%') && only) out.push({ ...n, operator: '<=', percentOf: /^% of /.test(n.unit) });
    else if (n.unit?.startsWith('%')) out.push({ ...n, percentOf: /^% of /.test(n.unit) });
    else if (n.unit === 'x') out.push(n);
  }
  return out.sort((a, b) => a.index - b.index);
}

/** "6 Recruiters hired", "Land 3 customers", "Launch in 3 new markets", "We have shipped 3 case studies". */
function countIn(text: string): { value: number; unit?: string } | undefined {
  const unitAfter = (s: string) =>
    /^\s+((?:(?!with\b|within\b|for\b|from\b|in\b|by\b|to\b|on\b|and\b|or\b|that\b|who\b|which\b|per\b|across\b|of\b|are\b|is\b|have\b|has\b|had\b|were\b|was\b|will\b|hired\b|ramped\b|live\b|tweet\b|shipped\b|launched\b|onboarded\b)[A-Za-z][\w/-]*\s*){1,3})/
      .exec(s)?.[1]
      ?.trim();
  const lead = /^(\d[\d,]*)(?![\d.%x]|(?:st|nd|rd|th)\b)/.exec(text);
  if (lead) return { value: Number(lead[1]!.replace(/,/g, '')), unit: unitAfter(text.slice(lead[0].length)) };
  const verb = new RegExp(`${COUNT_VERB.source}\\s+(?:in\\s+|of\\s+)?(\\d[\\d,]*)(?![\\d.%x]|(?:st|nd|rd|th)\\b)`, 'i').exec(text);
  if (verb) {
    const n = /(\d[\d,]*)$/.exec(verb[0])!;
    return { value: Number(n[1]!.replace(/,/g, '')), unit: unitAfter(text.slice(verb.index + verb[0].length)) };
  }
  return undefined;
}

function partTitle(text: string, m: Measure): string {
  const cut = (s: string) =>
    s
      .replace(/[*_`"“”]/g, '')
      .trim()
      .replace(/^[,;(:]+|[,;):.]+$/g, '')
      .trim();
  const before = cut(
    text
      .slice(0, m.index)
      .split(/[;,(]|\b(?:with|and|while|within|via|on)\b/i)
      .at(-1) ?? '',
  );
  if (before && before.split(/\s+/).length <= 6) return before.charAt(0).toUpperCase() + before.slice(1);
  const after = cut(text.slice(m.end).split(/[;,)]|\b(?:and|with|while|via|evidenced)\b/i)[0] ?? '');
  if (after && after.split(/\s+/).length <= 6) return after.charAt(0).toUpperCase() + after.slice(1);
  return m.raw;
}

type Part = Record<string, unknown> & { id: string; title: string; kind: string };

function partFromMeasure(m: TitleMeasure, text: string): Part {
  const title = partTitle(text, m);
  return {
    id: slug(title, 4) || 'part',
    title,
    kind: 'threshold',
    operator: m.operator ?? '>=',
    target: m.value,
    ...u(m.unit),
  };
}

function uniqueIds(parts: Part[]): Part[] {
  const seen = new Map<string, number>();
  return parts.map((p) => {
    const n = (seen.get(p.id) ?? 0) + 1;
    seen.set(p.id, n);
    return n > 1 ? { ...p, id: `${p.id}-${n}` } : p;
  });
}

/** "Net churn ≤ 1.5% monthly; expansion bookings ≥ 12% of ARR" — one part per clause. */
function compoundFromClauses(text: string, ctx: Ctx): Partial<KrRecord> | undefined {
  const clauses = text
    .split(/;\s*/)
    .map((c) => c.trim().replace(/\.$/, ''))
    .filter(Boolean);
  const parts: Part[] = [];
  let measurable = 0;
  for (const c of clauses) {
    const ms = measuresIn(c);
    const count = ms.length ? undefined : countIn(c);
    if (ms.length === 1) {
      parts.push(partFromMeasure(ms[0]!, c));
      measurable++;
    } else if (count) {
      const title = c.charAt(0).toUpperCase() + c.slice(1);
      parts.push({ id: slug(title, 4) || 'part', title, kind: 'count', target: count.value, ...u(count.unit) });
      measurable++;
    } else if (ms.length > 1) {
      pushAll(
        parts,
        ms.map((m) => partFromMeasure(m, c)),
      );
      measurable += ms.length;
    } else {
      const title = c.charAt(0).toUpperCase() + c.slice(1);
      const done = /\b(GA|launch|launched|live|shipped|released)\b/.exec(c)?.[1];
      parts.push({ id: slug(title, 4) || 'part', title, kind: 'milestone', target: done === 'GA' ? 'GA' : 'Shipped' });
    }
  }
  if (measurable === 0 || parts.length < 2) return undefined;
  const combine = parts.every((p) => p.kind === 'threshold' || p.kind === 'metric') ? 'min' : 'mean';
  guess(
    ctx,
    `${parts.length} parts separated by ";": kind compound (${combine === 'min' ? 'min: every part must hold' : 'mean of the parts'}: ${parts
      .map((p) => `"${p.title}" ${p.kind}`)
      .join(', ')})`,
  );
  return { kind: 'compound', combine, parts: uniqueIds(parts) };
}

// ── Current values, labels, declared grade and status ────────────────────────────────────────────

function finish(d: KrDraft, id: string, shape: Partial<KrRecord>, ctx: Ctx): KrRecord {
  const kind = shape.kind!;
  const numeric = kind === 'metric' || kind === 'count' || kind === 'threshold';
  const unit = shape.unit;
  const rec: KrRecord = { id, title: d.title, ...shape, kind };
  const labels: Record<string, string> = { ...shape.labels };
  if (numeric && !d.fromTitle) {
    const lb = labelFor(d.baseline, unit, true);
    const lt = labelFor(d.target, unit, kind !== 'threshold');
    if (lb && rec.baseline !== undefined) labels.baseline ??= lb;
    else if (lb && d.baseline?.type === 'text') labels.baseline ??= lb;
    if (lt && !(unit ?? '').includes('change')) labels.target ??= lt;
    else if (num(d.target)?.signed && (unit ?? '').includes('change')) labels.target ??= d.target!.raw;
    if (d.baseline?.type === 'text' && rec.baseline === undefined) labels.baseline ??= d.baseline.raw;
  } else if (numeric && d.fromTitle && d.baseline && d.baseline.type !== 'empty') {
    labels.baseline ??= d.baseline.raw;
  }
  // The current value: a check-in when the document dates it, else `current`.
  const C = d.current;
  let value: number | string | undefined;
  if (C && C.type === 'number' && numeric) {
    value = C.value;
    const lc = labelFor(C, unit, true);
    if (lc) labels.current = lc;
  } else if (C && C.type !== 'empty' && (kind === 'milestone' || kind === 'redacted')) {
    value = kind === 'milestone' ? C.raw : undefined;
    if (kind === 'redacted')
      ctx.report({ kind: 'unmapped', ...d.where, message: `${ctx.name}: current "${C.raw}" of a redacted key result not kept` });
  } else if (C && C.type !== 'empty') {
    labels.current = C.raw;
    guess(ctx, `current "${C.raw}" is not a number for a ${kind} key result: kept as its label, so the key result is ungraded`);
  }
  if (Object.keys(labels).length) rec.labels = labels;
  if (d.declared && Object.keys(d.declared).length) rec.declared = d.declared;
  const extras = d.checkin ?? {};
  if (d.currentDate && (value !== undefined || Object.keys(extras).length)) {
    rec.checkins = [
      {
        date: d.currentDate,
        ...(value !== undefined ? { value } : {}),
        ...(d.declared?.status || extras.status ? { status: extras.status ?? d.declared?.status } : {}),
        ...(d.declared?.statusNote || extras.statusNote ? { statusNote: extras.statusNote ?? d.declared?.statusNote } : {}),
        ...(d.confidence !== undefined ? { confidence: d.confidence } : {}),
        ...(extras.note ? { note: extras.note } : {}),
        ...(extras.blockers?.length ? { blockers: extras.blockers } : {}),
        ...(extras.asks?.length ? { asks: extras.asks } : {}),
        ...(extras.risks?.length ? { risks: extras.risks } : {}),
        ...(extras.mitigations?.length ? { mitigations: extras.mitigations } : {}),
        ...(extras.decisions?.length ? { decisions: extras.decisions } : {}),
      },
    ];
  } else if (value !== undefined && kind !== 'compound') rec.current = value;
  if (kind === 'compound' && value !== undefined)
    guess(ctx, `current "${String(value)}" of a compound key result not split into its parts`);
  if (d.confidence !== undefined && !rec.checkins)
    ctx.report({
      kind: 'unmapped',
      ...d.where,
      message: `${ctx.name}: confidence ${d.confidence} not kept (the content model records confidence on a dated check-in)`,
    });
  for (const f of ['owner', 'weight', 'measurement', 'timeline', 'note'] as const) if (d[f] !== undefined) rec[f] = d[f];
  if (d.outcome !== undefined && d.outcome.trim()) outcomeInto(rec, d.outcome, numeric, ctx);
  if (d.unit && !rec.unit && numeric) rec.unit = d.unit;
  if (kind === 'count' && rec.target === 0) {
    rec.kind = 'threshold';
    rec.operator = '<=';
  }
  return rec;
}

/** What the document says came of the key result ("=> 3 user tests conducted", "=> 78%", "==> DONE"). */
function outcomeInto(rec: KrRecord, raw: string, numeric: boolean, ctx: Ctx) {
  const o = readOutcome(raw, rec.unit, numeric, typeof rec.target === 'number' ? rec.target : undefined);
  guess(ctx, o.evidence);
  const labels = { ...rec.labels };
  if (o.grade !== undefined) rec.declared = { ...rec.declared, grade: o.grade };
  else if (o.current !== undefined && rec.current === undefined && !rec.checkins) {
    rec.current = o.current;
    if (!/^[+-]?\d+(?:\.\d+)?$/.test(o.raw)) labels.current = o.raw;
  } else if (o.done && rec.kind === 'milestone') rec.done = true;
  else if (rec.kind === 'milestone' && rec.current === undefined) rec.current = o.raw;
  else rec.note = [rec.note, `Outcome: ${o.raw}`].filter(Boolean).join('; ');
  if (Object.keys(labels).length) rec.labels = labels;
}
