// Shapes the importer recognises (src/lib/import/read/, yaml/, key-results.ts, assemble.ts),
// one small fixture per family under test/fixtures/import/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importDocuments, type ImportOptions } from '../../src/lib/import/index.ts';
import { ROOT } from '../helpers.ts';

const FIX = join(ROOT, 'test/fixtures/import');
// The imported files as parsed YAML, read field by field and asserted with expect(): a type per
// read would only restate what the assertions check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, asserted by expect()
type Rec = Record<string, any>;

function run(names: string | string[], opts: ImportOptions = {}, transform = (b: Buffer) => b) {
  const list = Array.isArray(names) ? names : [names];
  const r = importDocuments(
    list.map((n) => ({ file: n, bytes: transform(readFileSync(join(FIX, n))) })),
    opts,
  );
  const file = (path: string): Rec => {
    const text = r.files.get(path);
    if (text === undefined) throw new Error(`${path} not written; files: ${[...r.files.keys()].join(', ')}`);
    return parse(text) as Rec;
  };
  const okrFiles = [...r.files.keys()].filter((p) => p.startsWith('okrs/')).map(file);
  const objectives: Rec[] = okrFiles.flatMap((f) => f.objectives.map((o: Rec) => ({ ...o, team: f.team, period: f.period })));
  const objective = (title: string) => {
    const o = objectives.find((x) => x.title === title);
    if (!o) throw new Error(`no objective "${title}"; have ${objectives.map((x) => x.title).join(' / ')}`);
    return o;
  };
  const kr = (objTitle: string, title: string): Rec => {
    const k = objective(objTitle).keyResults.find((x: Rec) => x.title === title);
    if (!k) throw new Error(`no KR "${title}" in "${objTitle}"`);
    return k;
  };
  const entries = (kind: string) => r.entries.filter((e) => e.kind === kind).map((e) => `${e.line} ${e.message} ${e.excerpt ?? ''}`);
  return { ...r, file, objectives, objective, kr, entries };
}

describe('objective headings', () => {
  const r = run('variants/objective-headings.md');
  it('recognises "### Objective 1:", "### O2:", "1. **OBJECTIVE: …**", "**O: …**" and "**Objective: ….**"', () => {
    expect(r.objectives.map((o) => [o.team, o.title])).toEqual([
      ['marketing', 'Fill the pipeline'],
      ['platform', 'Make the platform boringly reliable'],
      ['platform', 'Ship the new billing engine'],
      ['sales', 'Grow the mid-market book'],
      ['sales', 'Shorten the sales cycle'],
    ]);
  });
  it('gives stable ids <period>-<team>-<slug>', () => {
    expect(r.objective('Grow the mid-market book').id).toBe('2025-q3-sales-grow-mid-market-book');
    expect(r.objective('Ship the new billing engine').id).toBe('2025-q3-platform-ship-new-billing-engine');
  });
  it('names teams after their sections', () => {
    expect(r.file('teams.yaml').teams.map((t: Rec) => [t.id, t.name, t.parent])).toEqual([
      ['company', 'Imported OKRs', undefined],
      ['sales', 'Sales', 'company'],
      ['platform', 'Platform Team', 'company'],
      ['marketing', 'Marketing', 'company'],
    ]);
  });
});

