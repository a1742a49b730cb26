// A whole YAML document (a .yaml file, or YAML saved as .md/.txt): its objectives and KPI groups,
// and the top-level title, period, team, organisation and classification.
import { emptyDoc, emptyPeriod } from '../records.ts';
import type { DocRecords, Report } from '../types.ts';
import { findPeriods } from '../values.ts';
import { readYaml } from './read.ts';

export function readYamlDocument(file: string, text: string, report: Report): DocRecords {
  const r = readYaml(text, { file, lineOffset: 0, report });
  const doc = { ...emptyDoc(file), kpiGroups: r.kpiGroups };
  let team: string | undefined;
  for (const [k, v] of r.meta) {
    const key = k.toLowerCase();
    if (key === 'title' || key === 'name') doc.title = v.value;
    else if (key === 'period' || key === 'quarter') {
      const p = findPeriods(v.value, { years: true })[0];
      if (p) {
        doc.period = p.id;
        doc.periodWhere = v.where;
      } else report({ kind: 'unmapped', ...v.where, message: `period "${v.value}" not recognised` });
    } else if (key === 'team') team = v.value;
    else if (key === 'organisation' || key === 'organization' || key === 'company' || key === 'org') doc.orgName = v.value;
    else if (key === 'classification') doc.classification = /public/i.test(v.value) ? 'public' : 'internal';
    else if (/^(?:version|owner|last_reviewed|last_updated|updated|author|status)$/.test(key)) doc.sourceNotes.push(`${k}: ${v.value}`);
    else report({ kind: 'unmapped', ...v.where, message: `YAML "${k}" not mapped`, excerpt: v.value });
  }
  for (const o of r.objectives) doc.objectives.push({ ...o, ...(o.team ? {} : team ? { team } : {}) });
  // Every period an objective (or the document) names gets a period record.
  for (const text of [...doc.objectives.map((o) => o.period), doc.period]) {
    const p = text ? findPeriods(text, { years: true })[0] : undefined;
    if (p && !doc.periods.has(p.id)) doc.periods.set(p.id, emptyPeriod(p));
  }
  return doc;
}
