// Where a Markdown document says which period it covers and when that period runs: front matter,
// "This fiscal quarter will run from May 1, 2019 to July 31, 2019", a quote under the title
// ("NexusFlow Objectives and Key Results for Q2 2026 …").
import type { Blockquote, Paragraph } from 'mdast';
import { endLineOf, lineOf } from '../markdown.ts';
import type { PeriodDraft } from '../types.ts';
import { findPeriods, parseDateRange, type DateRange } from '../values.ts';
import { readYaml } from '../yaml/read.ts';
import { short, withUrls, yearOf } from './text.ts';
import { currentObjective, docPeriod, guess, inline, note, placed, setDocPeriod, unmapped, where, type ReadState } from './state.ts';
import { pushAll } from '../../errors.ts';

export function datesFor(st: ReadState, p: PeriodDraft, range: DateRange, line: number): void {
  p.start = range.start;
  p.end = range.end;
  p.datesWhere = where(st, line);
  if (range.yearAssumed) guess(st, line, `dates of ${p.id} (${range.start} – ${range.end}): year assumed from the period`);
  for (const f of range.fixed ?? []) guess(st, line, `${f} (dates of ${p.id})`);
}

/** "This fiscal quarter will run from May 1, 2019 to July 31, 2019": the period's dates (and the period, if the text names one). */
export function periodStatement(st: ReadState, text: string, line: number): boolean {
  const named = findPeriods(text, { years: false })[0];
  if (named && !st.doc.period) setDocPeriod(st, named, line, `"${short(text)}"`);
  const period = docPeriod(st);
  if (!period) return false;
  const range = parseDateRange(text, yearOf(period.id));
  if (!range) return false;
  datesFor(st, period, range, line);
  note(st, line, `${period.id} runs ${range.start} – ${range.end} (from "${short(text)}")`);
  return true;
}

/** Front matter: title, period, classification and document notes; objectives and KPIs written in it. */
export function frontMatter(st: ReadState, yaml: string): void {
  const r = readYaml(yaml, { file: st.file, lineOffset: 1, report: st.report });
  for (const [k, v] of r.meta) {
    const at = v.where.line;
    if (frontMatterField(st, k, v.value, at)) placed(st, at, undefined, `front matter ${k}`);
    else unmapped(st, at, at, `front matter "${k}" not mapped`, v.value);
  }
  pushAll(st.doc.objectives, r.objectives);
  pushAll(st.doc.kpiGroups, r.kpiGroups);
}

/** One front-matter key; false when it means nothing here (reported by the caller). */
function frontMatterField(st: ReadState, k: string, value: string, at: number): boolean {
  const key = k.toLowerCase();
  if (key === 'title') {
    st.doc.title ??= value;
    const p = findPeriods(value, { years: true })[0];
    if (p) setDocPeriod(st, p, at, `the front matter title "${value}"`);
    return true;
  }
  if (key === 'classification') {
    st.doc.classification = /public/i.test(value) ? 'public' : 'internal';
    if (!/^(?:public|internal)$/i.test(value)) guess(st, at, `classification "${value}" read as ${st.doc.classification}`);
    return true;
  }
  if (key === 'period') {
    const p = findPeriods(value, { years: true })[0];
    if (p) setDocPeriod(st, p, at, 'the front matter');
    else unmapped(st, at, at, `front matter period "${value}" not recognised`);
    return true;
  }
  if (!/^(?:version|owner|last_reviewed|last_updated|next_review|updated|author|status)$/.test(key)) return false;
  st.doc.sourceNotes.push(`${k}: ${value}`);
  return true;
}

/** A quote: the open objective's description, else a statement about the period (its name, dates, the organisation). */
export function readQuote(st: ReadState, q: Blockquote): void {
  const line = lineOf(q);
  for (const c of q.children) if (c.type !== 'paragraph') unmapped(st, lineOf(c), endLineOf(c), `${c.type} inside a quote not mapped`);
  const text = q.children
    .filter((c): c is Paragraph => c.type === 'paragraph')
    .map((c) => withUrls(inline(st, c.children)))
    .join('\n');
  const o = currentObjective(st);
  const end = endLineOf(q);
  if (o && !o.description) {
    o.description = text;
    return placed(st, line, end, "the objective's description");
  }
  if (!o && periodQuote(st, text, line)) return placed(st, line, end, 'the period');
  unmapped(st, line, end, 'quote not mapped', text);
}

function periodQuote(st: ReadState, text: string, line: number): boolean {
  const p = findPeriods(text, { years: false })[0];
  if (p && !st.doc.period) setDocPeriod(st, p, line, `"${short(text)}"`);
  const period = st.doc.period ? st.doc.periods.get(st.doc.period) : undefined;
  if (!period) return false;
  let used = false;
  const range = parseDateRange(text, yearOf(period.id));
  if (range) {
    datesFor(st, period, range, line);
    used = true;
  }
  // "NexusFlow Objectives and Key Results for Q2 2026", "Acme's OKRs for …"
  const org = /^([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2}?)(?:\s+Objectives and Key Results|['’]s\s+(?:OKRs|Objectives))\b/.exec(text);
  if (org && !/^(?:These|Those|This|The|Our|Your|All|Company|Team|Quarterly|Annual)$/.test(org[1]!)) st.doc.orgName ??= org[1];
  if (!period.summary && (used || org || p)) {
    period.summary = text.replace(/\s+/g, ' ').trim();
    used = true;
  }
  return used;
}