describe('KR bullets', () => {
  const r = run('variants/objective-headings.md');
  it('reads "- KR1: …", "- KR: …" and plain bullets under "#### Key Results"', () => {
    expect(r.objective('Grow the mid-market book').keyResults.map((k: Rec) => k.id)).toEqual(['kr1', 'kr2']);
    expect(r.objective('Make the platform boringly reliable').keyResults.map((k: Rec) => k.title)).toEqual([
      '99.95% availability for the public API',
      'p95 latency < 300ms',
    ]);
    expect(r.objective('Ship the new billing engine').keyResults.map((k: Rec) => k.title)).toEqual([
      'Billing engine GA for all customers',
      'Migrate 40 enterprise accounts',
    ]);
  });
  it('chooses kinds from the words: from/to metric, counted verbs, thresholds, milestones', () => {
    expect(r.kr('Grow the mid-market book', 'Increase mid-market ARR from $4M to $6M')).toMatchObject({
      kind: 'metric',
      baseline: 4,
      target: 6,
      unit: '$M',
    });
    expect(r.kr('Grow the mid-market book', 'Close 12 new logos')).toMatchObject({ kind: 'count', target: 12 });
    expect(r.kr('Make the platform boringly reliable', 'p95 latency < 300ms')).toMatchObject({
      kind: 'threshold',
      operator: '<',
      target: 300,
      unit: 'ms',
    });
    expect(r.kr('Ship the new billing engine', 'Billing engine GA for all customers')).toMatchObject({ kind: 'milestone' });
    expect(r.entries('guess').some((e) => /Billing engine GA.*milestone/.test(e))).toBe(true);
  });
  it('splits "A; B" into a compound key result (seed 000 stand-in)', () => {
    const s = run('seeds/seed-000.md');
    const k = s.kr(
      'Convert self-serve funnel to revenue with provable enforcement',
      'Net churn ≤ 1.5% monthly; expansion bookings ≥ 12% of ARR.',
    );
    expect(k).toMatchObject({ kind: 'compound', combine: 'min' });
    expect(k.parts.map((p: Rec) => [p.title, p.operator, p.target, p.unit])).toEqual([
      ['Net churn', '<=', 1.5, '%'],
      ['Expansion bookings', '>=', 12, '% of ARR'],
    ]);
    expect(s.kr('Autonomous ops default', 'Support cost per ticket reduced by 35% via autonomy and L2 copilot.')).toMatchObject({
      kind: 'metric',
      baseline: 0,
      target: -35,
      unit: '% change',
    });
  });
});

