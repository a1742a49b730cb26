import { z } from 'astro/zod';
import { fraction, id, isoDate, num, statusColour, text } from './common.ts';
import { provenance } from './source.ts';

/** One check-in on a key result: the value on a date, with the owner's status and notes. */
export const checkin = z.strictObject({
  date: isoDate,
  /** The measured value (a number for numeric kinds, a phrase such as "In QA" for milestones). */
  value: z.union([num, text]).optional(),
  /** A compound key result's parts measured at this check-in, by part id; a part not given keeps its last value. */
  parts: z.record(id, z.union([num, text])).optional(),
  /** A judgement grade given at this check-in (manual key results, milestones not done); it stands until the next one. */
  grade: fraction.optional(),
  status: statusColour.optional(),
  /** Short word the owner gave with the status ("On track", "Ahead", "Behind"). */
  statusNote: text.optional(),
  confidence: fraction.optional(),
  note: text.optional(),
  blockers: z.array(text).optional(),
  asks: z.array(text).optional(),
  risks: z.array(text).optional(),
  mitigations: z.array(text).optional(),
  decisions: z.array(text).optional(),
  author: id.optional(),
  /** Set by `okr pull`: the source this value was read from, and when. */
  provenance: provenance.optional(),
});

/**
 * A key result's check-ins. A year of daily readings is 366; past MAX_CHECKINS the page's table and
 * chart are unreadable, and the list is a data dump that belongs in a source file (sources/).
 */
export const MAX_CHECKINS = 1000;
export const checkins = z.array(checkin).max(MAX_CHECKINS, {
  error: (issue) =>
    `holds ${Array.isArray(issue.input) ? issue.input.length.toLocaleString('en') : 'too many'} check-ins; a key result keeps at most ${MAX_CHECKINS.toLocaleString('en')} (a page lists every one)`,
});

/** A scheduled check-in of a period (a row of a quarter's check-in calendar). */
export const scheduledCheckin = z.strictObject({
  date: isoDate,
  type: z.enum(['weekly', 'biweekly', 'monthly', 'mid-period', 'quarterly', 'final']),
  focus: text.optional(),
});

export type Checkin = z.infer<typeof checkin>;
