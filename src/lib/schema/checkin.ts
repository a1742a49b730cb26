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

/** A scheduled check-in of a period (a row of a quarter's check-in calendar). */
export const scheduledCheckin = z.strictObject({
  date: isoDate,
  type: z.enum(['weekly', 'biweekly', 'monthly', 'mid-period', 'quarterly', 'final']),
  focus: text.optional(),
});

export type Checkin = z.infer<typeof checkin>;
