// A team's period as data, answering "how are we doing, what is behind?" on one screen: the state of
// the period, the team's grade and status, its key results weakest first with their pace and last
// check-in, and the links to the team's history and its previous and next period.
import type { ComputedKr, ComputedObjective, ComputedPeriod, TeamPeriodRollup } from '../handbook.ts';
import type { SiteIndex } from '../site-index.ts';
import type { Urls } from '../urls.ts';
import { DECLARED_ONLY_NOTE, declaredOnly, gapWords, krStatusTable, krsWeakestFirst, meanGap, needsAttention } from './attention.ts';
import type { TableView } from './table.ts';

export interface TeamPeriodView {
  period: ComputedPeriod;
  teamName: string;
  rollup: TeamPeriodRollup;
  objectives: ComputedObjective[];
  /** One sentence: what is behind, or that nothing is (and how far ahead of pace on average). */
  answer: string;
  /** Key results that are behind, off track or stale (once ended: that fell short), weakest first; else why none is listed. */
  behind: TableView;
  /** "What is behind" while the period runs; "What fell short" once it has ended. */
  behindTitle: string;
  /** Every key result of the team's period, weakest first (collapsed under the answer). */
  all: TableView;
  history: string;
  previous: { href: string; label: string } | undefined;
  next: { href: string; label: string } | undefined;
}

function answer(krs: readonly ComputedKr[], period: ComputedPeriod): string {
  if (period.state.phase === 'upcoming')
    return `${period.name ?? period.id} has not started: it ${period.state.label.replace(/^Upcoming — /, '')}.`;
  const count = (n: number) => `${n} key result${n === 1 ? '' : 's'}`;
  const weak = krs.filter((k) => k.status.light === 'red' || k.status.light === 'yellow').length;
  const stale = krs.filter((k) => k.status.stale);
  const noReading = krs.filter((k) => k.status.key === 'no reading').length;
  const gap = meanGap(krs);
  const during = period.state.phase === 'in progress';
  if (declaredOnly(krs)) return DECLARED_ONLY_NOTE;
  return [
    weak === 0
      ? `Nothing is behind${during ? ' pace' : ' at the end of the period'}.`
      : `${count(weak)} ${during ? 'behind or off track' : 'ended short of target (a yellow or red band)'}.`,
    gap === null ? '' : `On average the key results are ${gapWords(gap)} against the pace expected by their last check-in.`,
    stale.length
      ? `${count(stale.length)} ${stale.length === 1 ? 'has' : 'have'} an overdue check-in (up to ${Math.max(...stale.map((k) => k.status.stale!.days))} days).`
      : '',
    noReading ? `${count(noReading)} without a reading yet.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function teamPeriodView(s: SiteIndex, url: Urls, periodId: string, team: string): TeamPeriodView {
  const period = s.period.get(periodId)!;
  const rollup = s.teamPeriod.get(`${periodId}/${team}`)!;
  const objectives = s.objectivesByTeamPeriod.get(`${periodId}/${team}`) ?? [];
  const krs = objectives.flatMap((o) => o.keyResults);
  const sorted = krsWeakestFirst(krs);
  const behind = sorted.filter(needsAttention);
  // The team's periods of the same kind, in order: a quarter's neighbours are quarters.
  const history = (s.teamHistory.get(team) ?? []).filter((r) => s.period.get(r.period)?.kind === period.kind);
  const at = history.findIndex((r) => r.period === periodId);
  const link = (r: TeamPeriodRollup | undefined) =>
    r && { href: url.teamPeriod(r.period, team), label: s.period.get(r.period)?.name ?? r.period };
  return {
    period,
    teamName: s.team.get(team)?.name ?? team,
    rollup,
    objectives,
    answer: answer(krs, period),
    behind: krStatusTable(s, url, behind, {
      empty: declaredOnly(krs) ? 'Not known: no key result has a reading.' : 'Nothing is behind or overdue.',
    }),
    behindTitle: period.state.phase === 'in progress' || period.state.phase === 'upcoming' ? 'What is behind' : 'What fell short',
    all: krStatusTable(s, url, sorted, { caption: `All ${krs.length} key results, weakest first` }),
    history: url.team(team),
    previous: link(history[at - 1]),
    next: link(history[at + 1]),
  };
}
