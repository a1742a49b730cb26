// Chart specifications: the numbers a chart draws and the table that repeats them for readers
// without JavaScript or with a screen reader. Pure: pages pass these to <Chart>, the browser
// script only draws them.
import { formatGrade } from './format.ts';
import { statusCounts, type Light, type Status } from './status.ts';

export type SeriesColour = Light | 'none' | 'accent' | 'muted';

export interface ChartSeries {
  label: string;
  /** Values in [0, 1] (grades, expected progress) or counts; null leaves a gap. */
  data: (number | null)[];
  /** One colour for the series, or one per point (bar charts coloured by status). */
  colour: SeriesColour | SeriesColour[];
  /** Line series: dashed for reference lines such as expected pace. */
  dashed?: boolean;
  /** Line series: fill down to the previous series (the calibration band). */
  fillToPrevious?: boolean;
}

export interface ChartSpec {
  kind: 'bar' | 'line';
  title: string;
  labels: string[];
  series: ChartSeries[];
  /** Value axis: grades run 0–1; counts start at 0 without an upper bound. */
  axis: 'grade' | 'count';
  horizontal?: boolean;
  /** The fallback table: first column = labels, then one column per entry here. */
  table: { columns: string[]; rows: string[][] };
}

/** What the browser script needs to draw a chart (its `data-chart` attribute). */
export type ChartData = Omit<ChartSpec, 'table'>;

/**
 * The spec as the page hands it to the browser: without the table (the page renders it as HTML) and
 * with values rounded to 4 decimals, far finer than a chart can show, so pages stay light.
 */
export function chartData({ table: _table, ...spec }: ChartSpec): ChartData {
  return {
    ...spec,
    series: spec.series.map((s) => ({ ...s, data: s.data.map((v) => (v === null ? null : Math.round(v * 1e4) / 1e4)) })),
  };
}

/** Team grades in a period, coloured by status, with the status word in the table. */
export function teamBreakdownChart(rows: { team: string; grade: number | null; status: Status }[]): ChartSpec {
  return {
    kind: 'bar',
    title: 'Grade by team',
    horizontal: true,
    axis: 'grade',
    labels: rows.map((r) => r.team),
    series: [{ label: 'Grade', data: rows.map((r) => r.grade), colour: rows.map((r) => r.status.light ?? 'none') }],
    table: { columns: ['Team', 'Grade', 'Status'], rows: rows.map((r) => [r.team, formatGrade(r.grade), r.status.word]) },
  };
}

/** How many key results have each status, weakest first, then those without one. */
export function gradeDistributionChart(statuses: readonly Status[]): ChartSpec {
  const list = statusCounts(statuses);
  return {
    kind: 'bar',
    title: 'Key results by status',
    axis: 'count',
    labels: list.map((b) => b.status.word),
    series: [{ label: 'Key results', data: list.map((b) => b.n), colour: list.map((b) => b.status.light ?? 'none') }],
    table: { columns: ['Status', 'Key results'], rows: list.map((b) => [b.status.word, String(b.n)]) },
  };
}

/** A KR's grade at each check-in against the progress expected by then (the pace line). */
export function paceChart(krLabel: string, points: readonly { date: string; grade: number | null; expected: number }[]): ChartSpec {
  return {
    kind: 'line',
    title: `${krLabel}: grade at each check-in against expected pace`,
    axis: 'grade',
    labels: points.map((p) => p.date),
    series: [
      { label: 'Grade', data: points.map((p) => p.grade), colour: 'accent' },
      { label: 'Expected pace', data: points.map((p) => p.expected), colour: 'muted', dashed: true },
    ],
    table: {
      columns: ['Check-in', 'Grade', 'Expected by then'],
      rows: points.map((p) => [p.date, formatGrade(p.grade), formatGrade(p.expected)]),
    },
  };
}

/** A team's grade per period with the 0.6–0.7 calibration band drawn behind it. */
export function teamHistoryChart(points: readonly { period: string; grade: number | null }[]): ChartSpec {
  return {
    kind: 'line',
    title: 'Grade per period against the 0.6–0.7 band',
    axis: 'grade',
    labels: points.map((p) => p.period),
    series: [
      { label: 'Band 0.6', data: points.map(() => 0.6), colour: 'muted', dashed: true },
      { label: 'Band 0.7', data: points.map(() => 0.7), colour: 'muted', dashed: true, fillToPrevious: true },
      { label: 'Team grade', data: points.map((p) => p.grade), colour: 'accent' },
    ],
    table: { columns: ['Period', 'Grade'], rows: points.map((p) => [p.period, formatGrade(p.grade)]) },
  };
}
