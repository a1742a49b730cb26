// The pipeline: load → validate → compute. Called once per build (memoised) and by every CLI command.
import { basename, join, resolve } from 'node:path';
import { alignmentCoverage, atRiskPropagation, computeAlignment, dependencyEdges, type AlignmentInfo } from './alignment.ts';
import { gradeAudit, statusAudit, type Audit } from './audit.ts';
import { audienceFromEnv, projectAudience, type Audience } from './audience.ts';
import { buildDate } from './calendar.ts';
import { capPerFile, hasErrors, pushAll, sortIssues, type ContentIssue } from './errors.ts';
import { checkinSchedule, type CheckinSchedule } from './freshness.ts';
import { computeKr, type ComputedKr } from './key-results.ts';
import { loadContent } from './load/index.ts';
import type { ParseCache } from './load/parse-cache.ts';
import { readTrustDir } from './load/trust.ts';
import { validateRevisions } from './lock.ts';
import { buildModel, type HandbookModel, type ObjectiveModel, type PeriodModel } from './model.ts';
import { periodState, type PeriodState } from './period-state.ts';
import { computeTrust, type Trust } from './receipts/trust.ts';
import { plainTitle } from './present.ts';
import { processMemo, releaseProcessMemos } from './process-memo.ts';
import { rollUp, type Rollup } from './rollup.ts';
import { parentStatus, type ParentStatus } from './status.ts';
import * as schema from './schema/index.ts';
import type { MdxFile } from './source/content.ts';
import { validateComponents } from './validate/components.ts';
import { validateModel } from './validate/index.ts';
import { validateNarratives } from './validate/narratives.ts';
import { futureReadings } from './validate/readings.ts';

export type { ComputedKr } from './key-results.ts';

export interface ComputedObjective extends Omit<ObjectiveModel, 'keyResults'> {
  keyResults: ComputedKr[];
  rollup: Rollup;
  /** The objective's status: its weakest key result's (the same as rollup.status). */
  status: ParentStatus;
  /** Expected final grade: committed 1.0, aspirational 0.7. */
  expected: number | null;
  alignment: AlignmentInfo;
  /** Chain of red dependencies putting this objective at risk. */
  atRiskVia?: string[];
  /** What the first objective of atRiskVia is: 'red', or 'declared red' (ungraded, declared so). */
  atRiskBecause?: string;
  audit: Audit;
}

/** A period with its state on the build's day and its check-in schedule. */
export interface ComputedPeriod extends PeriodModel {
  state: PeriodState;
  schedule: CheckinSchedule | undefined;
}

export interface TeamPeriodRollup extends Rollup {
  period: string;
  team: string;
  objectives: string[];
  alignment: { aligned: number; total: number };
}

export interface ComputedHandbook {
  model: HandbookModel;
  /** The build's date (SOURCE_DATE_EPOCH honoured) and the period it falls in. */
  today: string;
  currentPeriod: string | undefined;
  rootTeam: string | undefined;
  periods: ComputedPeriod[];
  objectives: ComputedObjective[];
  teamPeriods: TeamPeriodRollup[];
  companyPeriods: (Rollup & { period: string; objectives: string[] })[];
  guides: MdxFile[];
  /** Who this handbook is for: everything (internal) or the public projection (src/lib/audience.ts). */
  audience: Audience;
  /** Merkle trees, inclusion proofs, decision receipts and snapshots (src/lib/receipts/trust.ts). */
  trust: Trust;
}

export interface HandbookResult {
  issues: ContentIssue[];
  ok: boolean;
  handbook?: ComputedHandbook;
}

export interface HandbookOptions {
  /** Today's date (YYYY-MM-DD); defaults to SOURCE_DATE_EPOCH or the clock. */
  today?: string;
  cwd?: string;
  /** 'public' computes only the public projection (default 'internal'). */
  audience?: Audience;
  /** Each content file's parse, kept by its text (./load/parse-cache.ts); none when undefined. */
  parseCache?: ParseCache;
}

