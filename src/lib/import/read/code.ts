// Code blocks: ```yaml blocks hold objectives or a KPI catalogue (read by ../yaml/read.ts); a block
// that starts "OKR: …" with "KR1 …" lines is a check-in example, matched to its objective at the end.
import type { Code } from 'mdast';
import { endLineOf, lineOf } from '../markdown.ts';
import type { CheckinBlock, CheckinExtras } from '../types.ts';
import { findPeriods, parseStatus } from '../values.ts';
import { readYaml } from '../yaml/read.ts';
import { ensurePeriod, h2, placed, sectionPeriod, sectionTeam, unmapped, where, type ReadState } from './state.ts';
import { pushAll } from '../../errors.ts';

export function readCode(st: ReadState, c: Code): void {
  const line = lineOf(c);
  if (/^ya?ml$/i.test(c.lang ?? '')) return yamlBlock(st, c.value, line);
  const lines = c.value.split('\n');
  const okr = /^OKR:\s*(.+)$/i.exec(lines[0]?.trim() ?? '');
  if (okr && lines.some((l) => /^KR\s*\d+/i.test(l.trim()))) {
    st.doc.checkinBlocks.push(checkinBlock(st, okr[1]!.trim(), lines, line));
    return placed(st, line, endLineOf(c), 'a check-in example');
  }
  unmapped(st, line, endLineOf(c), `code block${c.lang ? ` (${c.lang})` : ''} not mapped`, lines[0]);
}

function yamlBlock(st: ReadState, yaml: string, line: number) {
  const period = sectionPeriod(st) ?? st.doc.period;
  const r = readYaml(yaml, { file: st.file, lineOffset: line, period, team: sectionTeam(st), section: h2(st), report: st.report });
  for (const o of r.objectives) {
    if (o.period) ensurePeriod(st, findPeriods(o.period, { years: true })[0] ?? { id: o.period, kind: 'year', fiscal: false });
    st.doc.objectives.push(o);
  }
  pushAll(st.doc.kpiGroups, r.kpiGroups);
  for (const [k, v] of r.meta) unmapped(st, v.where.line, v.where.line, `YAML "${k}" not mapped`, v.value);
}

const EXTRA_KEYS = { blocker: 'blockers', ask: 'asks', risk: 'risks', mitigation: 'mitigations', decision: 'decisions' } as const;

/** "OKR: …" then "KR1 (…): 🟡 Yellow - value" lines with "- Blockers: …" bullets under each. */
function checkinBlock(st: ReadState, objective: string, lines: string[], line: number): CheckinBlock {
  const block: CheckinBlock = { where: where(st, line, line + lines.length + 1), objective, krs: [] };
  let cur: CheckinBlock['krs'][number] | undefined;
  lines.forEach((raw, i) => {
    const l = raw.trim();
    const ln = line + 1 + i;
    const kr = /^KR\s*(\d+)\b[^:]*:\s*(.*)$/i.exec(l);
    if (kr) {
      const [statusPart, ...valueParts] = kr[2]!.split(/\s+[-–—]\s+/);
      const s = parseStatus(statusPart ?? '');
      const extras: CheckinExtras = {};
      if (s?.status) extras.status = s.status;
      const value = valueParts.join(' - ').trim();
      if (value) extras.note = value;
      cur = { label: `KR${kr[1]}`, where: where(st, ln), extras, ...(value ? { value } : {}) };
      block.krs.push(cur);
      return;
    }
    const b = /^[-*•]\s*(.*)$/.exec(l);
    if (b && cur) {
      const f = /^(blockers?|asks?|risks?|mitigations?|decisions?)\s*:\s*(.+)$/i.exec(b[1]!);
      if (f) (cur.extras[EXTRA_KEYS[f[1]!.toLowerCase().replace(/s$/, '') as keyof typeof EXTRA_KEYS]] ??= []).push(f[2]!.trim());
      else cur.extras.note = [cur.extras.note, b[1]].filter(Boolean).join('; ');
      return;
    }
    if (l && i > 0) unmapped(st, ln, ln, 'check-in line not mapped', l);
  });
  return block;
}
