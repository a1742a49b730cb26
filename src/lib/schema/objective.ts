import { z } from 'astro/zod';
import { classification, fraction, id, priority, text } from './common.ts';
import { dependency } from './dependency.ts';
import { initiative } from './initiative.ts';
import { declared, keyResult } from './key-result.ts';
import { risk } from './risk.ts';

export const objective = z.strictObject({
  /** Stable id, unique across the handbook; convention: <period>-<team>-<short-name>. */
  id,
  title: text,
  description: text.optional(),
  owner: id.optional(),
  /** The owner's role for this objective when it differs from their usual title. */
  ownerRole: text.optional(),
  dri: id.optional(),
  priority: priority.optional(),
  type: z.enum(['committed', 'aspirational']).optional(),
  /** The document's own words about the type ("90%+ confidence"). */
  typeNote: text.optional(),
  confidence: fraction.optional(),
  confidenceNote: text.optional(),
  declared: declared.optional(),
  pillar: id.optional(),
  stageGate: id.optional(),
  /** The objective this one ladders up to. */
  parent: id.optional(),
  /** Further objectives this one contributes to. */
  contributes: z.array(id).optional(),
  /** The objective of an earlier period this one continues (set by `okr new --from`). */
  carriedFrom: id.optional(),
  weight: z.number().positive().optional(),
  classification: classification.optional(),
  initiatives: z.array(initiative).optional(),
  dependencies: z.array(dependency).optional(),
  risks: z.array(risk).optional(),
  keyResults: z.array(keyResult),
});

/** content/okrs/<period>/<team>.yaml — one team's objectives for one period. */
export const okrFile = z.strictObject({
  period: text,
  team: id,
  objectives: z.array(objective).min(1, { error: 'list at least one objective (or delete the file)' }),
});

export type Objective = z.infer<typeof objective>;
export type OkrFile = z.infer<typeof okrFile>;
