// A document-control table ("Field | Value": Planning Period, Mid-quarter review, Grading date,
// Approvers, Classification, Version …): the document's period and its dates, and notes on its source.
import type { InlineText } from '../markdown.ts';
import { dateInPeriod } from '../tables.ts';
import { findPeriods, parseDate, parseDateRange, splitList } from '../values.ts';
import { readField } from './fields.ts';
import { datesFor } from './periods.ts';
import { yearOf } from './text.ts';
import { docPeriod, placed, setDocPeriod, unmapped, type ReadState } from './state.ts';

interface ControlRow {
  key: string;
  label: string;
  value: string;
  line: number;
}

type ControlRule = (st: ReadState, r: ControlRow) => boolean;

/** The rules for document-control rows, in the order they are tried; a row no rule reads is reported. */
const CONTROL_RULES: readonly { name: string; rule: ControlRule }[] = [
  {
    name: 'planning period',
    rule: (st, r) => {
      if (!/planning period|^period$|quarter|timeframe/.test(r.key)) return false;
      const p = findPeriods(r.value, { years: true })[0];
      if (!p) return false;
      setDocPeriod(st, p, r.line, `"${r.label}: ${r.value}"`);
      const range = parseDateRange(r.value, p.year);
      if (range) datesFor(st, st.doc.periods.get(p.id)!, range, r.line);
      return true;
    },
  },
  {
    name: 'mid-period review',
    rule: (st, r) => {
      const p = docPeriod(st);
      const d = p && /mid[- ](?:quarter|period|year)|midpoint/.test(r.key) ? dateInPeriod(r.value, p) : undefined;
      if (d) p!.midReview = d.date;
      return Boolean(d);
    },
  },
  {
    name: 'grading date',
    rule: (st, r) => {
      const p = docPeriod(st);
      const d = p && /grading date|scoring date|final grading/.test(r.key) ? parseDate(r.value, yearOf(p.id) ?? yearOf(p.end)) : undefined;
      if (d) p!.gradingDate = d.date;
      return Boolean(d);
    },
  },
  {
    name: 'approvers',
    rule: (st, r) => {
      const p = docPeriod(st);
      if (p && /approv/.test(r.key)) p.approvers = splitList(r.value);
      return Boolean(p && /approv/.test(r.key));
    },
  },
  {
    name: 'classification',
    rule: (st, r) => {
      if (/classification/.test(r.key)) readField(st, r.label, r.value, r.line);
      return /classification/.test(r.key);
    },
  },
  {
    name: 'source notes',
    rule: (st, r) => {
      if (/document id|status|created|author|owner|version|updated/.test(r.key)) st.doc.sourceNotes.push(`${r.label}: ${r.value}`);
      return /document id|status|created|author|owner|version|updated/.test(r.key);
    },
  },
];

export function readControlRows(st: ReadState, rows: readonly { line: number; cells: InlineText[] }[]): void {
  for (const row of rows) {
    const label = (row.cells[0]?.text ?? '').replace(/[*_]/g, '').trim();
    const r: ControlRow = { label, key: label.toLowerCase(), value: (row.cells[1]?.text ?? '').trim(), line: row.line };
    const rule = CONTROL_RULES.find(({ rule }) => rule(st, r));
    if (rule) placed(st, r.line, undefined, `document control: ${rule.name}`);
    else unmapped(st, r.line, r.line, `document field "${label}" not mapped`, r.value);
  }
}
