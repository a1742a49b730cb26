// What a document's path says about its period: the period its file name ("fy20-q3.md", "2019_q4.md",
// "CY19-Q3.md"), its folder ("fy20-q3/index.md") or its folders together ("okrs/2019/Q2/team.md")
// name, and the year a folder names ("objectives/2019/Q2/kiran.md", "okrs/FY21/…") for quarters
// written without one. Read once per document; pure.
import { findPeriods, type PeriodPhrase } from './values.ts';

export interface PathFacts {
  /** The period the path names, the document's unless it names its own. */
  period?: { phrase: PeriodPhrase; how: string };
  /** A year a folder names, for quarter headings without one. */
  year?: { year: number; fiscal: boolean };
}

export function pathFacts(file: string): PathFacts {
  const period = periodFromPath(file);
  const year = yearFromFolders(file);
  return { ...(period ? { period } : {}), ...(year ? { year } : {}) };
}

function periodFromPath(file: string): PathFacts['period'] {
  const parts = file.split(/[\\/]/).map((part) => part.replace(/\.[a-z.]+$/i, '').replace(/_/g, '-'));
  const names = [parts.at(-1), parts.at(-2), parts.slice(-4, -1).join(' ')];
  for (const [i, name] of names.entries()) {
    const phrase = name ? findPeriods(name, { years: true })[0] : undefined;
    if (phrase) return { phrase, how: i === 0 ? `the file name "${name}"` : `the folders of its path "${name}"` };
  }
  return undefined;
}

function yearFromFolders(file: string): PathFacts['year'] {
  for (const dir of file.split(/[\\/]/).slice(0, -1).reverse()) {
    const m = /^(?:(FY)[-_ ]?)?((?:19|20)\d{2}|\d{2})$/i.exec(dir) ?? /^(FY)[-_ ]?(\d{2})\b/i.exec(dir);
    if (m && (m[1] || m[2]!.length === 4)) return { year: m[1] ? Number(m[2]) % 100 : Number(m[2]), fiscal: Boolean(m[1]) };
  }
  return undefined;
}
