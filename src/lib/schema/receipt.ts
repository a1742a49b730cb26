import { z } from 'astro/zod';
import { id, isoDate, text } from './common.ts';
import { receiptScope } from './org.ts';
import { periodId } from './period.ts';

/** content/receipts/<id>.yaml — a decision bound to the exact content it approved. */
export const decisionReceipt = z.strictObject({
  id,
  scope: receiptScope,
  period: periodId,
  decision: text,
  approvers: z.array(text).min(1),
  decidedAt: isoDate,
  /** The Merkle root (hex SHA-256) of the scope at the time of the decision. */
  root: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a 64-character lowercase hex SHA-256' }),
  commit: z
    .string()
    .regex(/^[0-9a-f]{7,40}$/, { error: 'must be a git commit hash' })
    .optional(),
  note: text.optional(),
  /**
   * The leaf hashes the root was built from ("objective/<id>": hex), so a stale receipt can name the
   * records that changed since. `okr receipt PERIOD --scope SCOPE` prints root and leaves together.
   */
  leaves: z
    .record(
      z.string().regex(/^[a-zA-Z]+\/\S+$/, { error: 'must be "<record>/<id>", e.g. "objective/2027-q1-company-churn-defense"' }),
      z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a 64-character lowercase hex SHA-256' }),
    )
    .optional(),
});

export type DecisionReceipt = z.infer<typeof decisionReceipt>;
