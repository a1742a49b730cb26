// `okr check` as users run it: clean handbooks pass; every mistake is reported with file:line, all in one run.
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyContent, edit, FISCAL, MAIN, runOkr } from '../helpers.ts';

interface JsonIssue {
  file: string;
  line: number;
  column: number;
  path: string;
  message: string;
  severity: string;
  hint?: string;
}
const errorsOf = (stdout: string) => (JSON.parse(stdout) as JsonIssue[]).filter((i) => i.severity === 'error');

describe('okr check on the demo handbooks', () => {
  it('exits 0 on the main handbook', () => {
    const r = runOkr(['check', '--content', MAIN]);
    expect(r.stdout).toMatch(/0 errors/);
    expect(r.code).toBe(0);
  });
  it('exits 0 on the fiscal handbook', () => {
    const r = runOkr(['check', '--content', FISCAL]);
    expect(r.code).toBe(0);
  });
  it('honours OKR_CONTENT', () => {
    const r = runOkr(['check', '--format', 'json'], { OKR_CONTENT: FISCAL });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('examples/fiscal-handbook/');
  });
});

describe('okr check with ten deliberate mistakes in ten files', () => {
  const dir = copyContent();
  const f = (p: string) => join(dir, p);
  // [file, expected line, a fragment of the message, a fragment of the hint]
  const mistakes: [string, number, RegExp, RegExp | undefined][] = [
    [
      'org.yaml',
      edit(f('org.yaml'), 'defaultClassification: internal', 'defaultClassification: secret'),
      /expected one of public, internal/,
      undefined,
    ],
    [
      'people.yaml',
      edit(f('people.yaml'), 'team: engineering }', 'team: engneering }'),
      /team 'engneering' not found/,
      /did you mean 'engineering'/,
    ],
    [
      'teams.yaml',
      edit(f('teams.yaml'), '{ id: growth,', '{ id: support,'),
      /duplicate team id 'support'/,
      /^also defined at .*teams\.yaml:10; ids must be unique$/,
    ],
    [
      'periods/2025-Q1.yaml',
      edit(f('periods/2025-Q1.yaml'), /start: ['"]?2025-01-01['"]?/, 'start: 2025-01-02'),
      /does not match the fiscal calendar/,
      /derive/,
    ],
    [
      'okrs/2025-Q1/company.yaml',
      edit(f('okrs/2025-Q1/company.yaml'), 'target: 18\n', 'target: "18M"\n'),
      /'target' must be a number, not string/,
      /plain number/,
    ],
    [
      'okrs/2025-Q1/product.yaml',
      edit(
        f('okrs/2025-Q1/product.yaml'),
        'parent: 2025-q1-company-enterprise-acquisition',
        'parent: 2025-q1-company-enterprise-acquisiton',
      ),
      /objective '2025-q1-company-enterprise-acquisiton' not found/,
      /did you mean '2025-q1-company-enterprise-acquisition'/,
    ],
    [
      'okrs/2025-Q1/engineering.yaml',
      edit(f('okrs/2025-Q1/engineering.yaml'), 'unit: ms', 'unti: ms'),
      /unknown field 'unti'/,
      /did you mean 'unit'/,
    ],
    [
      'okrs/2026-Q2/company.yaml',
      edit(f('okrs/2026-Q2/company.yaml'), 'owner: sofia-martinez', 'owner: sofia-martines'),
      /person 'sofia-martines' not found/,
      /did you mean 'sofia-martinez'/,
    ],
    [
      'okrs/2025/company.yaml',
      edit(f('okrs/2025/company.yaml'), 'kpi: market-expansion-market-share-growth', 'kpi: market-share'),
      /KPI 'market-share' not found/,
      undefined,
    ],
    [
      'kpis/strategic-priority.yaml',
      edit(f('kpis/strategic-priority.yaml'), 'name: Strategic Priority KPIs', 'name: [Strategic Priority KPIs'),
      /YAML syntax error/,
      /./,
    ],
  ];

  const r = runOkr(['check', '--content', dir, '--format', 'json']);
  const errors = errorsOf(r.stdout);

  it('exits 1', () => expect(r.code).toBe(1));
  it.each(mistakes)('reports %s:%i', (file, line, message, hint) => {
    // A YAML syntax error may be detected on the line after the mistake.
    const hit = errors.find(
      (e) => e.file.endsWith(`/${file}`) && (e.line === line || (/YAML/.test(e.message) && e.line === line + 1)) && message.test(e.message),
    );
    expect(
      hit,
      `no error at ${file}:${line} matching ${message}; got:\n${errors.map((e) => `${e.file}:${e.line} ${e.message}`).join('\n')}`,
    ).toBeDefined();
    if (hint) expect(hit!.hint).toMatch(hint);
    expect(hit!.column).toBeGreaterThan(0);
  });
  it('names all ten files', () => {
    const files = new Set(errors.map((e) => e.file.replace(/^.*okr-content-[^/]+\//, '')));
    for (const [file] of mistakes) expect(files).toContain(file);
  });
  it('prints file:line:column in the pretty format and never a stack trace', () => {
    const pretty = runOkr(['check', '--content', dir]);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).toMatch(/okrs\/2025-Q1\/engineering\.yaml:\d+:\d+ error unknown field 'unti'/);
    expect(pretty.stdout + pretty.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
  it('emits GitHub annotations', () => {
    const gh = runOkr(['check', '--content', dir, '--format', 'github']);
    expect(gh.stdout).toMatch(/^::error file=.*people\.yaml,line=\d+,col=\d+,title=okr check::team 'engneering' not found/m);
  });
});

// The bad-input corpus (test/fixtures/bad-input, run by bad-input.test.ts) covers broken files one by one.
describe('okr check reads MDX pages as the build does', () => {
  it('reports a syntax error, an unknown component and references to nothing, each where it is written', () => {
    const dir = copyContent();
    const example = edit(
      join(dir, 'guides/how-grades-are-computed.mdx'),
      'kr="2025-q1-company-enterprise-acquisition.kr3"',
      'kr="2025-q1-company-enterprise-acquisition.kr9"',
    );
    const table = edit(
      join(dir, 'periods/2026-Q2.mdx'),
      '<OkrTable period="2026-Q2" team="platform" />',
      '<OkrTable period="2026-Q2" team="platfrom" />\n\n<Roadmap />',
    );
    const broken = edit(join(dir, 'guides/tools.mdx'), /\n## /, '\n<Callout note={\n\n## ');
    const r = runOkr(['check', '--content', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const errors = errorsOf(r.stdout).map((i) => [i.file.replace(/.*?okr-content-[^/]+\//, ''), i.line, i.message, i.hint]);
    expect(errors).toEqual([
      [
        'guides/how-grades-are-computed.mdx',
        example,
        '<GradeExample kr="2025-q1-company-enterprise-acquisition.kr9"> names no key result of this handbook',
        "did you mean '2025-q1-company-enterprise-acquisition.kr1'?",
      ],
      ['guides/tools.mdx', broken + 1, expect.stringMatching(/^MDX syntax: /), expect.stringMatching(/close it/)],
      ['periods/2026-Q2.mdx', table, '<OkrTable team="platfrom"> names no team of this handbook', "did you mean 'platform'?"],
      ['periods/2026-Q2.mdx', table + 2, 'unknown component <Roadmap>', 'pages provide OkrTable and GradeExample'],
    ]);
  });
});

describe('okr check --audience public reads the public pages as the public build shows them', () => {
  it('reports a public guide that shows an internal key result (the public build would fail on it)', () => {
    const dir = copyContent();
    edit(join(dir, 'guides/how-grades-are-computed.mdx'), 'source: docs/grading.md', 'classification: public\nsource: docs/grading.md');
    expect(runOkr(['check', '--content', dir]).code).toBe(0);
    const r = runOkr(['check', '--content', dir, '--audience', 'public', '--format', 'json']);
    expect(r.code).toBe(1);
    const errors = errorsOf(r.stdout);
    expect(errors.length).toBe(6);
    for (const e of errors) {
      expect(e.file).toMatch(/guides\/how-grades-are-computed\.mdx$/);
      expect(e.message).toMatch(/^<GradeExample kr="2025-q1-[a-z-]+\.kr\d"> names a key result the public handbook does not show$/);
    }
  });
});

describe('okr check: hints for the common slips', () => {
  it('a confidence written as a percentage, a zero weight, a date in another format, a missing operator', () => {
    const dir = copyContent();
    const f = join(dir, 'okrs/2025-Q1/engineering.yaml');
    const confidence = edit(f, '    owner: vp-engineering\n', '    owner: vp-engineering\n    confidence: 80\n    weight: 0\n');
    const date = edit(f, '{ date: 2025-02-01, value: 550,', '{ date: 02/01/2025, value: 550,');
    const operator = edit(f, /\n\s+operator: "<"/, '') - 1;
    const r = runOkr(['check', '--content', dir, '--format', 'json']);
    // The key results of the file that failed are not reported again where a guide shows them.
    expect(errorsOf(r.stdout).map((i) => [i.line, i.message, i.hint])).toEqual([
      [confidence + 1, "'confidence' too big: expected number to be <=1", 'a fraction from 0 to 1: write 0.8 for 80 %'],
      [confidence + 2, "'weight' too small: expected number to be >0", 'use a number above 0, e.g. 1'],
      [date, "'date' must be a date written as YYYY-MM-DD", 'e.g. 2025-02-01 (year, month, day)'],
      [expect.any(Number), "missing required field 'operator'", "add 'operator:' — one of <, <=, >, >=, ≤, ≥"],
    ]);
    expect(errorsOf(r.stdout).at(-1)!.line).toBeLessThanOrEqual(operator);
  });
});

describe('okr check: the company is the only team without a parent', () => {
  it('reports a second parentless team at its id instead of making it a second tree', () => {
    const dir = copyContent();
    const line = edit(join(dir, 'teams.yaml'), '{ id: sales, name: Sales, parent: company,', '{ id: sales, name: Sales,');
    const r = runOkr(['check', '--content', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(errorsOf(r.stdout)).toEqual([
      expect.objectContaining({
        line,
        path: 'teams[3].id',
        message: "team 'sales' has no parent, and neither has 'company': only the company has none",
        hint: 'give it a parent, e.g. parent: company',
      }),
    ]);
  });
});

describe('okr check: a missing directory, and never writing', () => {
  it('a missing content directory', () => {
    const r = runOkr(['check', '--content', '/nonexistent/okr']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/content directory not found/);
  });
  it('a malformed SOURCE_DATE_EPOCH (the date checks run on): exit 2 with what is wrong, not a stack trace', () => {
    for (const [epoch, message] of [
      ['abc', /okr check: SOURCE_DATE_EPOCH must be whole seconds since 1970, .* \(got 'abc'\)/],
      ['1796000000000', /okr check: SOURCE_DATE_EPOCH 1796000000000 is after the year 9999: .* not milliseconds/],
    ] as const) {
      const r = runOkr(['check'], { SOURCE_DATE_EPOCH: epoch });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
  it('every link is refused where it is (broken, into the content, out of it), and every other file is still checked', () => {
    const dir = copyContent();
    symlinkSync('nowhere.yaml', join(dir, 'okrs/2025-Q1/sales.yaml'));
    symlinkSync('../okrs', join(dir, 'kpis/more'));
    symlinkSync('../..', join(dir, 'guides/up'));
    symlinkSync('loop.yaml', join(dir, 'kpis/loop.yaml'));
    // A link to a folder outside the content is not followed: the file there is not read.
    const outside = mkdtempSync(join(tmpdir(), 'okr-linked-'));
    writeFileSync(join(outside, 'extra.mdx'), '---\ntitle: Extra\n---\n');
    symlinkSync(outside, join(dir, 'guides/linked'));
    const mistake = edit(join(dir, 'okrs/2025-Q1/product.yaml'), 'owner: vp-product', 'owner: nobody');
    const r = runOkr(['check', '--content', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const errors = errorsOf(r.stdout).map((i) => [i.file.replace(/.*?okr-content-[^/]+\//, ''), i.line, i.message]);
    expect(errors).toEqual([
      ['guides/linked', 0, `this is a link to ${outside}, a folder outside the content folder, so it is not read`],
      ['guides/up', 0, 'this is a link to ../.., a folder outside the content folder, so it is not read'],
      ['kpis/loop.yaml', 0, 'this is a link to loop.yaml, which leads back to itself'],
      ['kpis/more', 0, 'this is a link to ../okrs, a folder already in the content, so it is not read'],
      ['okrs/2025-Q1/product.yaml', mistake, "person 'nobody' not found"],
      ['okrs/2025-Q1/sales.yaml', 0, 'this is a link to nowhere.yaml, which does not exist'],
    ]);
  });
  it('keeps the original file untouched (check never writes)', () => {
    const dir = copyContent();
    const before = readFileSync(join(dir, 'org.yaml'), 'utf8');
    runOkr(['check', '--content', dir]);
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(before);
  });
});

describe('okr <command> --help', () => {
  it("prints each command's usage, exits 0 and writes nothing", () => {
    const cwd = mkdtempSync(join(tmpdir(), 'okr-help-'));
    const commands = [...runOkr(['--help']).stdout.matchAll(/^ {2}([a-z]+) +\S/gm)].map((m) => m[1]!);
    expect(commands).toEqual(['check', 'diff', 'export', 'import', 'new', 'pull', 'receipt', 'remind', 'schema', 'snapshot', 'verify']);
    for (const name of commands) {
      // Options that would make the command write, were --help not honoured.
      const r = runOkr([name, '--help', ...(name === 'schema' ? ['--out', 'schemas'] : [])], {}, cwd);
      expect([name, r.code, r.stdout]).toEqual([name, 0, expect.stringMatching(new RegExp(`^Usage: okr ${name}`))]);
    }
    expect(readdirSync(cwd)).toEqual([]);
  });
});
