import { z } from 'astro/zod';
import { id, level, text } from './common.ts';

/** A risk to a period or an objective, optionally rated. */
export const risk = z.strictObject({
  id: id.optional(),
  title: text,
  likelihood: level.optional(),
  impact: level.optional(),
  mitigation: text.optional(),
  owner: id.optional(),
});
