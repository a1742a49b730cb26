import { z } from 'astro/zod';
import { scheduledCheckin } from './checkin.ts';
import { classification, isoDate, text } from './common.ts';
import { periodDependency } from './dependency.ts';
import { receiptScope } from './org.ts';
import { risk } from './risk.ts';

export const periodId = z.string().regex(/^(\d{4}|FY\d{2})(-Q[1-4])?$/, { error: 'must look like 2025-Q1, 2025, FY22-Q2 or FY22' });

/** content/periods/<id>.yaml (narrative prose goes beside it in <id>.mdx). */
export const period = z.strictObject({
  id: periodId,
  kind: z.enum(['quarter', 'year']),
  name: text.optional(),
  /** Derived from the fiscal calendar unless given; when given they must match it. */
  start: isoDate.optional(),
  end: isoDate.optional(),
  theme: text.optional(),
  summary: text.optional(),
  checkinCadence: z.enum(['weekly', 'biweekly', 'monthly']).optional(),
  checkinDay: z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday']).optional(),
  checkins: z.array(scheduledCheckin).optional(),
  midReview: isoDate.optional(),
  gradingDate: isoDate.optional(),
  /** After this date target and baseline changes need a recorded revision. */
  lockDate: isoDate.optional(),
  /** Grades are final: milestones not done grade 0 instead of ungraded. */
  finalized: z.boolean().default(false),
  approvers: z.array(text).optional(),
  classification: classification.optional(),
  risks: z.array(risk).optional(),
  dependencies: z.array(periodDependency).optional(),
  receiptsRequired: z.array(receiptScope).optional(),
  changeLog: z.array(z.strictObject({ date: isoDate, author: text, change: text })).optional(),
  source: text.optional(),
});

export type Period = z.infer<typeof period>;
