// The period page as data: its facts, alignment coverage, next check-in, quarters (of a year), charts,
// teams, risks, dependencies (at risk first) and check-in schedule. The page lays it out around the narrative and receipts.
import { gradeDistributionChart, teamBreakdownChart, type ChartSpec } from '../charts.ts';
import { percent } from '../format.ts';
import type { ComputedObjective } from '../handbook.ts';
import type { PeriodModel } from '../model.ts';
import { archiveNote } from '../period-state.ts';
import type { SiteIndex } from '../site-index.ts';
import type { Urls } from '../urls.ts';
import { dependenciesTable } from './dependencies.ts';
import { teamPeriodsTable } from './lists.ts';
import { namedPeople } from './people.ts';
import { textOr, type TableView } from './table.ts';

export interface PeriodView {
  p: PeriodModel;
  /** The archive banner's sentence, for a period that has ended. */
  archived: string | undefined;
  facts: string[];
  companyObjectives: ComputedObjective[];
  /** "3/5 team objectives aligned (60%)"; undefined without team objectives. */
  coverage: string | undefined;
  next: { date: string; what: string } | undefined;
  quarters: PeriodModel[];
  teams: TableView | undefined;
  charts: { id: string; spec: ChartSpec }[];
  risks: TableView | undefined;
  /** Its objectives' dependencies, at risk first (the review's model); undefined when none names one. */
  dependencies: TableView | undefined;
  /** What the period itself names as dependencies and enablers: "Trust center automation (Platform Team)". */
  enablers: string[];
  schedule: TableView | undefined;
  /** The period's change log, each author linked to their page when the handbook knows them. */
  changeLog: { date: string; author: { name: string; person?: string }; change: string }[];
  toc: { id: string; label: string }[];
}

export function periodView(s: SiteIndex, url: Urls, id: string, hasNarrative: boolean): PeriodView {
  const p = s.period.get(id)!;
  const companyObjectives = s.objectivesByTeamPeriod.get(`${p.id}/${s.h.rootTeam}`) ?? [];
  const teamRows = (s.teamPeriodsByPeriod.get(p.id) ?? []).filter((t) => t.team !== s.h.rootTeam);
  const teamObjectives = teamRows.flatMap((t) => s.objectivesByTeamPeriod.get(`${p.id}/${t.team}`) ?? []);
  const aligned = teamObjectives.filter((o) => o.alignment.aligned).length;
  const next = p.checkins?.find((c) => c.date >= s.h.today);
  const krs = (s.objectivesByPeriod.get(p.id) ?? []).flatMap((o) => o.keyResults);
  const charts: PeriodView['charts'] = [];
  // Axes without a bar say nothing: the team chart waits for a first grade (the teams table lists them meanwhile).
  if (teamRows.some((t) => t.grade !== null))
    charts.push({
      id: 'team-breakdown',
      spec: teamBreakdownChart(
        teamRows.map((t) => ({
          team: s.team.get(t.team)?.name ?? t.team,
          grade: t.grade,
          status: t.status,
        })),
      ),
    });
  // A chart of "No reading: 40" says less than the sentence would: it waits for a first status with a light.
  if (krs.some((k) => k.status.light !== null))
    charts.push({ id: 'grade-distribution', spec: gradeDistributionChart(krs.map((k) => k.status)) });
  const facts = [
    `${p.kind === 'year' ? 'Year' : 'Quarter'}: ${p.start} – ${p.end}`,
    ...(p.midReview ? [`Mid-period review: ${p.midReview}`] : []),
    ...(p.gradingDate ? [`Grading: ${p.gradingDate}${p.state.gradingOverdue ? ' (overdue: not graded yet)' : ''}`] : []),
    ...(p.lockDate ? [`Locked after: ${p.lockDate}`] : []),
    ...(p.checkinCadence ? [`Check-ins: ${p.checkinCadence}${p.checkinDay ? ` on ${p.checkinDay}` : ''}`] : []),
    `Classification: ${p.classification}`,
  ];
  const risks: TableView | undefined = p.risks?.length
    ? {
        columns: [{ label: 'Risk' }, { label: 'Likelihood' }, { label: 'Impact' }, { label: 'Mitigation' }],
        rows: p.risks.map((r) => ({ cells: [r.title, textOr(r.likelihood), textOr(r.impact), textOr(r.mitigation)] })),
      }
    : undefined;
  const schedule: TableView | undefined = p.checkins?.length
    ? {
        columns: [{ label: 'Date' }, { label: 'Type' }, { label: 'Focus' }],
        rows: p.checkins.map((c) => ({
          cells: [c === next ? { inline: [{ time: c.date }, { tag: 'next' }] } : { time: c.date }, c.type, textOr(c.focus)],
        })),
      }
    : undefined;
  const teams = teamRows.length ? teamPeriodsTable(s, url, teamRows, { first: 'team', alignment: true }) : undefined;
  const dependencies = dependenciesTable(s, url, s.objectivesByPeriod.get(p.id) ?? []);
  const enablers = (p.dependencies ?? []).map((d) => `${d.description}${d.team ? ` (${s.team.get(d.team)?.name ?? d.team})` : ''}`);
  const toc = [
    ...(companyObjectives.length ? [{ id: 'company', label: 'Company objectives' }] : []),
    ...(teams ? [{ id: 'teams', label: 'Teams' }] : []),
    ...(hasNarrative ? [{ id: 'about', label: 'About this period' }] : []),
    ...(risks ? [{ id: 'risks', label: 'Risks' }] : []),
    ...(dependencies.rows.length || enablers.length ? [{ id: 'deps', label: 'Dependencies' }] : []),
    ...(schedule ? [{ id: 'schedule', label: 'Check-in schedule' }] : []),
    { id: 'receipts', label: 'Receipts' },
    ...(p.changeLog?.length ? [{ id: 'changes', label: 'Change log' }] : []),
  ];
  const authors = namedPeople(
    s,
    (p.changeLog ?? []).map((c) => c.author),
  );
  return {
    p,
    archived: archiveNote(p.state),
    facts,
    companyObjectives,
    coverage: teamObjectives.length
      ? `${aligned}/${teamObjectives.length} team objectives aligned (${percent(aligned / teamObjectives.length)})`
      : undefined,
    next: next && { date: next.date, what: `${next.type}${next.focus ? ` — ${next.focus}` : ''}` },
    quarters: p.kind === 'year' ? (s.quarters.get(p.id) ?? []) : [],
    teams,
    charts,
    risks,
    dependencies: dependencies.rows.length ? dependencies : undefined,
    enablers,
    schedule,
    changeLog: (p.changeLog ?? []).map((c, i) => ({ date: c.date, author: authors[i]!, change: c.change })),
    toc,
  };
}
