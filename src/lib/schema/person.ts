import { z } from 'astro/zod';
import { id, text } from './common.ts';

/** Someone who owns objectives or key results. A role ("CEO") is a fine person when names are not published. */
export const person = z.strictObject({
  id,
  name: text,
  title: text.optional(),
  team: id.optional(),
});

/** content/people.yaml */
export const peopleFile = z.strictObject({ people: z.array(person) });

export type Person = z.infer<typeof person>;
