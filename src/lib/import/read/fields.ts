// "Label: value" lines — as paragraph lines, list items or table rows — by what their label names:
// fields of the open objective (Owner, DRI, Priority, Type, Confidence, Status, Ladders up to, …),
// of the period (Theme, Purpose, Decision receipts) or of the document (Version, Classification).
// Each rule names the labels it reads; the first whose labels match decides. A new field is a new rule.
import type { PhrasingContent } from 'mdast';
import { fieldLine, type InlineContext, type InlineText } from '../markdown.ts';
import type { KrDraft, ObjectiveDraft, PeriodDraft } from '../types.ts';
import {
  parseConfidence,
  parseGrade,
  parseObjectiveType,
  parsePriority,
  parseStatus,
  parseValue,
  splitList,
  statusAnywhere,
  type Value,
} from '../values.ts';
import { person } from '../names.ts';
import { capital, initiative, receiptScopes } from './text.ts';
import { currentKr, currentObjective, docPeriod, guess, inRole, placed, unmapped, where, type ReadState } from './state.ts';

/** A field line as read, and what it may apply to. */
export interface FieldAt {
  /** The label lower-cased, without a trailing "(…)" remark. */
  label: string;
  /** The label as written. */
  raw: string;
  value: string;
  line: number;
  /** The key result whose fields these are (under its heading, nested under it, or listed right after it). */
  kr?: KrDraft;
  objective?: ObjectiveDraft;
  period?: PeriodDraft;
}

interface FieldRule {
  name: string;
  /** Whether the rule reads this field (its labels, and the record it needs). */
  reads: (f: FieldAt, st: ReadState) => boolean;
  /** Read it; false when the value means nothing here after all (the line is then not a field). */
  read: (st: ReadState, f: FieldAt) => boolean;
}

const onObjective = (name: string, labels: RegExp, read: (st: ReadState, f: FieldAt, o: ObjectiveDraft) => boolean): FieldRule => ({
  name,
  reads: (f) => Boolean(f.objective) && labels.test(f.label),
  read: (st, f) => read(st, f, f.objective!),
});

/** "Initiatives:" with nothing after it announces the list that follows. */
const listOr = (st: ReadState, f: FieldAt, role: 'initiatives' | 'dependencies' | 'risks', each: (t: string) => void) => {
  if (f.value) for (const t of splitList(f.value)) each(t);
  else st.pending = { role, line: f.line, label: f.raw };
  return true;
};

const onKr = (name: string, labels: RegExp, read: (st: ReadState, f: FieldAt, k: KrDraft) => boolean): FieldRule & { labels: RegExp } => ({
  name: `key result ${name}`,
  labels,
  reads: (f) => Boolean(f.kr) && labels.test(f.label),
  read: (st, f) => read(st, f, f.kr!),
});

/** "Average ≥ 3", "Mean at least 4": a word or two naming what is measured, then the bound, which is the value. */
function boundAfterWords(v: string): Value {
  const direct = parseValue(v);
  if (direct.type !== 'text') return direct;
  const words = /^\p{L}[\p{L} -]{0,30}?\s*(?=[≥≤<>]|at (?:least|most)\s)/iu.exec(v);
  const bound = words ? parseValue(v.slice(words[0].length)) : undefined;
  return bound?.type === 'number' ? { ...bound, raw: v.trim() } : direct;
}

const NO_VALUE = /^(?:[-–—?]|n\/?a|tbd|tbc|\[.*\])$/i;

/** Fields of a key result: its values as written, status, owner, confidence, due date, unit, measurement, notes. */
const KR_FIELDS = [
  onKr('target', /^(?:target|goal|target value|to)$/, (_, f, k) => {
    k.target = boundAfterWords(f.value);
    k.fromTitle = false;
    return true;
  }),
  onKr(
    'baseline',
    /^(?:baseline|start|starting(?: value| point)?|from|initial|previous)$/,
    (_, f, k) => ((k.baseline = parseValue(f.value)), true),
  ),
  onKr('current', /^(?:current|actual|now|latest|achieved|current value)$/, (_, f, k) => ((k.current = parseValue(f.value)), true)),
  onKr('status', /^(?:status|rag|health|state|progress|completion)$/, (st, f, k) => {
    const s = NO_VALUE.test(f.value.trim()) ? undefined : statusAnywhere(f.value);
    if (s?.status) {
      k.declared = { ...k.declared, status: s.status, ...(s.note ? { statusNote: s.note } : {}) };
      if (s.guessed) guess(st, f.line, `KR "${k.title}": status ${s.status} read from the words "${f.value}"`);
    } else if (f.value.trim() && !NO_VALUE.test(f.value.trim())) k.note = [k.note, `${f.raw}: ${f.value}`].filter(Boolean).join('; ');
    return true;
  }),
  onKr('grade', /^(?:grade|score|final score)$/, (_, f, k) => {
    const g = parseGrade(f.value);
    if (g === undefined) return false;
    k.declared = { ...k.declared, grade: g };
    return true;
  }),
  onKr('owner', /^(?:owner|dri|responsible|lead|accountable|kr owner)$/, (_, f, k) => ((k.owner = f.value), true)),
  onKr('confidence', /^confidence$/, (_, f, k) => {
    const c = parseConfidence(f.value);
    if (c.value !== undefined) k.confidence = c.value;
    else if (c.note) k.note = [k.note, `Confidence: ${c.note}`].filter(Boolean).join('; ');
    return true;
  }),
  onKr('due', /^(?:due|due date|deadline|timeline|by|eta|when|target date)$/, (_, f, k) => ((k.timeline = f.value), true)),
  onKr('unit', /^units?$/, (_, f, k) => ((k.unit = f.value), true)),
  onKr(
    'measurement',
    /^(?:measurement|measure|measured by|how measured|how we measure|source|data source|metric|means of verification|verification|verified by)$/,
    (_, f, k) => ((k.measurement = f.value), true),
  ),
  onKr('weight', /^weight$/, (_, f, k) => (Number(f.value) > 0 ? ((k.weight = Number(f.value)), true) : false)),
  onKr('notes', /^(?:notes?|comments?|remarks?|why|context)$/, (_, f, k) => {
    k.note = [k.note, f.value].filter(Boolean).join('; ');
    return true;
  }),
];

