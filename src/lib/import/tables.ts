// Tables that are not key results, read row by row: dependencies, risks, check-in schedules,
// grading scales and change history. Each reader is a pure function of the table's cells: it
// returns the records it found and a note for every row or cell it could not use, and the Markdown
// reader (./read/tables.ts) attaches the records where they belong.
import type { InlineText } from './markdown.ts';
import type { BandDraft, DependencyDraft, PeriodDraft, RiskDraft, Where } from './types.ts';
import { findPeriods, parseDate, parseLevel, splitList } from './values.ts';

export interface TableRows {
  file: string;
  headers: string[];
  /** Headers lower-cased, without "(…)" remarks or emphasis. */
  norm: string[];
  /** Each row's line, and each cell's (an HTML row spans lines). */
  rows: { line: number; cells: InlineText[]; cellLines?: number[] }[];
}

/** A row or cell a reader could not use (kind `unmapped`), a value it assumed (`guess`), or where it put a cell (`note`). */
export interface TableNote {
  kind: 'unmapped' | 'guess' | 'note';
  line: number;
  message: string;
  excerpt?: string;
}

const columnOf = (norm: readonly string[]) => (re: RegExp) => norm.findIndex((h) => re.test(h));
const cellOf = (r: TableRows['rows'][number]) => (i: number) => (i >= 0 ? (r.cells[i]?.text ?? '') : '');
const rowText = (r: TableRows['rows'][number]) => r.cells.map((x) => x.text).join(' | ');

/** What kind of table the headers describe, for the tables read here. */
export function tableKind(norm: readonly string[]): 'dependencies' | 'risks' | 'schedule' | 'grading' | 'changes' | undefined {
  const has = columnOf(norm);
  if (has(/depends on|dependency|blocked by/) >= 0) return 'dependencies';
  if (has(/^risks?$/) >= 0 && has(/likelihood|impact|mitigation|probability|severity/) >= 0) return 'risks';
  if (has(/^date$/) >= 0 && has(/^(?:type|focus|purpose|agenda)$/) >= 0 && has(/author|change/) < 0) return 'schedule';
  if (has(/^(?:score|grade|range|rating)$/) >= 0 && has(/meaning|interpretation|description|label/) >= 0) return 'grading';
  if (has(/^date$/) >= 0 && has(/^author$/) >= 0 && has(/^changes?$/) >= 0) return 'changes';
  return undefined;
}

/** Every cell of a column the reader did not use, one note each. */
export function unusedCells(t: TableRows, used: readonly number[], names: readonly string[] = t.norm): TableNote[] {
  const out: TableNote[] = [];
  for (const r of t.rows)
    r.cells.forEach((c, i) => {
      if (!used.includes(i) && c.text && !/^[-–—]$/.test(c.text))
        out.push({ kind: 'unmapped', line: r.line, message: `cell in column "${names[i] ?? i + 1}" not mapped`, excerpt: c.text });
    });
  return out;
}

