// Matching an objective or key result named in words ("OKR: Accelerate Enterprise Acquisition",
// "Sales: 15 enterprise deals") to the one it means, by the words their titles share. Pure.
import { slug } from './ids.ts';

/** The objective whose title shares the most words with `text` (at least half of them). */
export function bestObjective<T extends { title: string }>(objectives: T[], text: string): T | undefined {
  const words = (s: string) => new Set(slug(s, 50, 1000).split('-').filter(Boolean));
  const want = words(text);
  let best: T | undefined;
  let bestScore = 0;
  for (const o of objectives) {
    const have = words(o.title);
    const shared = [...want].filter((w) => have.has(w) || [...have].some((h) => h.startsWith(w) || w.startsWith(h))).length;
    const score = shared / Math.max(1, want.size);
    if (score > bestScore) [best, bestScore] = [o, score];
  }
  return bestScore >= 0.5 ? best : undefined;
}

/** Two titles name the same objective: most of their words are shared (parentheticals ignored). */
export function sameTitle(a: string, b: string): boolean {
  const words = (s: string) =>
    new Set(
      slug(s.replace(/\([^)]*\)/g, ''), 40, 1000)
        .split('-')
        .filter(Boolean),
    );
  const wa = words(a);
  const wb = words(b);
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared / Math.max(wa.size, wb.size) >= 0.75;
}
