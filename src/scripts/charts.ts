// Draws every <canvas data-chart> on the page. Only the Chart.js parts these charts use are
// registered (no chart.js/auto), which keeps the bundle small. Time charts put each point at its
// date on a linear axis of days (no date adapter needed: the labels are ISO dates).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import type { ChartData, SeriesColour } from '../lib/charts.ts';
import { formatValue } from '../lib/format.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, Filler);

const VAR: Record<SeriesColour, string> = {
  green: '--green',
  yellow: '--yellow',
  red: '--red',
  none: '--none',
  accent: '--accent',
  muted: '--muted',
};

/** A token as rgba(…) in the page's current scheme (tokens are light-dark() pairs, resolved only where used). */
function colour(c: SeriesColour, alpha = 1): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${VAR[c]})`;
  document.body.append(probe);
  const rgb = getComputedStyle(probe).color;
  probe.remove();
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(rgb);
  return m ? `rgba(${m[1]}, ${m[2]}, ${m[3]}, ${alpha})` : '#777';
}

/** Day number (days since 1970) → "2025-02-01". */
const isoDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
/** Day number → "Feb 1", for the time axis. */
const shortDay = (n: number) => new Date(n * 86_400_000).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

function config(spec: ChartData): ChartConfiguration {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const text = colour('muted');
  const time = spec.kind === 'time';
  const valueTick = (v: number | string) => (spec.axis === 'value' ? formatValue(Number(v), spec.unit) : String(v));
  const valueAxis = {
    ...(spec.axis === 'value' ? {} : { min: 0 }),
    ...(spec.axis === 'grade' ? { max: 1 } : {}),
    ticks: { color: text, callback: valueTick, ...(spec.axis === 'count' || spec.integer ? { precision: 0 } : {}) },
    grid: { color: colour('muted', 0.2) },
    title: { display: Boolean(spec.axisTitle), text: spec.axisTitle, color: text },
  };
  const categoryAxis = { ticks: { color: text }, grid: { display: false } };
  const timeAxis = {
    type: 'linear',
    min: spec.span?.from,
    max: spec.span?.to,
    ticks: { color: text, maxTicksLimit: 6, callback: (v: number | string) => shortDay(Number(v)) },
    grid: { color: colour('muted', 0.12) },
  };
  return {
    type: time ? 'line' : spec.kind,
    data: {
      labels: time ? undefined : spec.labels,
      datasets: spec.series.map((s) => {
        const c = Array.isArray(s.colour) ? s.colour.map((x) => colour(x)) : colour(s.colour);
        return {
          label: s.label,
          data: s.points ?? s.data,
          backgroundColor: s.fillToPrevious ? colour('muted', 0.13) : c,
          borderColor: c,
          borderDash: s.dashed ? [6, 4] : undefined,
          borderWidth: 2,
          fill: s.fillToPrevious ? '-1' : false,
          pointRadius: s.dashed || (time && s.points?.length === 2 && s.points[0]!.x === s.points[1]!.x) ? 0 : 3,
          spanGaps: true,
        };
      }),
    },
    options: {
      animation: reduced ? false : { duration: 400 },
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      scales: time
        ? { x: timeAxis, y: valueAxis }
        : spec.horizontal
          ? { x: valueAxis, y: categoryAxis }
          : { x: categoryAxis, y: valueAxis },
      plugins: {
        legend: { display: spec.series.length > 1, labels: { color: text, boxHeight: 2 } },
        tooltip: time
          ? {
              callbacks: {
                title: (items: { parsed: { x: number } }[]) => isoDay(items[0]!.parsed.x),
                label: (i: { dataset: { label?: string }; parsed: { y: number } }) => `${i.dataset.label}: ${valueTick(i.parsed.y)}`,
              },
            }
          : {},
      },
    },
  } as ChartConfiguration;
}

export function drawCharts(): void {
  const charts: Chart[] = [];
  for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
    if (canvas.dataset.drawn) continue;
    canvas.dataset.drawn = '1';
    const spec = JSON.parse(canvas.dataset.chart!) as ChartData;
    const box = canvas.parentElement!;
    box.hidden = false;
    box.style.height = `${spec.horizontal ? Math.max(160, spec.labels.length * 36 + 60) : spec.kind === 'time' ? 220 : 260}px`;
    // The table stays for screen readers and copy-paste; collapse it once the chart is drawn.
    box.closest('figure')?.querySelector('details')?.removeAttribute('open');
    charts.push(new Chart(canvas, config(spec)));
  }
  // Redraw with the new palette when the theme changes (the toggle, or the system's setting).
  const redraw = () => {
    for (const chart of charts) {
      const spec = JSON.parse(chart.canvas.dataset.chart!) as ChartData;
      const next = config(spec);
      chart.config.data = next.data;
      chart.options.scales = next.options!.scales;
      chart.options.plugins = next.options!.plugins;
      chart.update('none');
    }
  };
  new MutationObserver(redraw).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', redraw);
}
