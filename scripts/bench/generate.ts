// Synthetic handbook generator for benchmarks: teams × periods × objectives × KRs × check-ins.
// node scripts/bench/generate.ts OUT_DIR [teams periods objectives krs checkins]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Size {
  teams: number;
  periods: number;
  objectives: number;
  krs: number;
  checkins: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run generates the same handbook. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generate(out: string, size: Size): { pages: number } {
  const rand = rng(42);
  mkdirSync(join(out, 'periods'), { recursive: true });
  writeFileSync(join(out, 'org.yaml'), 'name: Benchmark Co\n');
  const teams = ['company', ...Array.from({ length: size.teams - 1 }, (_, i) => `team-${i + 1}`)];
  writeFileSync(
    join(out, 'teams.yaml'),
    `teams:\n${teams.map((t) => `  - { id: ${t}, name: ${t === 'company' ? 'Benchmark Co' : `Team ${t.slice(5)}`}${t === 'company' ? '' : ', parent: company'} }`).join('\n')}\n`,
  );
  writeFileSync(join(out, 'people.yaml'), `people:\n${teams.map((t) => `  - { id: lead-${t}, name: Lead of ${t} }`).join('\n')}\n`);
  const periods = Array.from({ length: size.periods }, (_, i) => `${2020 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  let objectiveCount = 0;
  for (const p of periods) {
    const [y, q] = [Number(p.slice(0, 4)), Number(p.slice(6))];
    writeFileSync(join(out, 'periods', `${p}.yaml`), `id: ${p}\nkind: quarter\ntheme: Theme of ${p}\n`);
    const start = Date.UTC(y, (q - 1) * 3, 1);
    for (const t of teams) {
      const lines = [`period: ${p}`, `team: ${t}`, 'objectives:'];
      for (let o = 1; o <= size.objectives; o++) {
        const id = `${p.toLowerCase()}-${t}-o${o}`;
        objectiveCount++;
        lines.push(`  - id: ${id}`, `    title: Objective ${o} of ${t} in ${p}`, `    owner: lead-${t}`);
        if (t !== 'company') lines.push(`    parent: ${p.toLowerCase()}-company-o${1 + ((o - 1) % size.objectives)}`);
        lines.push('    keyResults:');
        for (let k = 1; k <= size.krs; k++) {
          const baseline = Math.round(rand() * 50);
          const target = baseline + 10 + Math.round(rand() * 50);
          lines.push(
            `      - id: kr${k}`,
            `        title: Move metric ${k} from ${baseline} to ${target}`,
            '        kind: metric',
            `        baseline: ${baseline}`,
            `        target: ${target}`,
            '        checkins:',
          );
          for (let c = 1; c <= size.checkins; c++) {
            const date = new Date(start + c * 12 * 86_400_000).toISOString().slice(0, 10);
            lines.push(
              `          - { date: ${date}, value: ${Math.round(baseline + (target - baseline) * rand() * (c / size.checkins) * 1.1)} }`,
            );
          }
        }
      }
      mkdirSync(join(out, 'okrs', p), { recursive: true });
      writeFileSync(join(out, 'okrs', p, `${t}.yaml`), `${lines.join('\n')}\n`);
    }
  }
  // Pages: objectives + periods + team-periods (+ a fixed set of index pages, counted by the runner).
  return { pages: objectiveCount + periods.length + periods.length * teams.length };
}

if (import.meta.main) {
  const [out, ...n] = process.argv.slice(2);
  if (!out) throw new Error('usage: generate.ts OUT_DIR [teams periods objectives krs checkins]');
  const [teams = 5, periods = 4, objectives = 3, krs = 3, checkins = 3] = n.map(Number);
  console.log(generate(out, { teams, periods, objectives, krs, checkins }));
}
