// Stage 3 of reading a key result: values as people write them in a sentence — tolerance bands
// ("+/- 25% of plan"), ceilings ("5.5-hours or less", "within 1 business day", "completed in 5
// business days"), floors written "4+", amounts with currency or magnitude ("$5.9m", "200k"),
// counted things ("at 10 confs") — and what came of it after "=>" (an outcome or a score, never the
// target). Each rule says what it assumed; the caller reports the assumptions as guesses.
import { findNumbers, parseValue, type Operator } from './values.ts';

export interface ProseShape {
  kind: 'threshold' | 'count';
  operator?: Operator;
  target: number;
  unit?: string;
  labels?: { target?: string };
  /** What the rule read, for the report. */
  evidence: string;
  /** The direction or kind was inferred from words rather than stated. */
  guess: boolean;
}

type ProseRule = (text: string) => ProseShape | undefined;
/** When a rule runs: before operators and percentages are read, after them, or as the last resort before "milestone". */
type Stage = 'before' | 'after' | 'last';

const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
const DURATION = String.raw`(business\s+days?|working\s+days?|days?|hours?|hrs?|minutes?|mins?|weeks?|months?|seconds?|secs?|ms)`;
const unitWord = (u: string) =>
  u
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/^hrs?$/, 'hours')
    .replace(/^mins?$/, 'minutes')
    .replace(/^secs?$/, 'seconds');
const plural = (u: string) => (/s$/.test(u) || u === 'ms' ? u : `${u}s`);
const n = (s: string) => Number(s.replace(/,/g, ''));
/** The thing counted: "design partners", "user tests", "teams" (not "teams adopt"). */
const noun = (words: string | undefined): string | undefined => {
  const [a, b] = (words ?? '').split(/\s+/).filter(Boolean);
  if (!a) return undefined;
  return b && /s$/i.test(b) && !/s$/i.test(a) ? `${a} ${b}` : a;
};

const DOWN_VERB = String.raw`reduce[sd]?|reducing|cut|cuts|lower(?:ed|s)?|decrease[sd]?|drop|shrink|trim|minimi[sz]e|limit|slash|halve|bring\s+down`;
const UP_VERB = String.raw`increase[sd]?|increasing|grow|grows|raise[sd]?|boost|lift|expand|scale|double|triple|push|maximi[sz]e|accelerate`;
const NEUTRAL_VERB = String.raw`improve[sd]?|improving|get|bring|take|move|change|optimi[sz]e|keep|hold|maintain`;
/** What a neutral verb moves the right way by lowering: times, costs, errors, churn. */
const LOWER_IS_BETTER =
  /\b(?:latency|time|times|duration|delay|cost|costs|spend|churn|errors?|bugs?|defects?|incidents?|outages?|downtime|backlog|debt|lead time|cycle time|mttr|turnaround|wait|queue|tickets?|complaints?|failures?|crash(?:es)?|p\d\d)\b/i;
const SCALE: Record<string, string> = { k: 'K', m: 'M', b: 'B', bn: 'B', mn: 'M' };

/**
 * The rules, tried in order; the first that reads the sentence wins. A new way of writing a value is
 * a new rule here. `before` rules run before operators and percentages are read ("+/- 25% of plan" is
 * not "≥ 25%"); `after` rules only when nothing else measured the sentence; `last` ones only when
 * no counted verb ("close 15 deals") did either.
 */