/** Load, validate and compute a content directory. Content mistakes come back as issues, never as throws. */
export function computeHandbook(dir: string, opts: HandbookOptions = {}): HandbookResult {
  const raw = loadContent(dir, opts.cwd, opts.parseCache);
  opts.parseCache?.prune();
  const issues = [...raw.issues];
  // An invalid org.yaml must not hide the other files' problems: check them against the defaults.
  const org = raw.org?.data ?? schema.org.parse({ name: 'Unnamed handbook' });
  const model = buildModel(raw, org);
  pushAll(issues, validateModel(model, raw));
  // A narrative whose period file exists but is invalid is no orphan: that file's own errors say what is wrong.
  const periodFiles = [
    ...model.periods.map((p) => p.id),
    ...(raw.declaredIds.get('period') ?? []),
    ...(raw.unreadable.get('period') ?? []).map((f) => basename(f).replace(/\.ya?ml$/, '')),
  ];
  pushAll(issues, validateNarratives(raw.narratives, new Set(periodFiles)));
  pushAll(issues, validateComponents([...raw.narratives, ...raw.guides], model, raw));
  pushAll(issues, validateRevisions(model));
  if (!raw.org) return { issues: capPerFile(sortIssues(issues)), ok: false };
  const today = opts.today ?? buildDate(process.env);
  const audience = opts.audience ?? 'internal';
  const view = projectAudience(model, audience);
  pushAll(issues, view.notes);
  // The public build's pages show only public records: what they embed must be among them.
  if (audience === 'public') {
    const pages = [...view.model.guides, ...view.model.periods.flatMap((p) => (p.narrative ? [p.narrative] : []))];
    const key = (i: ContentIssue) => `${i.file}:${i.line}:${i.column}:${i.message}`;
    const reported = new Set(issues.map(key));
    pushAll(
      issues,
      validateComponents(pages, view.model, raw, model).filter((i) => !reported.has(key(i))),
    );
  }
  const computed = compute(view.model, today);
  // The clock, not the build's date: a snapshot dated after the real now cannot have been made yet.
  const files = readTrustDir(join(dir, 'trust'), opts.cwd);
  const trust = computeTrust({ full: model, view: view.model, ids: view.ids, audience, files, now: Date.now() });
  pushAll(issues, trust.issues);
  const handbook = { ...computed, handbook: { ...computed.handbook, audience, trust: trust.trust } };
  pushAll(issues, handbook.warnings);
  const sorted = capPerFile(sortIssues(issues));
  return { issues: sorted, ok: !hasErrors(sorted), handbook: hasErrors(sorted) ? undefined : handbook.handbook };
}