/** `Dependent OKR | Depends On | Risk if Blocker | Mitigation`: one dependency per target named. */
export function dependencyRows(t: TableRows): { dependencies: DependencyDraft[]; notes: TableNote[] } {
  const col = columnOf(t.norm);
  const onCol = col(/depends on|dependency|blocked by/);
  const depCol = col(/^(?:dependent(?: okr| objective| kr)?|okr|objective|kr|key result)$/);
  const riskCol = col(/risk/);
  const mitCol = col(/mitigation/);
  const dependencies: DependencyDraft[] = [];
  const notes: TableNote[] = [];
  for (const r of t.rows) {
    const cell = cellOf(r);
    const on = cell(onCol);
    if (!on) {
      if (r.cells.some((c) => c.text))
        notes.push({ kind: 'unmapped', line: r.line, message: 'dependency row without "depends on" not mapped', excerpt: rowText(r) });
      continue;
    }
    const riskText = cell(riskCol);
    const level = riskText ? parseLevel(riskText) : undefined;
    const riskNote = riskText.replace(/^\s*(?:low|medium|med|high|l|m|h)\b\s*[-–—:]?\s*/i, '').trim();
    const where: Where = { file: t.file, line: r.line };
    for (const target of /^[^:(]+:\s/.test(on) ? [on] : splitList(on))
      dependencies.push({
        where,
        ...(depCol >= 0 && cell(depCol) ? { dependent: cell(depCol) } : {}),
        on: target,
        ...(level ? { risk: level } : {}),
        ...(riskNote && level ? { riskNote } : riskText && !level ? { riskNote: riskText } : {}),
        ...(cell(mitCol) ? { mitigation: cell(mitCol) } : {}),
      });
    r.cells.forEach((c, i) => {
      if (![onCol, depCol, riskCol, mitCol].includes(i) && c.text)
        notes.push({ kind: 'unmapped', line: r.line, message: `cell in column "${t.headers[i]}" not mapped`, excerpt: c.text });
    });
  }
  return { dependencies, notes };
}

/** `Risk | Likelihood | Impact | Mitigation | Owner`. */
export function riskRows(t: TableRows): { risks: (RiskDraft & { line: number })[]; notes: TableNote[] } {
  const col = columnOf(t.norm);
  const c = {
    title: col(/^risks?$/),
    likelihood: col(/likelihood|probability/),
    impact: col(/impact|severity/),
    mitigation: col(/mitigation/),
    owner: col(/owner/),
  };
  const notes = unusedCells(t, Object.values(c));
  const risks: (RiskDraft & { line: number })[] = [];
  for (const r of t.rows) {
    const cell = cellOf(r);
    if (!cell(c.title)) {
      if (r.cells.some((x) => x.text))
        notes.push({ kind: 'unmapped', line: r.line, message: 'risk row without a risk not mapped', excerpt: rowText(r) });
      continue;
    }
    const likelihood = parseLevel(cell(c.likelihood));
    const impact = parseLevel(cell(c.impact));
    risks.push({
      line: r.line,
      title: cell(c.title),
      ...(likelihood ? { likelihood } : {}),
      ...(impact ? { impact } : {}),
      ...(cell(c.mitigation) ? { mitigation: cell(c.mitigation) } : {}),
      ...(cell(c.owner) ? { owner: cell(c.owner) } : {}),
    });
  }
  return { risks, notes };
}

const yearOf = (period: string | undefined): number | undefined => {
  const m = /^(\d{4})/.exec(period ?? '');
  return m ? Number(m[1]) : undefined;
};

/** A date written without a year ("April 7") placed in the period: its calendar year, or the year that puts it inside the stated dates. */
export function dateInPeriod(text: string, p: PeriodDraft): { date: string; yearAssumed: boolean } | undefined {
  const years = [yearOf(p.id), yearOf(p.start), yearOf(p.end)].filter((y): y is number => y !== undefined);
  const candidates = (years.length ? [...new Set(years)] : [undefined]).map((y) => parseDate(text, y)).filter((d) => d !== undefined);
  return candidates.find((d) => !p.start || !p.end || (d.date >= p.start && d.date <= p.end)) ?? candidates[0];
}

type Scheduled = PeriodDraft['checkins'][number];

const scheduleType = (text: string): Scheduled['type'] | undefined =>
  /bi-?week|fortnight/i.test(text)
    ? 'biweekly'
    : /week/i.test(text)
      ? 'weekly'
      : /mid/i.test(text)
        ? 'mid-period'
        : /month/i.test(text)
          ? 'monthly'
          : /quarter/i.test(text)
            ? 'quarterly'
            : /final|end|grading|scor/i.test(text)
              ? 'final'
              : undefined;

/** `Date | Type | Focus`: the period's check-in schedule; dates without a year are placed in the period. */
export function scheduleRows(t: TableRows, p: PeriodDraft, line: number): { checkins: Scheduled[]; notes: TableNote[] } {
  const col = columnOf(t.norm);
  const c = { date: col(/^date$/), type: col(/^type$/), focus: col(/^(?:focus|purpose|agenda)$/) };
  const notes = unusedCells(t, Object.values(c));
  const checkins: Scheduled[] = [];
  let assumed = false;
  for (const r of t.rows) {
    const cell = cellOf(r);
    const d = dateInPeriod(cell(c.date), p);
    const type = scheduleType(cell(c.type) || cell(c.focus));
    if (!d || !type) {
      notes.push({
        kind: 'unmapped',
        line: r.line,
        message: `check-in row not mapped (${!d ? 'date' : 'type'} not recognised)`,
        excerpt: rowText(r),
      });
      continue;
    }
    assumed ||= d.yearAssumed;
    checkins.push({ date: d.date, type, ...(cell(c.focus) ? { focus: cell(c.focus) } : {}) });
  }
  const year = yearOf(p.id) ?? yearOf(p.start);
  if (assumed)
    notes.push({
      kind: 'guess',
      line,
      message: `check-in dates without a year: ${year ? `year ${year}` : 'years'} assumed from period ${p.id}`,
    });
  return { checkins, notes };
}

/** `Score | Meaning | Action`: grading bands, lowest first as written. */
export function gradingRows(t: TableRows): { bands: BandDraft[]; notes: TableNote[] } {
  const col = columnOf(t.norm);
  const c = { score: col(/^(?:score|grade|range|rating)$/), label: col(/meaning|interpretation|label|description/), action: col(/action/) };
  const notes = unusedCells(t, Object.values(c));
  const bands: BandDraft[] = [];
  for (const r of t.rows) {
    const score = r.cells[c.score]?.text ?? '';
    const m = /(\d*\.?\d+)/.exec(score);
    if (!m) {
      notes.push({ kind: 'unmapped', line: r.line, message: 'grading row not mapped', excerpt: score });
      continue;
    }
    const action = c.action >= 0 ? r.cells[c.action]?.text : undefined;
    bands.push({ min: Number(m[1]), label: r.cells[c.label]?.text ?? score, ...(action ? { meaning: action } : {}) });
  }
  return { bands, notes };
}

/** `Date | Author | Changes` (a `Quarter` column that only repeats the period says nothing more). */
export function changeRows(t: TableRows, p: PeriodDraft | undefined): { changes: PeriodDraft['changeLog']; notes: TableNote[] } {
  const col = columnOf(t.norm);
  const c = { date: col(/^date$/), author: col(/^author$/), change: col(/^changes?$/) };
  const q = col(/^(?:quarter|period)$/);
  const repeats = q >= 0 && p && t.rows.every((r) => findPeriods(r.cells[q]?.text ?? '')[0]?.id === p.id);
  const notes = unusedCells(t, [...Object.values(c), ...(repeats ? [q] : [])]);
  const changes: PeriodDraft['changeLog'] = [];
  for (const r of t.rows) {
    const d = parseDate(r.cells[c.date]?.text ?? '');
    const author = r.cells[c.author]?.text ?? '';
    const change = r.cells[c.change]?.text ?? '';
    if (!p || !d || !author || !change) {
      notes.push({ kind: 'unmapped', line: r.line, message: 'change-history row not mapped', excerpt: rowText(r) });
      continue;
    }
    changes.push({ date: d.date, author, change });
  }
  return { changes, notes };
}
