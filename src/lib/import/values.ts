// Values as documents write them: "$12M", "25K", "99.9%", "≥ 55%", "from 45% to 55%", "N/A",
// "🟡 On track", "Q1 2025", "April 7". Pure functions from text to typed values; no guessing about
// what a value means for a key result (that is ./key-results.ts).

export type Operator = '<' | '<=' | '>' | '>=';
export type StatusColour = 'red' | 'yellow' | 'green';

/** A number with the unit and scale the document wrote beside it. The magnitude is kept as written ("$12M" → 12 "$M"). */
export interface NumberValue {
  type: 'number';
  value: number;
  unit?: string;
  operator?: Operator;
  /** An explicit sign: "+35", "-20%" (a change rather than a level, in some documents). */
  signed?: '+' | '-';
  raw: string;
}
export interface TextValue {
  type: 'text';
  text: string;
  /** A word that means "done" (Shipped, Launched, GA, …). */
  done: boolean;
  raw: string;
}
export interface EmptyValue {
  type: 'empty';
  why: 'blank' | 'n/a' | 'tbd' | 'dash';
  raw: string;
}
export type Value = NumberValue | TextValue | EmptyValue;

const OPERATOR_WORDS: [RegExp, Operator][] = [
  [/^(?:≥|>=|=>|at least|min(?:imum)?\.?|no less than|not less than)\s*/i, '>='],
  [/^(?:≤|<=|=<|at most|max(?:imum)?\.?|no more than|not more than|up to)\s*/i, '<='],
  [/^(?:>|more than|over|above|greater than)\s+/i, '>'],
  [/^(?:<|less than|fewer than|under|below)\s+/i, '<'],
  [/^>/, '>'],
  [/^</, '<'],
];

/** Normalise ≤ ≥ => =< to the ASCII operators the schema prefers. */
export function normaliseOperator(op: string): Operator | undefined {
  const o = op.trim();
  if (o === '≥' || o === '>=' || o === '=>') return '>=';
  if (o === '≤' || o === '<=' || o === '=<') return '<=';
  if (o === '>' || o === '<') return o;
  return undefined;
}

const DONE_WORDS =
  /^(?:done|shipped|launched|live|ga|generally available|complete|completed|achieved|delivered|released|certified|yes|met|✅|✔️?)$/i;
const SCALES: Record<string, string> = { k: 'K', m: 'M', b: 'B', bn: 'B', mn: 'M' };
const NUMBER_WORDS: Record<string, number> = { zero: 0, no: 0 };

export interface NumberToken {
  value: number;
  sign?: '+' | '-';
  currency?: string;
  scale?: string;
  /** "%", "x", "/10", "ms", "days", "% of ARR", … ("" when none). */
  unit: string;
  start: number;
  end: number;
}

/**
 * Read a number token at `i` in `s`: sign, currency, digits with thousands separators, decimals,
 * a scale letter (K, M, B) and a unit. `unitMode` says how much of the following text is unit:
 * 'rest' (table cells: everything after the number) or 'word' (prose: one unit word, "% of X", "/10").
 */