function compute(
  model: HandbookModel,
  today: string,
): { handbook: Omit<ComputedHandbook, 'audience' | 'trust'>; warnings: ContentIssue[] } {
  const { bands, tolerance, expected } = model.org.grading;
  const rootTeam = model.teams.find((t) => !t.parent)?.id;
  const { info, warnings } = computeAlignment(model.objectives, rootTeam);

  const periods: ComputedPeriod[] = model.periods.map((p) => ({ ...p, state: periodState(p, today), schedule: checkinSchedule(p) }));
  const periodOf = new Map(periods.map((p) => [p.id, p]));
  const labels = new Map(model.org.redactions.map((r) => [r.id, r.label]));
  // How a status's "why" names its weakest child: by title, not by id.
  const krName = (k: ComputedKr) => `${k.id.toUpperCase()} “${plainTitle(k.title, labels)}”`;
  const phaseOf = (id: string) => periodOf.get(id)?.state.phase ?? 'in progress';

  const objectives: ComputedObjective[] = model.objectives.map((o) => {
    const period = periodOf.get(o.period);
    const expectedFinal = expected[o.type ?? 'committed'];
    const env = { period, state: period?.state, schedule: period?.schedule, today, expectedFinal, bands, tolerance };
    const keyResults = o.keyResults.map((kr) => computeKr(kr, env));
    const phase = phaseOf(o.period);
    const rollup = rollUp(
      keyResults.map((k) => ({ id: k.id.toUpperCase(), name: krName(k), grade: k.grade.value, weight: k.weight, status: k.status })),
      bands,
      'key results',
      phase,
    );
    // The document's status speaks of its key results' readings: the same rule over their statuses then.
    const atReadings =
      phase === 'ended' || phase === 'graded'
        ? parentStatus(
            keyResults.map((k) => ({ id: k.id.toUpperCase(), name: krName(k), status: k.statusAtReading })),
            'key results',
            phase,
          )
        : rollup.status;
    return {
      ...o,
      keyResults,
      rollup,
      status: rollup.status,
      expected: o.type ? expected[o.type] : null,
      alignment: info.get(o.id)!,
      audit: {
        grade: gradeAudit(o.declared?.grade, { value: rollup.grade, source: 'computed', derivation: rollup.derivation }, tolerance),
        status: phase === 'upcoming' ? null : statusAudit(o.declared, atReadings, 'objective'),
      },
    };
  });

  const byId = new Map(objectives.map((o) => [o.id, o]));
  const redness = (id: string) => {
    const o = byId.get(id)!;
    return o.status.light === 'red' ? 'red' : o.status.light === null && o.declared?.status === 'red' ? 'declared red' : undefined;
  };
  const risk = atRiskPropagation(model.objectives, dependencyEdges(model.objectives), redness);
  for (const [id, via] of risk.atRisk) Object.assign(byId.get(id)!, { atRiskVia: via, atRiskBecause: redness(via[0]!) });
  pushAll(warnings, risk.warnings);
  pushAll(warnings, futureReadings(model, today));

  // Team-period and company-period rollups.
  const groups = new Map<string, ComputedObjective[]>();
  for (const o of objectives) {
    const key = `${o.period}\u0000${o.team}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(o);
  }
  const toChild = (o: ComputedObjective) => ({
    id: o.id,
    name: `“${plainTitle(o.title, labels)}”`,
    grade: o.rollup.grade,
    weight: o.weight,
    status: o.status,
  });
  const teamPeriods: TeamPeriodRollup[] = [...groups]
    .map(([key, objs]) => {
      const [period, team] = key.split('\u0000') as [string, string];
      return {
        period,
        team,
        objectives: objs.map((o) => o.id),
        alignment: alignmentCoverage(objs),
        ...rollUp(objs.map(toChild), bands, 'objectives', phaseOf(period)),
      };
    })
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.team < b.team ? -1 : 1));
  const rootObjectives = objectives.filter((o) => o.team === rootTeam);
  const companyPeriods = model.periods.map((p) => {
    const objs = rootObjectives.filter((o) => o.period === p.id);
    return { period: p.id, objectives: objs.map((o) => o.id), ...rollUp(objs.map(toChild), bands, 'company objectives', phaseOf(p.id)) };
  });

  return {
    handbook: {
      model,
      today,
      currentPeriod: pickCurrentPeriod(model, today),
      rootTeam,
      periods,
      objectives,
      teamPeriods,
      companyPeriods,
      guides: model.guides,
    },
    warnings,
  };
}

/** The pinned period, else the quarter containing today, else the latest quarter that has started, else the first. */
export function pickCurrentPeriod(model: HandbookModel, today: string): string | undefined {
  if (model.org.currentPeriod) return model.org.currentPeriod;
  const quarters = model.periods.filter((p) => p.kind === 'quarter');
  const pool = quarters.length ? quarters : model.periods;
  return pool.find((p) => p.start <= today && today <= p.end)?.id ?? [...pool].reverse().find((p) => p.start <= today)?.id ?? pool[0]?.id;
}

/** The content directory: OKR_CONTENT, else ./content. */
export const contentDir = (env: Record<string, string | undefined> = process.env) => resolve(env.OKR_CONTENT || 'content');

const memo = processMemo<HandbookResult>('handbook');
/**
 * Memoised per content directory and audience (OKR_AUDIENCE): the build computes the handbook once
 * however many pages ask. `parseCache` is used by the first call only (the build's, see
 * ../integrations/handbook.ts).
 */
export function getHandbookResult(dir = contentDir(), audience: Audience = audienceFromEnv(), parseCache?: ParseCache): HandbookResult {
  const key = `${dir}\u0000${audience}`;
  let r = memo.get(key);
  if (!r) memo.set(key, (r = computeHandbook(dir, { audience, parseCache })));
  return r;
}

/**
 * Lets this process's computed handbook (and what was built on it: the site index, the git history)
 * be garbage-collected, once the build has no more use for it: the search index, which runs last,
 * frees its memory for Pagefind's process. Anything that asks afterwards gets it computed again.
 */
export function releaseHandbook(): void {
  releaseProcessMemos();
}
