// Prints, after Vitest's own summary, what the issues ask every run to show: how many bad-input cases
// (test/integration/bad-input.test.ts) and hostile-corpus cases (test/integration/hostile-corpus.test.ts)
// ran, and the axe results per page type in light and dark (test/e2e/site.test.ts). Tests hand the figures over in their task meta.
import type { Reporter, TestModule } from 'vitest/node';

declare module 'vitest' {
  interface TaskMeta {
    /** Set by each bad-input case. */
    badInput?: boolean;
    /** Set by each case of the hostile corpus (test/hostile-corpus.ts). */
    hostile?: boolean;
    /** Set by each page-type check: its serious and critical axe violations in light and dark. */
    axe?: { pageType: string; light: number; dark: number };
  }
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let cases = 0;
    let casesPassed = 0;
    let hostile = 0;
    let hostilePassed = 0;
    const axe = new Map<string, { light: number; dark: number }>();
    for (const m of modules)
      for (const t of m.children.allTests()) {
        const meta = t.meta();
        const passed = t.result().state === 'passed';
        if (meta.badInput) {
          cases++;
          if (passed) casesPassed++;
        }
        if (meta.hostile) {
          hostile++;
          if (passed) hostilePassed++;
        }
        if (meta.axe) axe.set(meta.axe.pageType, meta.axe);
      }
    if (!cases && !hostile && !axe.size) return;
    const lines = ['', 'OKR handbook test summary'];
    if (cases) lines.push(`  bad-input corpus: ${cases} cases, ${casesPassed} passed`);
    if (hostile) lines.push(`  hostile corpus:   ${hostile} cases, ${hostilePassed} passed`);
    if (axe.size) {
      const width = Math.max(...[...axe.keys()].map((k) => k.length));
      const show = (n: number) => String(n).padStart(5);
      lines.push(`  axe, serious + critical violations per page type:`);
      lines.push(`    ${'page type'.padEnd(width)}  light   dark`);
      for (const [type, v] of axe) lines.push(`    ${type.padEnd(width)}  ${show(v.light)}  ${show(v.dark)}`);
    }
    console.log(lines.join('\n'));
  }
}
