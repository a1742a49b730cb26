// A whole YAML document (a .yaml file, or YAML saved as .md/.txt): its objectives and KPI groups,
// and the top-level title, period, team, organisation and classification.
import { emptyDoc, emptyPeriod } from '../records.ts';
import type { DocRecords, Report, Where } from '../types.ts';
import { findPeriods } from '../values.ts';
import { readYaml } from './read.ts';

export function readYamlDocument(file: string, text: string, report: Report): DocRecords {
  const r = readYaml(text, { file, lineOffset: 0, report });
  const doc = { ...emptyDoc(file), kpiGroups: r.kpiGroups };
  let team: string | undefined;
  for (const [k, v] of r.meta) {
    if (/^quarter$/i.test(k) && /^Q[1-4]$/i.test(v.value)) continue; // dated by the year below
    const read = metaField(doc, k, v.value, (t) => (team = t));
    if (read === 'period') doc.periodWhere = v.where;
    if (read) report({ kind: 'placed', ...v.where, message: `YAML ${k}` });
    else if (/^(?:period|quarter)$/i.test(k)) report({ kind: 'unmapped', ...v.where, message: `period "${v.value}" not recognised` });
    else report({ kind: 'unmapped', ...v.where, message: `YAML "${k}" not mapped`, excerpt: v.value });
  }
  datedQuarter(doc, r.meta, report);
  for (const o of r.objectives) doc.objectives.push({ ...o, ...(o.team ? {} : team ? { team } : {}) });
  // Every period an objective (or the document) names gets a period record.
  for (const text of [...doc.objectives.map((o) => o.period), doc.period]) {
    const p = text ? findPeriods(text, { years: true })[0] : undefined;
    if (p && !doc.periods.has(p.id)) doc.periods.set(p.id, emptyPeriod(p));
  }
  return doc;
}

/** A top-level scalar of a YAML document: what it set, or false when it means nothing here. */
function metaField(doc: DocRecords, k: string, value: string, setTeam: (team: string) => void): string | false {
  const key = k.toLowerCase();
  if (key === 'title' || key === 'name') doc.title = value;
  else if (key === 'period' || key === 'quarter' || key === 'year') {
    const p = findPeriods(value, { years: true })[0];
    if (!p) return false;
    doc.period = p.id;
    return 'period';
  } else if (key === 'team') setTeam(value);
  else if (/^(?:organi[sz]ation|company|org)$/.test(key)) doc.orgName = value;
  else if (key === 'classification') doc.classification = /public/i.test(value) ? 'public' : 'internal';
  else if (/^(?:version|owner|last_reviewed|last_updated|updated|author|status)$/.test(key)) doc.sourceNotes.push(`${k}: ${value}`);
  else return false;
  return key;
}

/** `year: 2031` with `quarter: Q2` (each alone says less): the document's period is 2031-Q2. */
function datedQuarter(doc: DocRecords, meta: ReadonlyMap<string, { value: string; where: Where }>, report: Report) {
  const q = [...meta].find(([k, v]) => /^quarter$/i.test(k) && /^Q[1-4]$/i.test(v.value));
  if (!q) return;
  const [, { value, where }] = q;
  const year = doc.period ? findPeriods(doc.period, { years: true })[0] : undefined;
  if (year?.kind !== 'year') {
    report({ kind: 'unmapped', ...where, message: `quarter "${value}" named without a year` });
    return;
  }
  doc.period = year.fiscal ? `FY${String(year.year).padStart(2, '0')}-${value.toUpperCase()}` : `${year.year}-${value.toUpperCase()}`;
  report({ kind: 'placed', ...where, message: 'YAML quarter' });
}
