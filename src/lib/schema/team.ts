import { z } from 'astro/zod';
import { id, text } from './common.ts';

/** A team. The company is a team too: the root, without a parent. */
export const team = z.strictObject({
  id,
  name: text,
  parent: id.optional(),
  lead: id.optional(),
  description: text.optional(),
});

/** content/teams.yaml */
export const teamsFile = z.strictObject({ teams: z.array(team).min(1) });

export type Team = z.infer<typeof team>;
