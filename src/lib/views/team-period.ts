// A team's period as data, answering "how are we doing, what is behind?" on one screen: the state of
// the period, the team's grade and status, its key results weakest first with their pace and last
// check-in, and the links to the team's history and its previous and next period.
import type { ComputedKr, ComputedObjective, ComputedPeriod, TeamPeriodRollup } from '../handbook.ts';
import type { SiteIndex } from '../site-index.ts';
import { beforeEndWords } from '../status.ts';
import type { Urls } from '../urls.ts';
import { DECLARED_ONLY_NOTE, declaredOnly, gapWords, krStatusTable, krsWeakestFirst, meanGap, needsAttention } from './attention.ts';
import type { TableView } from './table.ts';
import { maxOf } from '../extremes.ts';

export interface TeamPeriodView {
  period: ComputedPeriod;
  teamName: string;
  rollup: TeamPeriodRollup;
  objectives: ComputedObjective[];
  /** One sentence: what is behind, or that nothing is (and how far ahead of pace on average). */
  answer: string;
  /** Key results that are behind, off track or stale (once ended: that fell short), weakest first; else why none is listed. */
  behind: TableView;
  /** While the period runs "What is behind" (or "… or overdue", or "Check-ins overdue": what the list holds); once ended "What fell short". */
  behindTitle: string;
  /** Every key result of the team's period, weakest first (collapsed under the answer). */
  all: TableView;
  history: string;
  previous: { href: string; label: string } | undefined;
  next: { href: string; label: string } | undefined;
  /** How the team's status was set, naming the objective that set it by its title. */
  statusWhy: string;
  /** The sections below the answer, for the page's "On this page" list: what is behind, then each objective. */
  toc: { id: string; label: string }[];
}

/**
 * One sentence that agrees with the list under it: what is behind (a stale reading judged against
 * today's expectation), what is overdue, and what has no reading — never "nothing is behind" over a
 * list of what is, nor about key results that have no reading at all.
 */
function answer(krs: readonly ComputedKr[], period: ComputedPeriod): string {
  if (period.state.phase === 'upcoming')
    return `${period.name ?? period.id} has not started: it ${period.state.label.replace(/^Upcoming — /, '')}.`;
  const count = (n: number) => `${n} key result${n === 1 ? '' : 's'}`;
  const weak = krs.filter((k) => k.status.light === 'red' || k.status.light === 'yellow').length;
  const stale = krs.filter((k) => k.status.stale);
  const early = krs.filter((k) => k.status.early);
  const noReading = krs.filter((k) => k.status.rank === null).length;
  const gap = meanGap(krs);
  const during = period.state.phase === 'in progress';
  if (declaredOnly(krs)) return DECLARED_ONLY_NOTE;
  return [
    weak === 0
      ? `Nothing is behind${during ? ' pace' : ' at the end of the period'}${noReading ? ` among the ${count(krs.length - noReading)} with a reading` : ''}.`
      : `${count(weak)} ${during ? 'behind or far behind' : 'ended short of target (a yellow or red band)'}.`,
    // After the period the pace at a last reading is history: what the final grades rest on is said instead.
    gap === null || !during
      ? ''
      : `On average the key results are ${gapWords(gap)} against the pace expected by their last check-in${stale.length ? ' (by today, for an overdue one)' : ''}.`,
    early.length
      ? `${count(early.length)} ${early.length === 1 ? 'has a final grade' : 'have final grades'} from a reading before the period's last check-ins (up to ${beforeEndWords(maxOf(early.map((k) => k.status.early!.daysBeforeEnd)))} before the end).`
      : '',
    stale.length
      ? `${count(stale.length)} ${stale.length === 1 ? 'has' : 'have'} an overdue check-in (up to ${maxOf(stale.map((k) => k.status.stale!.days))} days).`
      : '',
    noReading ? `${count(noReading)} without a reading${during ? ' yet' : ''}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The heading says what the list holds: "What is behind" over key results that are all ahead but overdue misleads. */
function attentionTitle(behind: readonly ComputedKr[], period: ComputedPeriod): string {
  if (period.state.phase !== 'in progress' && period.state.phase !== 'upcoming') return 'What fell short';
  const weak = behind.some((k) => k.status.light === 'red' || k.status.light === 'yellow');
  const stale = behind.some((k) => k.status.stale !== null);
  return weak && stale ? 'What is behind or overdue' : stale ? 'Check-ins overdue' : 'What is behind';
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
  const teamName = s.team.get(team)?.name ?? team;
  const behindTitle = attentionTitle(behind, period);
  return {
    period,
    teamName,
    rollup,
    objectives,
    answer: answer(krs, period),
    behind: krStatusTable(s, url, behind, {
      empty: declaredOnly(krs) ? 'Not known: no key result has a reading.' : 'Nothing is behind or overdue.',
    }),
    behindTitle,
    all: krStatusTable(s, url, sorted, { caption: `All ${krs.length} key results, weakest first` }),
    history: url.team(team),
    previous: link(history[at - 1]),
    next: link(history[at + 1]),
    // The model names the child that set it by its title (status.ts, parentStatus).
    statusWhy: rollup.status.why,
    toc: [{ id: 'behind', label: behindTitle }, ...objectives.map((o) => ({ id: `o-${o.id}`, label: o.title }))],
  };
}
