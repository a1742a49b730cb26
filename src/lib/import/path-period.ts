// The period a document's path names: its file name ("fy20-q3.md", "2019_q4.md", "CY19-Q3.md"), the
// folder it is in ("fy20-q3/index.md"), or its folders together ("okrs/2019/Q2/team.md"). Pure.
import { findPeriods, type PeriodPhrase } from './values.ts';

export function periodFromPath(file: string): { phrase: PeriodPhrase; how: string } | undefined {
  const parts = file.split(/[\\/]/).map((part) => part.replace(/\.[a-z.]+$/i, '').replace(/_/g, '-'));
  const names = [parts.at(-1), parts.at(-2), parts.slice(-4, -1).join(' ')];
  for (const [i, name] of names.entries()) {
    const phrase = name ? findPeriods(name, { years: true })[0] : undefined;
    if (phrase) return { phrase, how: i === 0 ? `the file name "${name}"` : `the folders of its path "${name}"` };
  }
  return undefined;
}
