// Fiscal calendar: period ids ↔ dates. Pure.
import { SettingError } from './errors.ts';
import type { Org } from './schema/index.ts';

export interface PeriodShape {
  kind: 'quarter' | 'year';
  /** Fiscal year number as written (2025, or 22 for FY22). */
  year: number;
  quarter?: 1 | 2 | 3 | 4;
}

export function parsePeriodId(id: string, naming: Org['fiscalYear']['naming']): PeriodShape | undefined {
  const m = naming === 'fiscal' ? /^FY(\d{2})(?:-Q([1-4]))?$/.exec(id) : /^(\d{4})(?:-Q([1-4]))?$/.exec(id);
  if (!m) return undefined;
  return { kind: m[2] ? 'quarter' : 'year', year: Number(m[1]), ...(m[2] ? { quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : {}) };
}

const iso = (y: number, m0: number, d: number) => new Date(Date.UTC(y, m0, d)).toISOString().slice(0, 10);

/** First and last day of a period under the org's fiscal calendar. */
export function periodDates(shape: PeriodShape, fiscal: Org['fiscalYear']): { start: string; end: string } {
  const fullYear = fiscal.naming === 'fiscal' ? 2000 + shape.year : shape.year;
  // A fiscal year is named after the calendar year it ends in; a calendar-named one after the year it starts in.
  const startYear = fiscal.naming === 'fiscal' && fiscal.startMonth > 1 ? fullYear - 1 : fullYear;
  const startMonth0 = fiscal.startMonth - 1 + (shape.quarter ? (shape.quarter - 1) * 3 : 0);
  const months = shape.quarter ? 3 : 12;
  return { start: iso(startYear, startMonth0, 1), end: iso(startYear, startMonth0 + months, 0) };
}

/** The year id a quarter belongs to ("2027-Q3" → "2027", "FY22-Q2" → "FY22"). */
export const yearOf = (id: string) => id.replace(/-Q[1-4]$/, '');

export const expectedPeriodFormat = (naming: Org['fiscalYear']['naming']) => (naming === 'fiscal' ? 'FY22-Q2 or FY22' : '2025-Q1 or 2025');

const dayNumbers = new Map<string, number>();
/** Days since 1970-01-01 of an ISO date; memoised, as a handbook has few distinct dates and many readings of them. */
function dayNumber(iso: string): number {
  let n = dayNumbers.get(iso);
  if (n === undefined) dayNumbers.set(iso, (n = Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000)));
  return n;
}

/** Whole days from a to b (ISO dates). */
export const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a);

/** The ISO date `days` after `date` (before it when negative). */
export const addDays = (date: string, days: number) => new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);

/** Day of the week of an ISO date: 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string) => (((dayNumber(date) + 4) % 7) + 7) % 7;

/** The last second of 9999-12-31: a later SOURCE_DATE_EPOCH is milliseconds or a mistake. */
const LAST_EPOCH = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH in milliseconds; undefined when unset or empty. Anything but whole seconds up to
 * the year 9999 throws: a malformed value must not silently fall back to the clock (a build that is
 * then not reproducible) nor write an impossible date into a snapshot.
 */
export function sourceDateEpoch(env: Record<string, string | undefined> = {}): number | undefined {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (!epoch) return undefined;
  if (!/^\d+$/.test(epoch))
    throw new SettingError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, e.g. $(git log -1 --format=%ct) (got '${epoch}')`);
  if (Number(epoch) > LAST_EPOCH)
    throw new SettingError(`SOURCE_DATE_EPOCH ${epoch} is after the year 9999: it counts seconds since 1970, not milliseconds`);
  return Number(epoch) * 1000;
}

/** The build's "today": SOURCE_DATE_EPOCH when set (reproducible builds), else the clock. */
export function buildDate(env: Record<string, string | undefined> = {}): string {
  return new Date(sourceDateEpoch(env) ?? Date.now()).toISOString().slice(0, 10);
}
