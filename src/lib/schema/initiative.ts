import { z } from 'astro/zod';
import { id, text } from './common.ts';

/** How an objective will be achieved: a project, owned by a team. Not graded. */
export const initiative = z.strictObject({
  title: text,
  team: id.optional(),
  owner: id.optional(),
  status: z.enum(['planned', 'in-progress', 'done', 'dropped']).optional(),
  link: z.string().optional(),
});
