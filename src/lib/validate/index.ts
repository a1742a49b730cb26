// Cross-file checks of the handbook model: ids, references, cycles, kinds vs fields, dates vs the
// fiscal calendar. Each rule is a module of this folder checking one concern through a shared
// context (./context.ts); every problem has its file, position, field path and a hint, and all of
// them are reported in one pass. A new check is a new rule module added to RULES.
import type { ContentIssue } from '../errors.ts';
import type { HandbookModel } from '../model.ts';
import { validationContext, type Loaded, type Rule } from './context.ts';
import { checkDuplicateIds } from './duplicate-ids.ts';
import { checkKeyResults } from './key-results.ts';
import { checkKpisAndReceipts } from './kpis-receipts.ts';
import { checkObjectiveCycles } from './objective-cycles.ts';
import { checkObjectives } from './objectives.ts';
import { checkOrg } from './org.ts';
import { checkPeriods } from './periods.ts';
import { checkReadings } from './readings.ts';
import { checkScale } from './scale.ts';
import { checkSources } from './sources.ts';
import { checkTeams } from './teams.ts';
import { checkThresholds } from './thresholds.ts';

/** The rules validateModel runs, in order. */
const RULES: readonly Rule[] = [
  checkDuplicateIds,
  checkOrg,
  checkTeams,
  checkPeriods,
  checkObjectives,
  checkKeyResults,
  checkReadings,
  checkScale,
  checkThresholds,
  checkObjectiveCycles,
  checkKpisAndReceipts,
  checkSources,
];

export function validateModel(m: HandbookModel, loaded: Loaded = { unreadable: new Map(), declaredIds: new Map() }): ContentIssue[] {
  const ctx = validationContext(m, loaded);
  for (const rule of RULES) rule(ctx);
  return ctx.issues;
}