export const PROSE_RULES: readonly { name: string; stage: Stage; rule: ProseRule }[] = [
  {
    name: 'tolerance band',
    stage: 'before',
    rule: (t) => {
      const m = new RegExp(String.raw`(?:±|\+\s?\/\s?-|\+-)\s?${NUM}\s?(%|percent)?(\s+of\s+[\w-]+)?`, 'i').exec(t);
      if (!m) return undefined;
      const unit = m[2] ? `% deviation${m[3] ? m[3].replace(/^\s+of/, ' from') : ''}` : 'deviation';
      return {
        kind: 'threshold',
        operator: '<=',
        target: n(m[1]!),
        unit,
        labels: { target: m[0].trim() },
        evidence: `"${m[0].trim()}" is a tolerance band: the deviation must stay at most ${m[1]}${m[2] ? '%' : ''}`,
        guess: false,
      };
    },
  },
  {
    // "Reduce latency to 200ms", "Grow weekly actives to 5,000", "Bring churn down to 3%": the value
    // the verb moves something to is the target; the verb says which side of it is good.
    name: 'moved to a value',
    stage: 'before',
    rule: (t) => {
      if (new RegExp(String.raw`\bfrom\s+[$€£]?${NUM}`, 'i').test(t)) return undefined;
      const m = new RegExp(
        String.raw`\b(${DOWN_VERB}|${UP_VERB}|${NEUTRAL_VERB})\b[^;:.=]*?\b(down\s+|up\s+)?to\s+(?:(under|below|less than|above|over|more than|at least|at most)\s+)?([$€£]?)${NUM}\s?(bn|mn|[kKmM](?![a-z]))?\s?-?(%|ms|${DURATION}\b|[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)?`,
        'i',
      ).exec(t);
      if (!m) return undefined;
      const [, verb, way, bound, currency, value, scale, rest] = m;
      const unitWords =
        rest && !/^(?:by|in|per|for|across|and|or|with|within|on|at|of|the|a|an|from|before|after|during|each|every)\b/i.test(rest)
          ? rest
          : undefined;
      const unit =
        [currency ?? '', scale ? SCALE[scale.toLowerCase()] : ''].join('') ||
        (unitWords && new RegExp(`^${DURATION}$`, 'i').test(unitWords)
          ? plural(unitWord(unitWords))
          : unitWords === '%' || unitWords === 'ms'
            ? unitWords
            : noun(unitWords));
      const down =
        /^(?:under|below|less than|at most)$/i.test(bound ?? '') ||
        (!bound &&
          (/^down/i.test(way ?? '') ||
            new RegExp(`^(?:${DOWN_VERB})$`, 'i').test(verb!) ||
            (new RegExp(`^(?:${NEUTRAL_VERB})$`, 'i').test(verb!) && LOWER_IS_BETTER.test(t))));
      return {
        kind: 'threshold',
        operator: down ? '<=' : '>=',
        target: n(value!),
        ...(unit ? { unit } : {}),
        labels: { target: m[0].slice(m[0].search(/\bto\s/i) + 3).trim() },
        evidence: `"${m[0].trim()}": the value it is moved to is the target, ${down ? 'at most' : 'at least'} ${value}${bound ? ` ("${bound}")` : ` (from "${verb}${way ? ` ${way.trim()}` : ''}")`}`,
        guess: !bound,
      };
    },
  },
  {
    name: 'ceiling in words',
    stage: 'before',
    rule: (t) => {
      const m = new RegExp(
        String.raw`${NUM}(?:\s|-)?${DURATION}?\s+or\s+(less|fewer|under|below|lower|more|greater|higher|above)\b`,
        'i',
      ).exec(t);
      if (!m) return undefined;
      const down = /less|fewer|under|below|lower/i.test(m[3]!);
      const unit = m[2] ? plural(unitWord(m[2])) : undefined;
      return {
        kind: 'threshold',
        operator: down ? '<=' : '>=',
        target: n(m[1]!),
        ...(unit ? { unit } : {}),
        evidence: `"${m[0]}": ${down ? 'at most' : 'at least'} ${m[1]}`,
        guess: false,
      };
    },
  },
  {
    name: 'within a duration',
    stage: 'before',
    rule: (t) => {
      const m = new RegExp(String.raw`\b(?:within|under|in less than|in under|no later than)\s+${NUM}\s?-?${DURATION}\b`, 'i').exec(t);
      if (!m || findNumbers(t).length > 1) return undefined;
      return {
        kind: 'threshold',
        operator: '<=',
        target: n(m[1]!),
        unit: plural(unitWord(m[2]!)),
        evidence: `"${m[0]}": a time limit, at most ${m[1]} ${plural(unitWord(m[2]!))}`,
        guess: false,
      };
    },
  },
  {
    name: 'done in a duration',
    stage: 'before',
    rule: (t) => {
      const m = new RegExp(
        String.raw`\b(?:completed|done|closed|resolved|delivered|answered|finished|turned around|in)\s+(?:in\s+)?${NUM}\s?-?${DURATION}\b`,
        'i',
      ).exec(t);
      if (!m || findNumbers(t).length > 1) return undefined;
      const unit = plural(unitWord(m[2]!));
      return {
        kind: 'threshold',
        operator: '<=',
        target: n(m[1]!),
        unit,
        evidence: `"${m[0]}": a duration, so lower is better (at most ${m[1]} ${unit})`,
        guess: true,
      };
    },
  },
  {
    name: 'floor written N+',
    stage: 'before',
    rule: (t) => {
      const m = /(?<![\w.])(\d+(?:[.,]\d+)?)\s?([kKmM])?\+(?![\d-])\s*([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)?/.exec(t);
      if (!m || findNumbers(t).filter((x) => !/^(?:19|20)\d\d$/.test(x.raw)).length > 1) return undefined;
      const unit = [m[2]?.toUpperCase(), noun(m[3])].filter(Boolean).join(' ');
      return {
        kind: 'threshold',
        operator: '>=',
        target: n(m[1]!),
        ...(unit ? { unit } : {}),
        labels: { target: `${m[1]}${m[2] ?? ''}+` },
        evidence: `"${m[1]}${m[2] ?? ''}+": at least ${m[1]}${m[2] ?? ''}`,
        guess: false,
      };
    },
  },
  {
    name: 'amount with currency or magnitude',
    stage: 'after',
    rule: (t) => {
      const m =
        /(?<![\w.])([$€£¥])\s?(\d+(?:[.,]\d+)?)\s?(bn|mn|[kKmMbB])?(?![A-Za-z\d])|(?<![\w.$€£¥#])(\d+(?:\.\d+)?)\s?(bn|mn|[kKmMbB])(?![A-Za-z\d])/.exec(
          t,
        );
      if (!m || findNumbers(t).filter((x) => !/^(?:19|20)\d\d$/.test(x.raw)).length > 1) return undefined;
      const scale = (m[3] ?? m[5])?.toLowerCase();
      const unit = `${m[1] ?? ''}${scale ? ({ k: 'K', m: 'M', b: 'B', bn: 'B', mn: 'M' } as Record<string, string>)[scale] : ''}`;
      const down = /\b(?:reduce|cut|lower|decrease|below|under|save|shrink)\b/i.test(t);
      return {
        kind: 'threshold',
        operator: down ? '<=' : '>=',
        target: n(m[2] ?? m[4]!),
        ...(unit ? { unit } : {}),
        labels: { target: m[0].trim() },
        evidence: `"${m[0].trim()}" read as ${n(m[2] ?? m[4]!)} ${unit}; ${down ? 'at most (a word like "reduce")' : 'at least'} assumed`,
        guess: true,
      };
    },
  },
  {
    name: 'counted things',
    stage: 'last',
    rule: (t) => {
      const nums = findNumbers(t).filter((x) => !/^(?:19|20)\d\d$/.test(x.raw) && !x.unit?.startsWith('%'));
      if (nums.length !== 1) return undefined;
      const m = new RegExp(
        String.raw`(?:^|\s)(?:at|in|to|across|with|for|of|get|have|reach|hit)?\s*([+]?)(\d+(?:,\d{3})*)\s+([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)`,
        'i',
      ).exec(t);
      if (!m || /^(?:percent|times|x|or)\b/i.test(m[3]!)) return undefined;
      const unit = noun(m[3])!;
      if (/^(?:days?|hours?|weeks?|months?|minutes?|seconds?|business|working)\b/i.test(unit)) return undefined;
      return {
        kind: 'count',
        target: n(m[2]!),
        unit,
        evidence: `"${m[2]} ${unit}": a number of things, kind count (progress = current / target)`,
        guess: true,
      };
    },
  },
];

/** How a key result's sentence states its measure, when one rule reads it. */
export function proseShape(text: string, stage: Stage): ProseShape | undefined {
  for (const r of PROSE_RULES) {
    if (r.stage !== stage) continue;
    const s = r.rule(text);
    if (s) return s;
  }
  return undefined;
}

export interface Outcome {
  /** A reading of the key result's own measure ("32 demos", "190k", "+0"). */
  current?: number;
  /** A score ("=> 78%"): the declared grade. */
  grade?: number;
  /** The words said it is done ("DONE", "shipped"). */
  done?: boolean;
  /** The outcome as written, to keep beside the value. */
  raw: string;
  evidence: string;
}

const DONE = /^(?:(?:done|complete[d]?|shipped|launched|achieved|yes|live|released|delivered|100% complete)\b|[✅✔☑]\uFE0F?$)/iu;

/** What the outcome written with a key result (after "=>", or "(Actual: …)") says: a score, a reading, done, or words. */
export function readOutcome(raw: string, krUnit: string | undefined, numeric: boolean, krTarget?: number): Outcome {
  // "(Actual: 912) ✅": the reading without its label; the mark says it is done.
  const marked = /\s*[✅✔☑]\uFE0F?\s*$/u.test(raw);
  const text = raw
    .trim()
    .replace(/^(?:actual|actually|result|results|outcome|achieved|reached|hit)\s*:?\s*(?=\S)/i, '')
    .replace(/\s*[✅✔☑❌]\uFE0F?\s*$/u, '')
    .trim();
  if (!text && marked) return { done: true, raw: raw.trim(), evidence: `"${raw.trim()}" written as its outcome: done` };
  if (DONE.test(text))
    return { done: true, raw: text, evidence: `"${text}", the outcome written with it (after "=>" or in parentheses): done` };
  const v = parseValue(text);
  if (v.type === 'number') {
    const pct = v.unit === '%' || v.unit?.startsWith('% ');
    const bare = /^[+-]?\d+(?:\.\d+)?\s?%$/.test(text);
    // A percentage far beyond a percentage target ("up 20% => 100%") is how far it got, not a reading.
    const reading = (krUnit ?? '').startsWith('%') && (krTarget === undefined || v.value <= 2 * Math.max(Math.abs(krTarget), 1));
    if (bare && pct && !reading && v.value >= 0 && v.value <= 100)
      return {
        grade: v.value / 100,
        raw: text,
        evidence: `"${text}", the outcome written with it, read as the key result's score (declared grade ${v.value / 100})`,
      };
    if (numeric)
      return {
        current: v.value,
        raw: text,
        evidence: `"${text}", the outcome written with it, read as the current value ${v.value}, not the target`,
      };
  }
  return { raw: text, evidence: `"${text}", the outcome written with it, kept as the key result's outcome (a note)` };
}