export function readNumber(s: string, i: number, unitMode: 'rest' | 'word'): NumberToken | undefined {
  const re = /([+\-−–]?)\s?([$€£¥])?\s?(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?/y;
  re.lastIndex = i;
  const m = re.exec(s);
  if (!m) return undefined;
  const [, signRaw, currency, int, dec] = m;
  let end = re.lastIndex;
  let value = Number(`${int!.replace(/,/g, '')}${dec ? `.${dec}` : ''}`);
  const sign = signRaw ? (signRaw === '+' ? '+' : '-') : undefined;
  let scale: string | undefined;
  const sc = /^\s?(bn|mn|[kKmMbB])(?![A-Za-z])/.exec(s.slice(end));
  if (sc) {
    scale = SCALES[sc[1]!.toLowerCase()];
    end += sc[0].length;
  }
  let unit = '';
  const rest = s.slice(end);
  if (unitMode === 'rest') {
    unit = rest.trim();
    end = s.length;
  } else {
    const u =
      /^(\s?%(?:\s+of\s+(?:[A-Za-z][\w-]*)(?:\s+(?!with\b|within\b|via\b|by\b|for\b|in\b|and\b|while\b|across\b|through\b|includes?\b|uses?\b|has\b|have\b|had\b|are\b|is\b|were\b|was\b|get\b|gets\b|are\b|to\b|on\b|at\b)[A-Za-z][\w-]*){0,3})?|\s?\/\s?\d+(?:\.\d+)?|x(?:\/[a-z]+)?(?![A-Za-z])|\s?-?(?:ms|milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|pts|points?)(?![A-Za-z])|\s(?!with\b|within\b|via\b|by\b|for\b|in\b|and\b|while\b|to\b|from\b|of\b|on\b|at\b|across\b|per\b)[A-Za-z][\w-]*(?:\s+per\s+[A-Za-z]+(?:\s+[A-Za-z]+)?)?)/.exec(
        rest,
      );
    if (u) {
      unit = u[0].trim().replace(/^-/, '');
      end += u[0].length;
    }
  }
  if (sign === '-') value = -value;
  return { value, sign, currency, scale, unit: unit.replace(/\s+/g, ' '), start: m.index, end };
}

/** The unit a number token stands in: currency and scale join it ("$" + "M" → "$M"; "25K" → "K"). */
export function unitOf(t: Pick<NumberToken, 'currency' | 'scale' | 'unit'>): string | undefined {
  const u = `${t.currency ?? ''}${t.scale ?? ''}${t.unit && t.scale && !t.unit.startsWith('%') ? ' ' : ''}${t.unit}`.trim();
  return u || undefined;
}

/** Parse a table cell or a field value. */
export function parseValue(input: string): Value {
  const raw = input.trim();
  const s = raw.replace(/\s+/g, ' ').replace(/^\*+|\*+$/g, '');
  if (s === '') return { type: 'empty', why: 'blank', raw };
  if (/^(?:n\/?a|none|not applicable|n\.a\.)$/i.test(s)) return { type: 'empty', why: 'n/a', raw };
  if (/^(?:tbd|tbc|tba|\?+|unknown|to be (?:determined|defined|confirmed))$/i.test(s)) return { type: 'empty', why: 'tbd', raw };
  if (/^[-–—]+$/.test(s)) return { type: 'empty', why: 'dash', raw };
  let rest = s;
  let operator: Operator | undefined;
  for (const [re, op] of OPERATOR_WORDS) {
    const m = re.exec(rest);
    if (m && /^[+\-−]?\s?[$€£¥]?\s?\d/.test(rest.slice(m[0].length))) {
      operator = op;
      rest = rest.slice(m[0].length);
      break;
    }
  }
  const t = readNumber(rest, 0, 'rest');
  // A number must start the cell (after an operator); "Type II" or "In QA" stay text.
  if (t && t.start === 0) {
    const unit = unitOf(t);
    return {
      type: 'number',
      value: t.value,
      ...(unit ? { unit } : {}),
      ...(operator ? { operator } : {}),
      ...(t.sign ? { signed: t.sign } : {}),
      raw,
    };
  }
  // "Zero incidents", "No partnerships" are numbers; "Single region" stays words (a label), as a person would keep it.
  const word = /^(zero|no)\s+(.+)$/i.exec(rest);
  if (word && !operator) {
    const unit = word[2]!.trim();
    return { type: 'number', value: NUMBER_WORDS[word[1]!.toLowerCase()]!, ...(unit ? { unit } : {}), raw };
  }
  return { type: 'text', text: s, done: DONE_WORDS.test(s), raw };
}

/** A grade as documents write it: 0.42, 42%, 0.42/1.0. */
export function parseGrade(raw: string): number | undefined {
  const s = raw.trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(s);
  if (pct) {
    const v = Number(pct[1]) / 100;
    return v >= 0 && v <= 1 ? v : undefined;
  }
  const m = /^(\d*\.?\d+)(?:\s*\/\s*1(?:\.0+)?)?$/.exec(s);
  if (!m) return undefined;
  const v = Number(m[1]);
  return v >= 0 && v <= 1 ? v : undefined;
}

/** A confidence: "75%", "0.8", "75% (moderate; market favourable)". */
export function parseConfidence(raw: string): { value?: number; note?: string } {
  const s = raw.trim();
  const m = /^(\d+(?:\.\d+)?)\s*(%?)\s*\+?\s*(?:\((.*)\))?\s*(.*)$/.exec(s);
  if (!m) return { note: s || undefined };
  const n = Number(m[1]);
  const value = m[2] ? n / 100 : n <= 1 ? n : n / 100;
  const note = [m[3], m[4]]
    .filter((x) => x && x.trim())
    .join(' ')
    .trim();
  return { ...(value >= 0 && value <= 1 ? { value } : {}), ...(note ? { note } : {}) };
}

// ── Statuses ────────────────────────────────────────────────────────────────────────────────────

const STATUS_EMOJI: [RegExp, StatusColour][] = [
  [/🔴|🟥|❌|⛔|🛑/u, 'red'],
  [/🟡|🟠|🟨|🟧|⚠️?/u, 'yellow'],
  [/🟢|🟩|✅|✔️?/u, 'green'],
];
const STATUS_WORDS: [RegExp, StatusColour, boolean][] = [
  // [words, colour, guessed?] — a colour name is a statement; "Behind" is a reading of one.
  [/^(?:red|r)$/i, 'red', false],
  [/^(?:yellow|amber|orange|y|a)$/i, 'yellow', false],
  [/^(?:green|g)$/i, 'green', false],
  [/^(?:off[- ]track|blocked|critical|missed|failed|at serious risk)$/i, 'red', true],
  [/^(?:at[- ]risk|behind|needs attention|delayed|slipping|watch)$/i, 'yellow', true],
  [/^(?:on[- ]track|ahead|done|complete|completed|achieved|shipped|healthy)$/i, 'green', true],
];

export interface ParsedStatus {
  status?: StatusColour;
  /** The words beside the status ("On track", "Behind"). */
  note?: string;
  /** True when the colour was read from words rather than an emoji or colour name. */
  guessed: boolean;
}

/** "🟡 On track", "🔴", "Green", "On track", "🟢 Green - 105 days" (only the leading status part). */
export function parseStatus(raw: string): ParsedStatus | undefined {
  let s = raw.trim();
  if (!s) return undefined;
  let status: StatusColour | undefined;
  for (const [re, colour] of STATUS_EMOJI) {
    const m = re.exec(s);
    if (m && m.index <= 1) {
      status = colour;
      s = (s.slice(0, m.index) + s.slice(m.index + m[0].length)).replace(/\uFE0F/g, '').trim();
      break;
    }
  }
  const words = s.replace(/^[-–—:]\s*/, '').trim();
  if (status) {
    const note = words && !/^(?:red|yellow|amber|green)$/i.test(words) ? words : undefined;
    return { status, ...(note ? { note } : {}), guessed: false };
  }
  for (const [re, colour, guessed] of STATUS_WORDS) {
    if (re.test(words)) return { status: colour, ...(guessed ? { note: words } : {}), guessed };
  }
  return { note: words, guessed: false };
}

/** A status stated anywhere in a value ("35% 🟡", "ahead of plan 🟢"): the emoji wherever it is, else as parseStatus reads it. */
export function statusAnywhere(raw: string): ParsedStatus | undefined {
  const s = parseStatus(raw);
  if (s?.status) return s;
  for (const [re, colour] of STATUS_EMOJI) {
    const m = re.exec(raw);
    if (!m) continue;
    const note = (raw.slice(0, m.index) + raw.slice(m.index + m[0].length))
      .replace(/\uFE0F/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    return { status: colour, ...(note ? { note } : {}), guessed: false };
  }
  return s;
}

// ── Priorities, types, levels ───────────────────────────────────────────────────────────────────

export type Priority = 'P0' | 'P1' | 'P2' | 'P3' | 'critical' | 'high' | 'medium' | 'low' | 'tier-1' | 'tier-2' | 'tier-3';

export function parsePriority(raw: string): Priority | undefined {
  const s = raw.trim();
  const p = /\bP([0-3])\b/i.exec(s);
  if (p) return `P${p[1]}` as Priority;
  const t = /\btier[\s-]*([1-3])\b/i.exec(s);
  if (t) return `tier-${t[1]}` as Priority;
  const w = /^(critical|high|medium|med|low)\b/i.exec(s);
  if (w) return (w[1]!.toLowerCase() === 'med' ? 'medium' : w[1]!.toLowerCase()) as Priority;
  return undefined;
}

export function parseObjectiveType(raw: string): { type?: 'committed' | 'aspirational'; note?: string } {
  const s = raw.trim();
  const note = /\((.*)\)/.exec(s)?.[1]?.trim();
  const type = /\bcommit/i.test(s) ? 'committed' : /\b(aspiration|stretch|moonshot|ambitious)/i.test(s) ? 'aspirational' : undefined;
  return { ...(type ? { type } : {}), ...(note ? { note } : {}) };
}

export function parseLevel(raw: string): 'low' | 'medium' | 'high' | undefined {
  const m = /^\s*(low|l|medium|med|m|moderate|high|h)\b/i.exec(raw);
  if (!m) return undefined;
  const w = m[1]!.toLowerCase();
  return w.startsWith('l') ? 'low' : w.startsWith('h') ? 'high' : 'medium';
}

// ── Periods and dates ───────────────────────────────────────────────────────────────────────────

export interface PeriodPhrase {
  id: string;
  kind: 'quarter' | 'year';
  fiscal: boolean;
  /** Calendar or fiscal year number as written (2025, or 22 for FY22). */
  year: number;
  quarter?: number;
  index: number;
  length: number;
}

/** Find period names in text: "FY22-Q2", "Q1 2025", "2025-Q1", "Q2 FY2022", "FY22". Years alone only with `years`. */
export function findPeriods(text: string, opts: { years?: boolean } = {}): PeriodPhrase[] {
  const out: PeriodPhrase[] = [];
  const taken: [number, number][] = [];
  const add = (p: PeriodPhrase) => {
    if (taken.some(([a, b]) => p.index < b && p.index + p.length > a)) return;
    taken.push([p.index, p.index + p.length]);
    out.push(p);
  };
  const fy2 = (y: string) => (y.length === 4 ? Number(y) % 100 : Number(y));
  for (const m of text.matchAll(/\bQ([1-4])[\s-]*(?:FY\s?['’]?(\d{4}|\d{2})|((?:19|20)\d{2}))\b/gi)) {
    if (m[2]) {
      const year = fy2(m[2]);
      add({
        id: `FY${String(year).padStart(2, '0')}-Q${m[1]}`,
        kind: 'quarter',
        fiscal: true,
        year,
        quarter: Number(m[1]),
        index: m.index,
        length: m[0].length,
      });
    } else
      add({
        id: `${m[3]}-Q${m[1]}`,
        kind: 'quarter',
        fiscal: false,
        year: Number(m[3]),
        quarter: Number(m[1]),
        index: m.index,
        length: m[0].length,
      });
  }
  for (const m of text.matchAll(/\bFY\s?['’]?(\d{4}|\d{2})(?:[\s-]*Q([1-4]))?\b/gi)) {
    const year = fy2(m[1]!);
    const yy = String(year).padStart(2, '0');
    add({
      id: m[2] ? `FY${yy}-Q${m[2]}` : `FY${yy}`,
      kind: m[2] ? 'quarter' : 'year',
      fiscal: true,
      year,
      ...(m[2] ? { quarter: Number(m[2]) } : {}),
      index: m.index,
      length: m[0].length,
    });
  }
  // "CY19-Q3", "CY2019 Q3": a calendar quarter named the fiscal way.
  for (const m of text.matchAll(/\bCY\s?['’]?(\d{4}|\d{2})[\s-]*Q([1-4])\b/gi)) {
    const year = m[1]!.length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
    add({ id: `${year}-Q${m[2]}`, kind: 'quarter', fiscal: false, year, quarter: Number(m[2]), index: m.index, length: m[0].length });
  }
  // "Q2-19", "Q2 '19": a quarter with its year's last two digits after it.
  for (const m of text.matchAll(/\bQ([1-4])(?:-|\s?['’])(\d{2})(?![\d./-])/gi)) {
    const year = 2000 + Number(m[2]);
    add({ id: `${year}-Q${m[1]}`, kind: 'quarter', fiscal: false, year, quarter: Number(m[1]), index: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(/\b((?:19|20)\d{2})[\s-]*Q([1-4])\b/gi))
    add({
      id: `${m[1]}-Q${m[2]}`,
      kind: 'quarter',
      fiscal: false,
      year: Number(m[1]),
      quarter: Number(m[2]),
      index: m.index,
      length: m[0].length,
    });
  if (opts.years)
    for (const m of text.matchAll(/(?<![\d.-])((?:19|20)\d{2})(?![\d.]|-\d{2}-)/g))
      add({ id: m[1]!, kind: 'year', fiscal: false, year: Number(m[1]), index: m.index, length: m[0].length });
  return out.sort((a, b) => a.index - b.index);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const monthOf = (s: string) => MONTHS.indexOf(s.slice(0, 3).toLowerCase()) + 1;
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A real calendar date as YYYY-MM-DD, or undefined. */
export function isoDate(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** One date: "2025-02-15", "April 7", "7 April 2026", "Apr 7, 2026" (the year from `year` when not written). */
export function parseDate(text: string, year?: number): { date: string; yearAssumed: boolean } | undefined {
  const s = text.trim();
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) {
    const d = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return d ? { date: d, yearAssumed: false } : undefined;
  }
  const md = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`, 'i').exec(s);
  const dm = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}(?:,?\s+(\d{4}))?\b`, 'i').exec(s);
  const parts = md ? { m: md[1]!, d: md[2]!, y: md[3] } : dm ? { m: dm[2]!, d: dm[1]!, y: dm[3] } : undefined;
  if (!parts) return undefined;
  const y = parts.y ? Number(parts.y) : year;
  if (y === undefined) return undefined;
  const d = isoDate(y, monthOf(parts.m), Number(parts.d));
  return d ? { date: d, yearAssumed: !parts.y } : undefined;
}

export interface DateRange {
  start: string;
  end: string;
  yearAssumed: boolean;
  /** Impossible dates read as the nearest real one ("2021-04-31 is not a date: read as 2021-04-30"). */
  fixed?: string[];
}

/** An ISO date, or the nearest real date when the day is past the month's end ("2021-04-31" → "2021-04-30"). */
export function nearestIsoDate(text: string): { date: string; fixed?: string } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const exact = isoDate(y, mo, d);
  if (exact) return { date: exact };
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const date = isoDate(y, mo, lastDay(y, mo))!;
  return { date, fixed: `${text.trim()} is not a date: read as ${date}, the last day of that month` };
}

/** A date range: "2021-05-01 to 2021-07-31", "(Jan 1 - Mar 31)", "April - June". */
export function parseDateRange(text: string, year?: number): DateRange | undefined {
  const sep = String.raw`\s*(?:to|through|until|–|—|-|\.\.)\s*`;
  const iso = new RegExp(String.raw`(\d{4}-\d{2}-\d{2})${sep}(\d{4}-\d{2}-\d{2})`).exec(text);
  if (iso) {
    const a = nearestIsoDate(iso[1]!);
    const b = nearestIsoDate(iso[2]!);
    const fixed = [a?.fixed, b?.fixed].filter((f): f is string => Boolean(f));
    return a && b && a.date <= b.date ? { start: a.date, end: b.date, yearAssumed: false, ...(fixed.length ? { fixed } : {}) } : undefined;
  }
  const mdRange = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:,?\s+(\d{4}))?${sep}${MONTH}\s+(\d{1,2})(?:,?\s+(\d{4}))?`, 'i').exec(
    text,
  );
  if (mdRange) {
    const y1 = mdRange[3] ? Number(mdRange[3]) : year;
    let y2 = mdRange[6] ? Number(mdRange[6]) : (y1 ?? year);
    if (y1 === undefined || y2 === undefined) return undefined;
    const m1 = monthOf(mdRange[1]!);
    const m2 = monthOf(mdRange[4]!);
    if (!mdRange[6] && m2 < m1) y2 = y1 + 1;
    const a = isoDate(y1, m1, Number(mdRange[2]));
    const b = isoDate(y2, m2, Number(mdRange[5]));
    return a && b ? { start: a, end: b, yearAssumed: !mdRange[3] } : undefined;
  }
  const mRange = new RegExp(String.raw`\b${MONTH}${sep}${MONTH}(?:\s+(\d{4}))?\b`, 'i').exec(text);
  if (mRange) {
    const y = mRange[3] ? Number(mRange[3]) : year;
    if (y === undefined) return undefined;
    const m1 = monthOf(mRange[1]!);
    const m2 = monthOf(mRange[2]!);
    const y2 = m2 < m1 ? y + 1 : y;
    return { start: isoDate(y, m1, 1)!, end: isoDate(y2, m2, lastDay(y2, m2))!, yearAssumed: !mRange[3] };
  }
  return undefined;
}

// ── Redacted values ─────────────────────────────────────────────────────────────────────────────

const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';
export const toSubscript = (digits: string) => digits.replace(/\d/g, (d) => SUBSCRIPT[Number(d)]!);
export const fromSubscript = (s: string) => s.replace(/[₀-₉]/g, (c) => String(SUBSCRIPT.indexOf(c)));

/**
 * Placeholder text of a redacted number: "N₀", "N0", "N<sub>0</sub>" (already flattened), "$N₇",
 * "$N" or "P" (a bare letter standing for a hidden number or percentage), "[redacted]".
 */
export function redactionPlaceholder(text: string): { label: string; n?: string } | undefined {
  const s = text.trim();
  const m = /^([$€£¥]?)N\s?([₀-₉]+|\d+)(%?)$/.exec(s);
  if (m) {
    const n = fromSubscript(m[2]!);
    return { label: `${m[1]}N${toSubscript(n)}${m[3]}`, n };
  }
  if (/^[$€£¥]?[NPXYZ]%?$/.test(s)) return { label: s };
  if (/^\[?(?:redacted|private|confidential|hidden)\]?$/i.test(s)) return { label: s.replace(/^\[|\]$/g, '') };
  return undefined;
}

// ── Measures in KR prose ────────────────────────────────────────────────────────────────────────

export interface Measure {
  operator?: Operator;
  value: number;
  unit?: string;
  signed?: '+' | '-';
  /** The words of the measure as written ("≥ 55%", "<1%"). */
  raw: string;
  index: number;
  end: number;
}

const OP_TEXT = /(≥|≤|>=|<=|=>|=<|>|<)\s?(?=[+\-−]?[$€£¥]?\d)/y;

/** Numbers with an operator in prose: "activation ≥ 55% within 14 days", "p99 latency < 250ms", "≤15-minute RPO". */
export function findThresholds(text: string): Measure[] {
  const out: Measure[] = [];
  for (let i = 0; i < text.length; i++) {
    OP_TEXT.lastIndex = i;
    const m = OP_TEXT.exec(text);
    if (!m) continue;
    const t = readNumber(text, OP_TEXT.lastIndex, 'word');
    if (!t) continue;
    const unit = unitOf(t);
    out.push({
      operator: normaliseOperator(m[1]!)!,
      value: t.value,
      ...(unit ? { unit: normaliseUnit(unit) } : {}),
      raw: text.slice(i, t.end).trim(),
      index: i,
      end: t.end,
    });
    i = t.end - 1;
  }
  return out;
}

/** "from $12M to $18M", "from 12 to 6 days", "from 2.5% to <1%", "from +35 to +50". */
export function findFromTo(
  text: string,
): { from: NumberValue; to: NumberValue; index: number; end: number; unitShared: boolean } | undefined {
  const re = /\bfrom\s+/gi;
  for (const m of text.matchAll(re)) {
    const a = readNumber(text, m.index + m[0].length, 'word');
    if (!a) continue;
    const mid = /^\s*(?:to|→|->|–)\s*((?:≥|≤|>=|<=|<|>)\s?)?/.exec(text.slice(a.end));
    if (!mid) continue;
    const b = readNumber(text, a.end + mid[0].length, 'word');
    if (!b) continue;
    // "from 12 to 6 days": the unit written once applies to both ends.
    const ua = unitOf(a) ?? (a.currency || a.scale ? undefined : unitOf({ unit: b.unit }));
    const ub = unitOf(b) ?? unitOf({ currency: a.currency, scale: a.scale, unit: a.unit });
    const op = mid[1] ? normaliseOperator(mid[1]) : undefined;
    return {
      from: {
        type: 'number',
        value: a.value,
        ...(ua ? { unit: normaliseUnit(ua) } : {}),
        ...(a.sign ? { signed: a.sign } : {}),
        raw: text.slice(a.start, a.end).trim(),
      },
      to: {
        type: 'number',
        value: b.value,
        ...(ub ? { unit: normaliseUnit(ub) } : {}),
        ...(op ? { operator: op } : {}),
        ...(b.sign ? { signed: b.sign } : {}),
        raw: text.slice(a.end + mid[0].length - (mid[1]?.length ?? 0), b.end).trim(),
      },
      index: m.index,
      end: b.end,
      unitShared: Boolean(ua && !unitOf(a)) || Boolean(ub && !unitOf(b)),
    };
  }
  return undefined;
}

/** Words a number after them names or ranks ("day 2", "Phase 1", "SOC 2", "version 3", "Python 3"). */
const DESIGNATOR =
  /\b(?:day|week|month|quarter|year|phase|stage|step|level|tier|version|release|milestone|sprint|round|gen|generation|part|chapter|wave|layer|section|item|no\.|number|python|java|node(?:js)?|ruby|php|es|soc|iso|pci|wcag|http|ipv|web|windows|ios|android|ubuntu|debian|series|season|episode|book|volume|vol\.|rev\.?|revision)\s*$/i;

/** Every number in prose, with its unit, in order (for counts and "N% of X"). */
export function findNumbers(text: string): Measure[] {
  const out: Measure[] = [];
  // "#1b", "KPI #3": a number after "#" names something (an item, an issue), it measures nothing.
  for (const m of text.matchAll(/(?<![\w.,/#-])(?=[+\-−]?[$€£¥]?\d)/g)) {
    if (out.length && m.index < out.at(-1)!.end) continue;
    // "day 2 ops", "Phase 1", "SOC 2", "Python 3", "1st": a number that names or ranks something measures nothing.
    if (DESIGNATOR.test(text.slice(0, m.index)) || /^\d+(?:st|nd|rd|th)\b/i.test(text.slice(m.index))) continue;
    const t = readNumber(text, m.index, 'word');
    if (!t) continue;
    // "10k+-user", "5+ sessions": a trailing plus is part of the words, not a unit.
    const unit = unitOf(t);
    out.push({
      value: t.value,
      ...(unit ? { unit: normaliseUnit(unit) } : {}),
      ...(t.sign ? { signed: t.sign } : {}),
      raw: text.slice(t.start, t.end).trim(),
      index: t.start,
      end: t.end,
    });
  }
  return out;
}

/** "15-minute" → "minutes"; "hrs" → "hours"; units keep the document's words otherwise. */
export function normaliseUnit(unit: string): string {
  const u = unit.trim();
  const map: Record<string, string> = {
    minute: 'minutes',
    min: 'min',
    mins: 'min',
    hour: 'hours',
    hr: 'hours',
    hrs: 'hours',
    day: 'days',
    week: 'weeks',
    month: 'months',
    year: 'years',
    millisecond: 'ms',
    milliseconds: 'ms',
    second: 'seconds',
    sec: 'seconds',
    secs: 'seconds',
  };
  return map[u.toLowerCase()] ?? u;
}

/** Two units name the same thing ("deals" vs "deals/qtr" do not; "regions" vs "regions live" do, by their first word). */
export function sameUnit(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const first = (u: string) => u.toLowerCase().split(/[\s/]/)[0];
  return a === b || first(a) === first(b);
}

/** Split "A (x, y), B, and C" at top-level commas. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out
    .map((s) =>
      s
        .trim()
        .replace(/^(?:and|&)\s+/i, '')
        .replace(/\.$/, '')
        .trim(),
    )
    .filter(Boolean);
}