describe('KR tables with any columns in any order', () => {
  const r = run('variants/kr-tables.md');
  const O = 'Delight customers';
  it('maps Status | Target | Key Result | Baseline | Owner | Current by header, not position', () => {
    expect(r.kr(O, 'Raise NPS from 30 to 45')).toMatchObject({
      kind: 'metric',
      baseline: 30,
      target: 45,
      current: 38,
      owner: 'jane-doe',
      declared: { status: 'green', statusNote: 'On track' },
    });
  });
  it('handles TBD, N/A, "-" and empty cells', () => {
    const churn = r.kr(O, 'Reduce churn to 2%');
    expect(churn).toMatchObject({ kind: 'metric', baseline: 3, target: 2, unit: '%', declared: { status: 'red' } });
    expect(churn).not.toHaveProperty('current');
    expect(r.kr(O, 'Launch the help center')).toMatchObject({
      kind: 'milestone',
      baseline: 'N/A',
      target: 'Shipped',
      current: 'In review',
    });
    expect(r.kr(O, 'Hit 99.9% uptime')).toMatchObject({ kind: 'threshold', operator: '>=', target: 99.9, baseline: 99.5 });
    expect(r.kr(O, 'Keep open tickets under 500')).toMatchObject({ kind: 'threshold', operator: '<', target: 500 });
    expect(r.kr(O, 'Win 3 reference customers')).toMatchObject({ kind: 'count', target: 3 });
    expect(r.entries('guess').some((e) => /Win 3 reference customers": target is TBD/.test(e))).toBe(true);
  });
  it('reports an unknown column cell by cell, and prose between sections', () => {
    expect(r.entries('unmapped')).toEqual([
      '3 paragraph not mapped Some introductory prose that is not an OKR.',
      '15 cell in column "Budget" not mapped $20K',
      '22 paragraph not mapped More prose between sections, also not an OKR.',
    ]);
  });
  it('reads a table without a Target column ("| KR | Status |") from the KR text, and status words as a guess', () => {
    expect(r.kr('Grow revenue', 'Grow revenue from $10M to $14M')).toMatchObject({
      id: 'kr1',
      kind: 'metric',
      baseline: 10,
      target: 14,
      declared: { status: 'green' },
    });
    expect(r.kr('Grow revenue', 'Hire 3 account executives')).toMatchObject({
      id: 'kr2',
      kind: 'count',
      declared: { status: 'yellow', statusNote: 'At risk' },
    });
    expect(r.entries('guess').some((e) => /status yellow read from the words "At risk"/.test(e))).toBe(true);
  });
  it('reads a flat table with an Objective column', () => {
    const f = run('variants/flat-table.md');
    expect(f.objectives.map((o) => [o.title, o.keyResults.length])).toEqual([
      ['Grow usage', 2],
      ['Keep it fast', 1],
    ]);
    expect(f.kr('Keep it fast', 'p95 page load under 2 seconds')).toMatchObject({
      kind: 'threshold',
      operator: '<',
      target: 2,
      baseline: 3.1,
      declared: { status: 'red' },
    });
  });
  it('reads "Current (as of DATE)" as a check-in, with a check-in example\'s blockers and asks (seed 001 stand-in)', () => {
    const s = run('seeds/seed-001.md');
    const k = s.kr('Accelerate Enterprise Customer Acquisition', 'Increase Enterprise ARR from $12M to $18M (+50%)');
    expect(k).toMatchObject({
      kind: 'metric',
      baseline: 12,
      target: 18,
      unit: '$M',
      declared: { grade: 0.42, status: 'yellow', statusNote: 'On track' },
    });
    expect(k.checkins).toEqual([
      {
        date: '2025-02-01',
        value: 14.5,
        status: 'yellow',
        statusNote: 'On track',
        note: '$14.5M (+$2.5M this month)',
        blockers: ['Legal review slowing 2 large deals'],
        asks: ['Expedite legal resources for enterprise contracts'],
      },
    ]);
    expect(s.kr('Accelerate Enterprise Customer Acquisition', 'Close 15 new enterprise deals (>$100K ACV)')).toMatchObject({
      kind: 'count',
      baseline: 8,
      target: 15,
      unit: 'deals',
      labels: { baseline: '8 deals/qtr' },
    });
    expect(
      s.kr('Ship Enterprise-Ready Platform Capabilities', 'Implement multi-region active-active deployment (US-East, US-West, EU)'),
    ).toMatchObject({
      kind: 'count',
      target: 3,
      labels: { baseline: 'Single region', current: '2 regions live' },
    });
  });
});

describe('field lines, initiatives, dependencies, risks, schedules, fiscal statements', () => {
  const r = run('variants/fields.md');
  const O = 'Win the enterprise segment';
  it('reads owner, DRI, priority, type, confidence and status lines', () => {
    expect(r.objective(O)).toMatchObject({
      owner: 'dana-lee',
      ownerRole: 'CRO',
      dri: 'head-sales',
      priority: 'P1',
      type: 'aspirational',
      typeNote: '60% confidence',
      confidence: 0.6,
      declared: { status: 'yellow', statusNote: 'At risk' },
      risks: [{ title: 'Long procurement cycles' }, { title: 'Budget freezes' }],
    });
    expect(r.file('people.yaml').people).toEqual([
      { id: 'dana-lee', name: 'Dana Lee', title: 'CRO' },
      { id: 'head-sales', name: 'Head of Sales' },
    ]);
  });
  it('resolves "Ladders up to: Company Objective 1" to the parent id', () => {
    expect(r.objective('Make enterprise features boring').parent).toBe(r.objective(O).id);
  });
  it('reads initiatives with their owning team, and dependency rows against KR text', () => {
    expect(r.objective(O).initiatives).toEqual([{ title: 'Enterprise SSO', team: 'platform' }, { title: 'Partner program' }]);
    expect(r.objective(O).dependencies).toEqual([
      { description: 'Security review (SOC 2)' },
      { description: 'Legal templates' },
      {
        kr: 'kr1',
        on: r.objective('Make enterprise features boring').id,
        description: 'Platform: SSO shipped',
        risk: 'high',
        riskNote: 'deals need SSO',
        mitigation: 'Weekly sync',
      },
    ]);
  });
  it('puts a risk table under an objective on that objective', () => {
    expect(r.objective('Make enterprise features boring').risks).toEqual([
      { title: 'Vendor delay', likelihood: 'high', impact: 'medium', mitigation: 'Second vendor' },
    ]);
  });
  it('derives the fiscal calendar from "FY24-Q1 … runs from 2023-11-01 to 2024-01-31"', () => {
    expect(r.file('org.yaml').fiscalYear).toEqual({ startMonth: 11, naming: 'fiscal' });
    expect(r.file('periods/FY24-Q1.yaml')).toMatchObject({ id: 'FY24-Q1', kind: 'quarter', start: '2023-11-01', end: '2024-01-31' });
  });
  it('places a check-in schedule without years inside the period', () => {
    expect(r.file('periods/FY24-Q1.yaml').checkins).toEqual([
      { date: '2023-11-06', type: 'weekly', focus: 'KR progress' },
      { date: '2023-12-15', type: 'mid-period', focus: 'Review' },
      { date: '2024-01-31', type: 'final', focus: 'Scoring' },
    ]);
    expect(r.entries('guess').some((e) => /check-in dates without a year/.test(e))).toBe(true);
  });
});

describe('YAML documents', () => {
  it('reads a YAML file with objectives and key_results, reporting unknown fields', () => {
    const r = run('variants/okrs.yaml');
    expect(r.objectives.map((o) => [o.period, o.team, o.title])).toEqual([
      ['2025-Q3', 'platform', 'Make deploys boring'],
      ['2025-Q3', 'platform', 'Cut infrastructure cost'],
    ]);
    expect(r.kr('Make deploys boring', 'Deployment frequency')).toMatchObject({
      kind: 'metric',
      baseline: 1,
      target: 5,
      unit: 'x/week',
      current: 3,
    });
    expect(r.kr('Make deploys boring', 'Change failure rate')).toMatchObject({ kind: 'threshold', operator: '<', target: 5, baseline: 12 });
    expect(r.kr('Cut infrastructure cost', 'Reduce cloud spend by 20%')).toMatchObject({
      kind: 'metric',
      target: -20,
      timeline: 'Q3 2025',
    });
    // Each report entry quotes its line; a comment is reported too.
    expect(r.entries('unmapped')).toEqual([
      "1 YAML comment not mapped # A team's OKRs kept as YAML.",
      '21 key result "Reduce cloud spend by 20%": field "mystery_field" not mapped mystery_field: kept out',
    ]);
  });
  it('reads ```yaml blocks in Markdown: objectives, KPI groups, front matter (seed 002 stand-in)', () => {
    const r = run('seeds/seed-002.md');
    expect(r.objectives.map((o) => [o.id, o.owner, o.priority])).toEqual([
      ['2025-company-establish-maintain-market-leadership-ai', 'ceo', 'tier-1'],
    ]);
    expect(
      r.kr('Establish and maintain market leadership in AI-first enterprise solutions', 'Achieve 15% market share in target segments'),
    ).toMatchObject({
      kind: 'metric',
      baseline: 5,
      target: 15,
      labels: { baseline: 'Current 5% market share' },
      measurement: 'Third-party market research and analyst reports',
      timeline: 'Q4 2025',
    });
    const g = r.file('kpis/strategic-priority.yaml');
    expect(g).toMatchObject({ id: 'strategic-priority', name: 'Strategic Priority KPIs', section: 'Business Priority KPIs', order: 1 });
    expect(g.kpis.map((k: Rec) => k.id)).toEqual([
      'customer-trust-safety-security-incident-response',
      'customer-trust-safety-customer-trust-index',
    ]);
    expect(r.file('kpis/technology-platform.yaml').order).toBe(2);
    expect(r.file('periods/2025.yaml').classification).toBe('internal');
    const unmapped = r.entries('unmapped').join('\n');
    expect(unmapped).toMatch(/OKR_Management_Process/);
    expect(unmapped).toMatch(/front matter "scope"|YAML "scope"/);
    expect(unmapped).toMatch(/Enterprise Memory: Comprehensive KPIs และ OKRs/);
  });
});

describe('redactions, mojibake, encodings', () => {
  it('turns N₀ placeholders linking to a private document into redactions (seed 003 stand-in)', () => {
    const r = run('seeds/seed-003.md');
    expect(r.file('org.yaml').redactions).toEqual([
      { id: 'n0', label: 'N₀', link: 'https://docs.example.com/private#n0' },
      { id: 'n1', label: 'N₁', link: 'https://docs.example.com/private#n1' },
      { id: 'n14', label: 'N₁₄' },
    ]);
    const O = 'Make Sourcegraph valuable and accessible to every dev and company';
    const company = r.objectives.find((o) => o.title === O && o.team === 'company')!;
    expect(company.keyResults[1]).toMatchObject({ title: '${n1} IARR', kind: 'redacted', values: ['n1'] });
    const pe = r.objectives.find((o) => o.title === O && o.team === 'product-engineering')!;
    expect(pe.parent).toBe(company.id);
    expect(pe.keyResults[1]).toMatchObject({
      kind: 'metric',
      baseline: 25,
      target: 35,
      note: 'project tracker: https://example.com/tracker',
    });
    expect(r.file('org.yaml').fiscalYear).toEqual({ startMonth: 2, naming: 'fiscal' });
  });
  it('repairs mojibake status emoji and reads them (seed 004 stand-in)', () => {
    const r = run('seeds/seed-004.md');
    const O = 'Reduce Enterprise Churn to Sustainable Levels';
    expect(r.objective(O)).toMatchObject({
      owner: 'sofia-martinez',
      ownerRole: 'VP Customer Success',
      priority: 'critical',
      declared: { status: 'red', statusNote: 'Behind' },
    });
    expect(r.objective(O).keyResults.map((k: Rec) => k.declared?.status)).toEqual(['red', 'yellow', 'yellow']);
    expect(r.kr('Make integrations effortless', 'Launch CRM Sync v2 GA')).toMatchObject({
      kind: 'milestone',
      declared: { status: 'green' },
    });
    expect(r.entries('repair').join('\n')).toMatch(/"游댮" → "🔴" \(UTF-8 that was once decoded as Johab \(Korean\)\)/);
    expect(r.file('org.yaml').name).toBe('NexusFlow');
    expect(r.objective(O).dependencies).toEqual([{ team: 'integration' }, { description: 'AI/ML capacity' }]);
    expect(r.file('periods/2026-Q2.yaml').checkins).toEqual([
      { date: '2026-04-07', type: 'weekly', focus: 'Initiative progress' },
      { date: '2026-06-30', type: 'quarterly', focus: 'Final scoring' },
    ]);
  });
  it('reads CRLF line endings and a BOM exactly like LF, and says so', () => {
    const plain = run('variants/kr-tables.md');
    const crlf = run('variants/kr-tables.md', {}, (b) =>
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(b.toString('utf8').replace(/\n/g, '\r\n'))]),
    );
    expect([...crlf.files]).toEqual([...plain.files]);
    expect(crlf.entries('repair')).toEqual(['1 byte-order mark (BOM) removed ', '1 Windows/old Mac line endings (CRLF/CR) read as LF ']);
  });
});

