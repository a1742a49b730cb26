import { z } from 'astro/zod';
import { classification, text } from './common.ts';

/** Front matter of content/guides/*.mdx. */
export const guide = z.strictObject({
  title: text,
  description: text.optional(),
  order: z.number().int().default(100),
  source: text.optional(),
  /** public: also in the public build; internal: company only. Default: org.yaml defaultClassification. */
  classification: classification.optional(),
});

/** Front matter of content/periods/<id>.mdx (the period's narrative). */
export const narrative = z.strictObject({
  title: text.optional(),
});
