// Key results: one shape per kind of the grading specification (docs/grading.md).
import { z } from 'astro/zod';
import { checkins } from './checkin.ts';
import { classification, fraction, id, isoDate, num, statusColour, text } from './common.ts';
import { keyResultSource } from './source.ts';

/** What a document declared about a KR or objective; kept beside the computed values, never replacing them. */
export const declared = z.strictObject({
  grade: fraction.optional(),
  status: statusColour.optional(),
  /** The word that came with the status ("On track", "Ahead", "Behind"). */
  statusNote: text.optional(),
});

/** Display text for a value when the document words it ("Single region", "Type I", "-20%"). */
const labels = z.strictObject({ baseline: text.optional(), target: text.optional(), current: text.optional() });

/** A recorded change to a target or baseline after the period's lock date. */
export const revision = z.strictObject({
  field: z.enum(['target', 'baseline', 'start']),
  from: z.union([num, text]),
  to: z.union([num, text]),
  reason: text,
  approvedBy: id,
  date: isoDate,
});

export const operator = z.enum(['<', '<=', '>', '>=', '≤', '≥']);

const common = {
  id,
  title: text,
  description: text.optional(),
  unit: text.optional(),
  weight: z.number().positive().optional(),
  owner: id.optional(),
  /** KPI this key result moves (id from content/kpis). */
  kpi: id.optional(),
  declared: declared.optional(),
  measurement: text.optional(),
  timeline: text.optional(),
  note: text.optional(),
  labels: labels.optional(),
  classification: classification.optional(),
  revisions: z.array(revision).optional(),
  /** The key result of an earlier period this one continues, as `<objective-id>.<kr-id>` (set by `okr new --from`). */
  carriedFrom: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$/, { error: 'must be <objective-id>.<kr-id>' })
    .optional(),
};

/** Current value: either `current` (a single reading) or `checkins` (its history), not both. */
const numericReadings = {
  current: num.optional(),
  asOf: isoDate.optional(),
  checkins: checkins.optional(),
  /** Where the value comes from: `okr pull` reads it and appends check-ins (./source.ts). */
  source: keyResultSource.optional(),
};

// Sub-metric shapes (also used inside compound KRs, without the KR-level extras).
const metricFields = {
  kind: z.literal('metric'),
  baseline: num,
  /** Where progress is measured from; defaults to the baseline. */
  start: num.optional(),
  target: num,
  direction: z.enum(['increase', 'decrease']).optional(),
};
const countFields = {
  kind: z.literal('count'),
  /** Context only: counted KRs grade as current / target. */
  baseline: num.optional(),
  target: num.refine((n) => n !== 0, { error: 'a count target cannot be 0' }),
};
const thresholdFields = {
  kind: z.literal('threshold'),
  operator,
  target: num,
  baseline: num.optional(),
};
const milestoneFields = {
  kind: z.literal('milestone'),
  baseline: text.optional(),
  target: text.default('Shipped'),
  current: text.optional(),
  asOf: isoDate.optional(),
  done: z.boolean().optional(),
  /** A judgement grade (manual grade) while not done; needs a rationale. */
  manualGrade: fraction.optional(),
  rationale: text.optional(),
  checkins: checkins.optional(),
};

const part = {
  id,
  title: text,
  unit: text.optional(),
  labels: labels.optional(),
};

export const subMetric = z.discriminatedUnion('kind', [
  z.strictObject({ ...part, ...metricFields, current: num.optional() }),
  z.strictObject({ ...part, ...countFields, current: num.optional() }),
  z.strictObject({ ...part, ...thresholdFields, current: num.optional() }),
  z.strictObject({
    ...part,
    kind: z.literal('milestone'),
    target: text.default('Shipped'),
    current: text.optional(),
    done: z.boolean().optional(),
  }),
]);

export const keyResult = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, ...metricFields, ...numericReadings }),
  z.strictObject({ ...common, ...countFields, ...numericReadings }),
  z.strictObject({ ...common, ...thresholdFields, ...numericReadings }),
  z.strictObject({ ...common, ...milestoneFields }),
  z.strictObject({
    ...common,
    kind: z.literal('manual'),
    manualGrade: fraction,
    rationale: text,
    /** The date of the judgement; without one it grades the latest reading. */
    asOf: isoDate.optional(),
    checkins: checkins.optional(),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('compound'),
    combine: z.enum(['mean', 'min']).default('mean'),
    parts: z.array(subMetric).min(2, { error: 'a compound key result combines at least two sub-metrics' }),
    asOf: isoDate.optional(),
    checkins: checkins.optional(),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('redacted'),
    /** Redaction ids (org.yaml `redactions`) this KR hides; titles show them as {id}. */
    values: z.array(id).optional(),
    checkins: checkins.optional(),
  }),
]);

export type KeyResult = z.infer<typeof keyResult>;
export type SubMetric = z.infer<typeof subMetric>;