describe('whole imports', () => {
  it('is deterministic: the same input gives the same files and report', () => {
    const a = run(['seeds/seed-001.md']);
    const b = run(['seeds/seed-001.md']);
    expect([...a.files]).toEqual([...b.files]);
    expect(a.report).toBe(b.report);
  });
  it('writes every file with the schema line first', () => {
    const r = run('seeds/seed-004.md');
    expect(r.files.get('org.yaml')!.split('\n')[0]).toBe('# yaml-language-server: $schema=../public/schema/org.schema.json');
    expect(r.files.get('okrs/2026-Q2/company.yaml')!.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../../../public/schema/okr-file.schema.json',
    );
  });
  it('--period replaces the document period and --team the default team', () => {
    const r = run('seeds/seed-003.md', { period: 'FY23-Q1' });
    expect(r.objectives.every((o) => o.period === 'FY23-Q1' && o.id.startsWith('fy23-q1-'))).toBe(true);
    const t = run('variants/flat-table.md', { team: 'growth' });
    expect(t.objectives.map((o) => o.team)).toEqual(['growth', 'growth']);
    expect(t.file('teams.yaml').teams.map((x: Rec) => x.id)).toEqual(['company', 'growth']);
  });
  it('says clearly when a document has no recognisable OKRs', () => {
    const r = run('variants/no-okrs.md');
    expect(r.files.size).toBe(0);
    expect(r.error).toMatch(/no objectives, key results or KPIs recognised in variants\/no-okrs\.md/);
    expect(r.entries('unmapped').length).toBe(3);
  });
  it('refuses to mix fiscal and calendar periods in one handbook', () => {
    const r = run(['seeds/seed-001.md', 'seeds/seed-003.md']);
    expect(r.error).toMatch(/both fiscal \(FY22-Q2\) and calendar \(2025-Q1\)/);
  });
  it('asks for --period when a document names none', () => {
    const r = importDocuments([{ file: 'x.md', bytes: Buffer.from('## Objective: Do a thing\n\n- KR: Ship it\n') }]);
    expect(r.error).toMatch(/x\.md:1: no period for objective "Do a thing".*pass --period ID/);
    const ok = importDocuments([{ file: 'x.md', bytes: Buffer.from('## Objective: Do a thing\n\n- KR: Ship it\n') }], {
      period: '2025-Q3',
    });
    expect(ok.error).toBeUndefined();
    expect(ok.files.has('okrs/2025-Q3/company.yaml')).toBe(true);
    expect(ok.entries.map((e) => e.message)).toContain('the document names no period: 2025-Q3 assumed (--period)');
  });
  it('reads a period from the folders of a path, else guesses the year the text names most, and reports either', () => {
    const doc = Buffer.from('## Objective: Do a thing\n\nUpdated 2021-03-04; the 2021 plan follows the 2020 one.\n\n- KR: Ship it\n');
    const folders = importDocuments([{ file: 'okrs/2019/Q2/kim.md', bytes: doc }]);
    expect(folders.files.has('okrs/2019-Q2/company.yaml')).toBe(true);
    expect(folders.entries.map((e) => e.message)).toContain('period 2019-Q2 read from the folders of its path "okrs 2019 Q2"');
    const text = importDocuments([{ file: 'kim.md', bytes: doc }]);
    expect(text.files.has('okrs/2021/company.yaml')).toBe(true);
    expect(text.entries.map((e) => e.message)).toContain(
      'period 2021 read from the year its text names most often (2 times), as the document names no period; pass --period to choose one',
    );
    const tie = importDocuments([
      { file: 'kim.md', bytes: Buffer.from('## Objective: Do a thing\n\nFrom 2020 to 2021.\n\n- KR: Ship it\n') },
    ]);
    expect(tie.error).toMatch(/no period for objective "Do a thing"/);
    const chosen = importDocuments([{ file: 'kim.md', bytes: doc }], { period: '2022-Q1' });
    expect(chosen.files.has('okrs/2022-Q1/company.yaml')).toBe(true);
    expect(chosen.entries.map((e) => e.message).join('\n')).not.toMatch(/names most often/);
  });
  it('reports a unit written once as assumed for both ends', () => {
    const r = importDocuments([
      { file: 'u.md', bytes: Buffer.from('# Q1 2026\n\n## Objective: Faster\n\n- KR: Reduce TTFV from 12 to 6 days\n') },
    ]);
    const kr = (parse(r.files.get('okrs/2026-Q1/company.yaml')!) as Rec).objectives[0].keyResults[0];
    expect(kr).toMatchObject({ kind: 'metric', baseline: 12, target: 6, unit: 'days' });
    expect(r.entries.map((e) => e.message)).toContain(
      'KR "Reduce TTFV from 12 to 6 days": unit "days" is written once in "from 12 to 6 days": assumed for both ends',
    );
  });
});
