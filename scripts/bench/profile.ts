// Reads the .cpuprofile files `node --cpu-prof` wrote (one per thread) and ranks functions by self
// time, summed over every call site (profile node) of the same function and file.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileEntry {
  selfMs: number;
  percent: number;
  fn: string;
  /** Project-relative file (or node:…, or empty for the VM's own entries such as (garbage collector)). */
  file: string;
  line: number;
}

export interface ProfileSummary {
  dir: string;
  profiles: number;
  totalMs: number;
  top: ProfileEntry[];
  /** Self time by package (node_modules/<pkg>), project folder (src, scripts) or VM entry. */
  byPackage: { name: string; selfMs: number; percent: number }[];
}

function shortFile(url: string, root: string): string {
  if (!url) return '';
  if (!url.startsWith('file://')) return url;
  const path = fileURLToPath(url);
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel;
}

function packageOf(file: string, fn: string): string {
  if (!file) return fn.startsWith('(') ? fn : '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file.slice(Math.max(0, file.lastIndexOf('node_modules/'))));
  if (m) return m[1]!;
  if (file.startsWith('node:')) return 'node (built-in)';
  // Astro bundles src/ (pages, components, lib) into these chunks before rendering.
  if (file.includes('.astro/.prerender/')) return 'project, bundled (.astro/.prerender)';
  return file.split('/')[0] || file;
}

export function summariseProfiles(dir: string, root: string, top = 25): ProfileSummary {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const byFn = new Map<string, { fn: string; file: string; line: number; us: number }>();
  let totalUs = 0;
  for (const f of files) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile;
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    const samples = p.samples ?? [];
    const deltas = p.timeDeltas ?? [];
    // Sample i lasts until the next one: timeDeltas[i + 1]; the last one until endTime.
    let t = p.startTime;
    const times = deltas.map((d) => (t += d));
    samples.forEach((id, i) => {
      const us = Math.max(0, (i + 1 < times.length ? times[i + 1]! : p.endTime) - times[i]!);
      const cf = nodes.get(id)?.callFrame;
      if (!cf) return;
      const file = shortFile(cf.url, root);
      const key = `${cf.functionName}\u0000${file}\u0000${cf.lineNumber}`;
      const e = byFn.get(key) ?? { fn: cf.functionName || '(anonymous)', file, line: cf.lineNumber + 1, us: 0 };
      e.us += us;
      byFn.set(key, e);
      totalUs += us;
    });
  }
  const pct = (us: number) => (totalUs ? (100 * us) / totalUs : 0);
  const entries = [...byFn.values()].sort((a, b) => b.us - a.us);
  const packages = new Map<string, number>();
  for (const e of entries) packages.set(packageOf(e.file, e.fn), (packages.get(packageOf(e.file, e.fn)) ?? 0) + e.us);
  return {
    dir,
    profiles: files.length,
    totalMs: totalUs / 1000,
    top: entries.slice(0, top).map((e) => ({ selfMs: e.us / 1000, percent: pct(e.us), fn: e.fn, file: e.file, line: e.line })),
    byPackage: [...packages.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([name, us]) => ({ name, selfMs: us / 1000, percent: pct(us) })),
  };
}

export function formatProfile(s: ProfileSummary): string {
  const ms = (n: number) => n.toFixed(0);
  return [
    `CPU profile: ${s.profiles} profile(s) in ${s.dir}, ${(s.totalMs / 1000).toFixed(1)} s sampled`,
    '',
    `| # | self ms | % | function | file:line |`,
    '|---|---|---|---|---|',
    ...s.top.map((e, i) => `| ${i + 1} | ${ms(e.selfMs)} | ${e.percent.toFixed(1)} | ${e.fn} | ${e.file ? `${e.file}:${e.line}` : ''} |`),
    '',
    '| package / folder | self ms | % |',
    '|---|---|---|',
    ...s.byPackage.map((p) => `| ${p.name} | ${ms(p.selfMs)} | ${p.percent.toFixed(1)} |`),
  ].join('\n');
}
