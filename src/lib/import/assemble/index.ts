// From the records of every imported document to one handbook's content: periods and the fiscal
// calendar (./periods.ts, ./calendar.ts), teams and people (./registry.ts), objectives with stable
// ids and key results with kinds (./objectives.ts), parents (./parents.ts), dependencies
// (./dependencies.ts), period records (./records.ts), the KPI catalogue (./kpis.ts) and the
// organisation (./org.ts). Pure.
import { humanise } from '../names.ts';
import type { DocRecords, ImportOptions, Report } from '../types.ts';
import { fiscalCalendar, fitDates } from './calendar.ts';
import { linkDependencies } from './dependencies.ts';
import { kpiCatalogue } from './kpis.ts';
import { buildObjectives, type Built } from './objectives.ts';
import { ImportError, optionProblem } from './options.ts';
import { keepBracesLiteral, orgRecord, redactionsOf } from './org.ts';
import { linkParents, objectivesOf } from './parents.ts';
import { assignPeriods, collectPeriods } from './periods.ts';
import { base, periodRecords } from './records.ts';
import { addTeam, findTeam, newRegistry } from './registry.ts';

export { ImportError, optionProblem } from './options.ts';

type Rec = Record<string, unknown>;

export interface ContentSet {
  org: Rec;
  teams: Rec[];
  people: Rec[];
  periods: Rec[];
  okrFiles: { period: string; team: string; objectives: Rec[] }[];
  kpiGroups: Rec[];
  sources: string[];
}

export interface ImportStats {
  documents: number;
  objectives: number;
  keyResults: number;
  periods: number;
  teams: number;
  people: number;
  kpis: number;
  kpiGroups: number;
  redactions: number;
}

export function assemble(docs: DocRecords[], opts: ImportOptions, report: Report): { content: ContentSet; stats: ImportStats } {
  const problem = optionProblem(opts);
  if (problem) throw new ImportError(problem);
  const periods = collectPeriods(docs, opts, report);
  assignPeriods(docs, periods);
  const fiscalYear = fiscalCalendar(periods.all, docs, report);
  fitDates(periods.all, fiscalYear, report);
  const orgName = opts.org ?? docs.find((d) => d.orgName)?.orgName ?? unnamedOrg(docs, report);
  const reg = newRegistry(orgName, report);
  if (opts.team && opts.team !== 'company') addTeam(reg, humanise(opts.team.replace(/-/g, ' '), true));
  const built = buildObjectives(docs, opts, reg, report);
  const all = objectivesOf(built);
  linkParents(all, (name) => findTeam(reg, name), report);
  linkDependencies(docs, all, reg, report);
  const periodRecs = periodRecords(periods.all, built, docs, reg, report);
  const kpis = kpiCatalogue(docs, reg, report);
  const redactions = redactionsOf(docs);
  const org = orgRecord(orgName, fiscalYear, docs, redactions, report);
  keepBracesLiteral(built, redactions);
  const content: ContentSet = {
    org,
    teams: [...reg.teams.values()],
    people: [...reg.people.values()],
    periods: periodRecs,
    okrFiles: okrFiles(built),
    kpiGroups: kpis.groups,
    sources: docs.map((d) => base(d.file)),
  };
  const stats: ImportStats = {
    documents: docs.length,
    objectives: built.length,
    keyResults: built.reduce((n, b) => n + b.krs.length, 0),
    periods: periodRecs.length,
    teams: reg.teams.size,
    people: reg.people.size,
    kpis: kpis.count,
    kpiGroups: kpis.groups.length,
    redactions: redactions.size,
  };
  return { content, stats };
}

function unnamedOrg(docs: readonly DocRecords[], report: Report): string {
  report({
    kind: 'guess',
    file: docs[0]?.file ?? '',
    line: 0,
    message: 'organisation name not found in the documents: "Imported OKRs" (pass --org NAME)',
  });
  return 'Imported OKRs';
}

/** One file per period and team, objectives in the order they were read. */
function okrFiles(built: readonly Built[]): ContentSet['okrFiles'] {
  const files = new Map<string, ContentSet['okrFiles'][number]>();
  for (const b of built) {
    const key = `${b.period}/${b.team}`;
    if (!files.has(key)) files.set(key, { period: b.period, team: b.team, objectives: [] });
    files.get(key)!.objectives.push({ ...b.rec, keyResults: b.krs });
  }
  return [...files.values()];
}