/** Whether a label names a key result's field (a list of such lines right after a key result is its own). */
export const isKrFieldLabel = (label: string) => KR_FIELDS.some((r) => r.labels.test(cleanLabel(label)));

/** Fields only a key result has ("Target:", "Measure:", "Baseline:"), unlike "Status:" or "Owner:", which an objective has too. */
const KR_ONLY = new Set([
  'key result target',
  'key result baseline',
  'key result current',
  'key result due',
  'key result unit',
  'key result measurement',
]);
export const isKrOnlyLabel = (label: string) => KR_FIELDS.some((r) => KR_ONLY.has(r.name) && r.labels.test(cleanLabel(label)));

/** "Status:", "Progress:": a label stating how something stands. */
export const isStatusLabel = (label: string) => /^(?:status|progress|rag|health)$/.test(cleanLabel(label));

/**
 * A "Label: value" line as written: "Label: value", "**Label:** value", "**Label**: value", or wholly in
 * bold ("**Status: ACHIEVED ✅**"). `wholeBold` says it was the last, whose label may be a name instead.
 */
export function labelledLine(
  nodes: readonly PhrasingContent[],
  ctx: InlineContext,
): { label: string; value: InlineText; wholeBold?: boolean } | undefined {
  const f = fieldLine(nodes, ctx);
  if (f) return f;
  const real = nodes.filter((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'break');
  const g = real.length === 1 && real[0]!.type === 'strong' ? fieldLine(real[0].children, ctx) : undefined;
  return g ? { ...g, wholeBold: true } : undefined;
}

/** Something said about a key result ("Next Steps: …", "Tracking support: …"): added to its note. */
export function krNote(st: ReadState, k: KrDraft, label: string, value: string, line: number): void {
  const text = [label, value].filter(Boolean).join(': ');
  if (text) k.note = [k.note, text].filter(Boolean).join('; ');
  placed(st, line, undefined, 'a note on the key result');
}

const OBJECTIVE_FIELDS: FieldRule[] = [
  onObjective(
    'owner',
    /^(?:owner|objective owner|accountable|responsible|objective lead|tracking manager)$/,
    (_, f, o) => ((o.owner = person(f.value)), true),
  ),
  onObjective('dri', /^(?:dri|directly responsible(?: individual)?)$/, (_, f, o) => ((o.dri = person(f.value)), true)),
  onObjective('priority', /^priority$/, (st, f, o) => {
    const pr = parsePriority(f.value);
    if (pr) o.priority = pr;
    else
      unmapped(st, f.line, f.line, `priority "${f.value}" is not one the content model knows (P0–P3, critical/high/medium/low, tier 1–3)`);
    return true;
  }),
  onObjective('type', /^type$/, (st, f, o) => {
    const t = parseObjectiveType(f.value);
    if (t.type) o.type = t.type;
    if (t.note) o.typeNote = t.note;
    if (!t.type) unmapped(st, f.line, f.line, `objective type "${f.value}" is neither committed nor aspirational`);
    return true;
  }),
  onObjective('confidence', /^confidence$/, (_, f, o) => {
    const c = parseConfidence(f.value);
    if (c.value !== undefined) o.confidence = c.value;
    if (c.note) o.confidenceNote = c.note;
    return true;
  }),
  onObjective('status', /^status$/, (st, f, o) => {
    const s = parseStatus(f.value);
    if (!s?.status) {
      unmapped(st, f.line, f.line, `status "${f.value}" not recognised (use 🔴 🟡 🟢 or red/yellow/green)`);
      return true;
    }
    o.declared = { ...o.declared, status: s.status, ...(s.note ? { statusNote: s.note } : {}) };
    if (s.guessed) guess(st, f.line, `objective "${o.title}": status ${s.status} read from the words "${f.value}"`);
    return true;
  }),
  onObjective('grade', /^(?:grade|score)$/, (_, f, o) => {
    const g = parseGrade(f.value);
    if (g === undefined) return false;
    o.declared = { ...o.declared, grade: g };
    return true;
  }),
  onObjective('parent', /^(?:ladders? up to|parent|aligns? (?:to|with)|supports|contributes to|parent objective)$/, (st, f, o) => {
    o.parentRef = { text: f.value, where: where(st, f.line) };
    return true;
  }),
  onObjective('description', /^(?:description|purpose|why|context)$/, (_, f, o) => ((o.description = f.value), true)),
  onObjective('initiatives', /^(?:key )?initiatives?$|^projects$/, (st, f, o) =>
    listOr(st, f, 'initiatives', (t) => o.initiatives.push(initiative(t))),
  ),
  onObjective('dependencies', /^(?:dependencies|depends on|dependency)$/, (st, f, o) =>
    listOr(st, f, 'dependencies', (t) => o.dependencies.push({ where: where(st, f.line), on: t })),
  ),
  onObjective('risks', /^(?:risks?|key risks)$/, (st, f, o) => listOr(st, f, 'risks', (t) => o.risks.push({ title: capital(t) }))),
  onObjective('key results', /^key results?$/, (st, f) => {
    if (f.value) return false;
    st.pending = { role: 'key-results', line: f.line, label: f.raw };
    return true;
  }),
];

const DOCUMENT_FIELDS: FieldRule[] = [
  { name: 'theme', reads: (f) => f.label === 'theme' && Boolean(f.period), read: (_, f) => ((f.period!.theme = f.value), true) },
  {
    name: 'pillars',
    reads: (f) => /^(?:big bets|pillars|strategic pillars|bets)$/.test(f.label) || /pillars/.test(f.raw.toLowerCase()),
    read: (st, f) => {
      for (const t of splitList(f.value)) if (!st.doc.pillars.includes(t)) st.doc.pillars.push(t.replace(/\.$/, ''));
      return true;
    },
  },
  {
    name: 'decision receipts',
    reads: (f) => /decision receipts?|receipts required/.test(f.label) && Boolean(f.period),
    read: (_, f) => {
      const p = f.period!;
      const scopes = receiptScopes(f.value);
      if (!scopes.length) return false;
      p.receiptsRequired.push(...scopes.filter((s) => !p.receiptsRequired.includes(s)));
      return true;
    },
  },
  {
    name: 'period summary',
    reads: (f) => /^(?:purpose|summary)$/.test(f.label) && Boolean(f.period),
    read: (_, f) => ((f.period!.summary ??= f.value), true),
  },
  {
    name: 'classification',
    reads: (f) => f.label === 'classification',
    read: (st, f) => {
      st.doc.classification = /public/i.test(f.value) ? 'public' : 'internal';
      if (!/^(?:public|internal)$/i.test(f.value.trim())) guess(st, f.line, `classification "${f.value}" read as ${st.doc.classification}`);
      return true;
    },
  },
  {
    name: 'document source',
    reads: (f) =>
      /^(?:document version|version|last updated|updated|document owner|owner|review|document id|created(?: date)?|primary author|author|status)$/.test(
        f.label,
      ),
    read: (st, f) => {
      st.doc.sourceNotes.push(`${f.raw.replace(/\s*\([^)]*\)\s*$/, '')}: ${f.value}`);
      return true;
    },
  },
  // "**Example Check-in**:" introduces the code block read by its own shape.
  { name: 'check-in introduction', reads: (f) => /check-?in/.test(f.label) && !f.value, read: () => true },
  // "**Dependencies:**" over a table: the table is read by its header.
  { name: 'dependencies introduction', reads: (f) => /dependenc/.test(f.label) && !f.value, read: () => true },
  {
    name: 'stage gate',
    reads: (f, st) => inRole(st, 'stage-gates') && Boolean(f.value),
    read: (st, f) => {
      st.doc.stageGates.push({ name: f.raw, description: f.value });
      return true;
    },
  },
];

/** The rules for field lines, in the order they are tried: the open key result's, the open objective's, then the document's. */
export const FIELD_RULES: readonly FieldRule[] = [...KR_FIELDS, ...OBJECTIVE_FIELDS, ...DOCUMENT_FIELDS];

const cleanLabel = (raw: string) =>
  raw
    .replace(/\s*\([^)]*\)\s*$/, '')
    .trim()
    .toLowerCase();

/** Read a "Label: value" line. False when the label means nothing here (the caller reads the line otherwise). */
export function readField(st: ReadState, raw: string, value: string, line: number): boolean {
  const o = currentObjective(st);
  const p = docPeriod(st);
  const k = currentKr(st);
  const f: FieldAt = {
    label: cleanLabel(raw),
    raw,
    value,
    line,
    ...(k ? { kr: k } : {}),
    ...(o ? { objective: o } : {}),
    ...(p ? { period: p } : {}),
  };
  const rule = FIELD_RULES.find((r) => r.reads(f, st));
  if (!rule?.read(st, f)) return false;
  placed(st, line, undefined, `field ${rule.name}`);
  return true;
}
