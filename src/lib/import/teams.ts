// Team names as documents write them in section headings ("## 3. Product Team OKRs", "## Sales"),
// and the ids they become. Pure.
import { nameId } from './ids.ts';
import { findPeriods } from './values.ts';

/** Words that make a heading a section, not a team ("Framework", "Overview", …). */
const GENERIC = new Set(
  'a an and the of for to in on this page toc now current past upcoming next last latest my previous archive notes our okr okrs objective objectives key results result goals goal framework principles overview summary executive strategic strategy plan planning definitions definition section appendix themes theme quarterly annual yearly team teams level wide core components tools systems related artifacts best practices anti-patterns patterns alignment vision mission values purpose cascading tracking cadence process management measuring measurement measures kpi kpis indicators outcomes desired guide review reviews metrics success quality gates implementation table contents version document control history integration references'.split(
    ' ',
  ),
);

/** The team a heading names, without numbering, periods, quoted themes and "OKRs"; undefined when only generic words remain. */
export function cleanTeamName(text: string): string | undefined {
  // "3. Product Team" loses its section number; "2019 Q4" keeps its year.
  let s = text.replace(/^\d{1,2}(?:\.\d+)*\.?\s+/, '');
  for (const p of findPeriods(s, { years: true }).reverse()) s = s.slice(0, p.index) + s.slice(p.index + p.length);
  s = s
    .replace(/["“][^"”]*["”]/g, '')
    .replace(/\(\s*\)/g, '')
    .replace(/\b(?:OKRs?|Objectives?(?:\s+(?:and|&)\s+Key\s+Results)?|Key\s+Results|Goals)\b/gi, '')
    .replace(/[-\s]+(?:Level|Wide)\b/gi, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:–—-]+|[\s:–—-]+$/g, '')
    .trim();
  if (!s) return undefined;
  if (/^(?:company|corporate|organi[sz]ation|org|company[- ]wide|whole company)$/i.test(s)) return 'Company';
  const words = s
    .replace(/\([^)]*\)/g, '')
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter(Boolean);
  if (!words.length || words.every((w) => GENERIC.has(w))) return undefined;
  return s;
}

export function teamId(name: string): string {
  if (/^company$/i.test(name)) return 'company';
  return nameId(name.replace(/\([^)]*\)/g, '').replace(/\bteam\b/gi, '')) || nameId(name) || 'team';
}
