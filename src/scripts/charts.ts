// Draws every <canvas data-chart> on the page. Only the Chart.js parts these charts use are
// registered (no chart.js/auto), which keeps the bundle small.
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

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, Filler);

const VAR: Record<SeriesColour, string> = {
  green: '--green',
  yellow: '--yellow',
  red: '--red',
  none: '--none',
  accent: '--accent',
  muted: '--muted',
};

/** A token as rgb(…) in the page's current scheme (tokens are light-dark() pairs, resolved only where used). */
function colour(c: SeriesColour, alpha = 1): string {
  const probe = document.createElement('span');
  probe.style.color = `var(${VAR[c]})`;
  document.body.append(probe);
  const rgb = getComputedStyle(probe).color;
  probe.remove();
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(rgb);
  return m ? `rgba(${m[1]}, ${m[2]}, ${m[3]}, ${alpha})` : '#777';
}

function config(spec: ChartData): ChartConfiguration {
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const text = colour('muted');
  const grade = spec.axis === 'grade';
  const valueAxis = {
    min: 0,
    ...(grade ? { max: 1 } : {}),
    ticks: { color: text, ...(grade ? {} : { precision: 0 }) },
    grid: { color: colour('muted', 0.2) },
  };
  const categoryAxis = { ticks: { color: text }, grid: { display: false } };
  return {
    type: spec.kind,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => {
        const c = Array.isArray(s.colour) ? s.colour.map((x) => colour(x)) : colour(s.colour);
        return {
          label: s.label,
          data: s.data,
          backgroundColor: s.fillToPrevious ? colour('muted', 0.13) : c,
          borderColor: c,
          borderDash: s.dashed ? [6, 4] : undefined,
          fill: s.fillToPrevious ? '-1' : false,
          pointRadius: s.dashed ? 0 : 4,
          spanGaps: true,
        };
      }),
    },
    options: {
      animation: reduced ? false : { duration: 400 },
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
      plugins: { legend: { display: spec.series.length > 1, labels: { color: text } } },
    },
  };
}

export function drawCharts(): void {
  const charts: Chart[] = [];
  for (const canvas of document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')) {
    if (canvas.dataset.drawn) continue;
    canvas.dataset.drawn = '1';
    const spec = JSON.parse(canvas.dataset.chart!) as ChartData;
    const box = canvas.parentElement!;
    box.hidden = false;
    box.style.height = `${spec.horizontal ? Math.max(160, spec.labels.length * 36 + 60) : 260}px`;
    // The table stays for screen readers and copy-paste; collapse it once the chart is drawn.
    box.closest('figure')?.querySelector('details')?.removeAttribute('open');
    charts.push(new Chart(canvas, config(spec)));
  }
  // Redraw with the new palette when the theme changes.
  new MutationObserver(() => {
    for (const chart of charts) {
      const spec = JSON.parse(chart.canvas.dataset.chart!) as ChartData;
      chart.config.data = config(spec).data;
      chart.update('none');
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}
