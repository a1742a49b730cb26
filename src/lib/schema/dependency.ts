import { z } from 'astro/zod';
import { id, level, text } from './common.ts';

/**
 * What an objective (or one of its key results) depends on: another objective or key result
 * (`on`: "objective-id" or "objective-id.kr-id"), a team, or something described in words.
 */
export const dependency = z
  .strictObject({
    /** The dependent key result of this objective, when the dependency is narrower than the objective. */
    kr: id.optional(),
    on: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)?$/, { error: 'must be an objective id or "objective-id.kr-id"' })
      .optional(),
    team: id.optional(),
    description: text.optional(),
    /** How badly the dependent suffers if this is blocked. */
    risk: level.optional(),
    riskNote: text.optional(),
    mitigation: text.optional(),
  })
  .refine((d) => d.on !== undefined || d.team !== undefined || d.description !== undefined, {
    error: 'a dependency needs at least one of "on", "team" or "description"',
  });

/** A dependency or enabler of a whole period (an annual plan's "Dependencies & Enablers" table). */
export const periodDependency = z.strictObject({
  description: text,
  team: id.optional(),
  on: z.string().optional(),
});
