import { z } from 'astro/zod';
import { classification, fraction, id, isoDate, statusColour, text, url } from './common.ts';

/** A grading band: grades from `min` (inclusive) up to the next band's min fall in it. */
export const band = z.strictObject({
  id,
  label: text,
  min: fraction,
  /** The traffic-light status this band stands for; declared statuses are compared with it. */
  status: statusColour,
  /** CSS colour for the band; the site defaults to a colour-blind-safe palette per status. */
  colour: z.string().optional(),
  meaning: text.optional(),
});

export const DEFAULT_BANDS: z.infer<typeof band>[] = [
  { id: 'red', label: 'Off track', min: 0, status: 'red', meaning: 'Significant underperformance' },
  { id: 'yellow', label: 'Progressing', min: 0.4, status: 'yellow', meaning: 'Moderate progress; the goal was ambitious' },
  { id: 'green', label: 'On target', min: 0.7, status: 'green', meaning: 'Stretch goal met or exceeded' },
];

export const pillar = z.strictObject({ id, name: text, description: text.optional() });
export const stageGate = z.strictObject({ id, name: text, description: text.optional() });

/** A value that is never published: only its label and a link to the private source. */
export const redaction = z.strictObject({ id, label: text, link: url.optional() });

export const receiptScope = z.enum(['okrs', 'budget', 'risk-register', 'stage-gate', 'kpi-tree']);

/**
 * A signing key the handbook trusts for its trust-center snapshots. Pinned here, in a file every
 * reviewer reads, so that adding a key is a visible change: a public key dropped into trust/keys/
 * alone is not trusted. The fingerprint is the hex SHA-256 of the key's DER SubjectPublicKeyInfo
 * (the DSSE key id); `okr snapshot` prints it for a new key.
 */
export const signingKey = z.strictObject({
  /** The public key is trust/keys/<id>.pem. */
  id,
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/, { error: 'must be the 64-character lowercase hex SHA-256 of the public key (okr snapshot prints it)' }),
});

export const trustSettings = z.strictObject({
  keys: z.array(signingKey).default([]),
  /** Where the fingerprints are also published, outside this site, for readers to compare. */
  fingerprintsAt: url.optional(),
});

/** content/org.yaml */
export const org = z.strictObject({
  name: text,
  description: text.optional(),
  fiscalYear: z
    .strictObject({
      /** Month (1–12) the fiscal year starts in. */
      startMonth: z.number().int().min(1).max(12).default(1),
      /** `calendar` → 2025-Q1 / 2025; `fiscal` → FY22-Q2 / FY22 (named after the calendar year it ends in). */
      naming: z.enum(['calendar', 'fiscal']).default('calendar'),
    })
    .default({ startMonth: 1, naming: 'calendar' }),
  grading: z
    .strictObject({
      bands: z.array(band).min(1).default(DEFAULT_BANDS),
      /** Expected final grade by objective type. */
      expected: z
        .strictObject({ committed: fraction.default(1), aspirational: fraction.default(0.7) })
        .default({ committed: 1, aspirational: 0.7 }),
      /** Declared and computed grades further apart than this are listed in the grade audit. */
      tolerance: fraction.default(0.01),
    })
    .default({ bands: DEFAULT_BANDS, expected: { committed: 1, aspirational: 0.7 }, tolerance: 0.01 }),
  defaultClassification: classification.default('internal'),
  repository: z
    .strictObject({
      url: url,
      branch: text.default('main'),
      /** Path of the content folder inside the repository. */
      contentPath: text.default('content'),
    })
    .optional(),
  /** Pin the "current" period instead of deriving it from the build date. */
  currentPeriod: text.optional(),
  pillars: z.array(pillar).default([]),
  stageGates: z.array(stageGate).default([]),
  redactions: z.array(redaction).default([]),
  /** Decisions that need a decision receipt (an annual plan's list: budget, risk register, stage gate…). */
  receiptsRequired: z.array(receiptScope).default([]),
  /** Trust-center snapshot signing: the pinned keys (docs/receipts.md, "The chain"). */
  trust: trustSettings.default({ keys: [] }),
  locale: text.default('en'),
  /** First day the handbook shows dates for; only informational. */
  since: isoDate.optional(),
});

export type Org = z.infer<typeof org>;
export type Band = z.infer<typeof band>;
