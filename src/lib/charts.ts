// Chart specifications: the numbers a chart draws and the table that repeats them for readers
// without JavaScript or with a screen reader. Pure: pages pass these to <Chart>, the browser
// script only draws them.
import { daysBetween } from './calendar.ts';
import { formatGrade, formatValue, roundHalfAway } from './format.ts';
import { statusCounts, type Light, type Status } from './status.ts';
import type { TableView } from './views/table.ts';
import { maxOf, minOf } from './extremes.ts';

export type SeriesColour = Light | 'none' | 'accent' | 'muted';

export interface ChartSeries {
  label: string;
  /** Category charts: values in [0, 1] (grades, expected progress) or counts; null leaves a gap. */
  data: (number | null)[];
  /** Time charts: dated values (ISO dates; the browser gets days since 1970). */
  points?: { x: string; y: number }[];
  /** One colour for the series, or one per point (bar charts coloured by status). */
  colour: SeriesColour | SeriesColour[];
  /** Line series: dashed for reference lines such as expected pace. */
  dashed?: boolean;
  /** Line series: fill down to the previous series (the calibration band). */
  fillToPrevious?: boolean;
}

export interface ChartSpec {
  /** 'time': lines over a real time axis (dates spaced by the days between them), from `series[].points`. */
  kind: 'bar' | 'line' | 'time';
  title: string;
  labels: string[];
  series: ChartSeries[];
  /** Value axis: grades run 0–1; counts start at 0 without an upper bound; values are the KR's own, in its unit. */
  axis: 'grade' | 'count' | 'value';
  /** The unit written on a value axis's ticks ("$M", "%", "ms"); a longer one is the axis title instead. */
  unit?: string;
  axisTitle?: string;
  /** The values are whole numbers (counts): no ticks between them. */
  integer?: boolean;
  /** Time charts: the dates the time axis spans (a period's first and last day). */
  span?: { from: string; to: string };
  horizontal?: boolean;
  /** The fallback table: first column = labels, then one column per entry here. */
  table: { columns: string[]; rows: string[][] };
}

/** What the browser script needs to draw a chart (its `data-chart` attribute): dates as days since 1970. */
export interface ChartData extends Omit<ChartSpec, 'table' | 'series' | 'span'> {
  series: (Omit<ChartSeries, 'points'> & { points?: { x: number; y: number }[] })[];
  span?: { from: number; to: number };
}

/** The chart's numbers as the table beside it (a phone shows each row as a card). */
export const chartTable = (spec: ChartSpec): TableView => ({
  columns: spec.table.columns.map((label) => ({ label })),
  rows: spec.table.rows.map((cells) => ({ cells })),
});

const EPOCH = '1970-01-01';
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/**
 * The spec as the page hands it to the browser: without the table (the page renders it as HTML),
 * dates as day numbers and values rounded to 4 significant decimals, far finer than a chart can
 * show, so pages stay light.
 */
export function chartData({ table: _table, span, ...spec }: ChartSpec): ChartData {
  return {
    ...spec,
    ...(span ? { span: { from: daysBetween(EPOCH, span.from), to: daysBetween(EPOCH, span.to) } } : {}),
    series: spec.series.map(({ points, ...s }) => ({
      ...s,
      data: s.data.map((v) => (v === null ? null : round4(v))),
      ...(points ? { points: points.map((p) => ({ x: daysBetween(EPOCH, p.x), y: round4(p.y) })) } : {}),
    })),
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

export interface KrChartInput {
  /** "KR1: Reduce API p99 latency" */
  title: string;
  unit?: string;
  period: { start: string; end: string };
  today: string;
  /** The value progress is measured from (the baseline, or 0 for a count); undefined when there is none. */
  from: number | undefined;
  target: number;
  /** The grade expected by a date (the status model's pace), in [0, 1]. */
  expectedAt: (date: string) => number;
  /** The key result's numeric readings, oldest first. */
  readings: readonly { date: string; value: number }[];
}

/**
 * A key result's own value over its period on a real time axis: its readings (the baseline at the
 * period's first day counts as the first), its target, the value expected by each date (the pace
 * line, from the baseline to what the target expects by the last day) and a line at today.
 */
export function krProgressChart(k: KrChartInput): ChartSpec {
  const { start, end } = k.period;
  const fmt = (v: number) => formatValue(v, k.unit);
  const expectedValue = (date: string) => (k.from === undefined ? undefined : k.from + k.expectedAt(date) * (k.target - k.from));
  const first = k.readings[0];
  const baseline = k.from !== undefined && (!first || first.date > start) ? [{ date: start, value: k.from, isBaseline: true }] : [];
  const points = [...baseline, ...k.readings.map((r) => ({ ...r, isBaseline: false }))];
  const pace = k.from !== undefined && k.from !== k.target;
  const ys = [...points.map((p) => p.value), k.target, ...(k.from !== undefined ? [k.from] : [])];
  const [low, high] = [minOf(ys), maxOf(ys)];
  const series: ChartSeries[] = [
    { label: 'Value', data: [], points: points.map((p) => ({ x: p.date, y: p.value })), colour: 'accent' },
    {
      label: 'Target',
      data: [],
      points: [
        { x: start, y: k.target },
        { x: end, y: k.target },
      ],
      colour: 'green',
      dashed: true,
    },
    ...(pace
      ? [
          {
            label: 'Expected pace',
            data: [],
            points: [
              { x: start, y: expectedValue(start)! },
              { x: end, y: expectedValue(end)! },
            ],
            colour: 'muted' as const,
            dashed: true,
          },
        ]
      : []),
    ...(k.today >= start && k.today <= end
      ? [
          {
            label: `Today (${k.today})`,
            data: [],
            points: [
              { x: k.today, y: low },
              { x: k.today, y: high },
            ],
            colour: 'yellow' as const,
          },
        ]
      : []),
  ];
  const shortUnit = !k.unit || k.unit.length <= 3;
  return {
    kind: 'time',
    title: k.title,
    axis: 'value',
    ...(shortUnit ? { unit: k.unit } : { axisTitle: k.unit }),
    integer: ys.every(Number.isInteger),
    span: { from: start, to: end },
    labels: [],
    series,
    table: {
      columns: ['Date', 'Value', ...(pace ? ['Expected by then'] : []), 'Target'],
      rows: points.map((p) => [
        p.isBaseline ? `${p.date} (baseline)` : p.date,
        fmt(p.value),
        // Where the pace line is at that date: two decimals are as precise as a linear guess gets.
        ...(pace ? [fmt(roundHalfAway(expectedValue(p.date)!))] : []),
        fmt(k.target),
      ]),
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
