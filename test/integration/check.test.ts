// `okr check` as users run it: clean handbooks pass; every mistake is reported with file:line, all in one run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    ['teams.yaml', edit(f('teams.yaml'), '{ id: growth,', '{ id: support,'), /duplicate team id 'support'/, /unique/],
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

describe('bad input: each a clear error naming the file, never a crash', () => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    [
      'a non-UTF-8 file',
      (d) =>
        writeFileSync(
          join(d, 'okrs/2025-Q1/company.yaml'),
          Buffer.from([0x70, 0x65, 0x72, 0x69, 0x6f, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
        ),
      /not valid UTF-8/,
    ],
    ['an empty file', (d) => writeFileSync(join(d, 'okrs/2025-Q1/company.yaml'), '\n  \n'), /file is empty/],
    [
      'a file no collection reads',
      (d) => (mkdirSync(join(d, 'objectives')), writeFileSync(join(d, 'objectives/x.yaml'), 'a: 1\n')),
      /no collection reads/,
    ],
    [
      'a YAML file that is a list, not a mapping',
      (d) => writeFileSync(join(d, 'teams.yaml'), '- a\n- b\n'),
      /must be an object, not a list/,
    ],
    ['a tab-indented file', (d) => writeFileSync(join(d, 'people.yaml'), 'people:\n\t- id: x\n'), /YAML syntax error/],
    ['a duplicate key', (d) => edit(join(d, 'org.yaml'), 'name: NexusFlow', 'name: NexusFlow\nname: Other'), /YAML syntax error/],
    [
      'a parent cycle',
      (d) =>
        edit(
          join(d, 'okrs/2025-Q1/company.yaml'),
          /(- id: 2025-q1-company-enterprise-acquisition\n)/,
          '$1    parent: 2025-q1-engineering-scalable-infrastructure\n',
        ),
      /cycle/,
    ],
    [
      'a metric without a baseline',
      (d) => edit(join(d, 'okrs/2025-Q1/company.yaml'), /\n\s+baseline: 12\n/, '\n'),
      /missing required field 'baseline'/,
    ],
    [
      'a non-numeric check-in on a metric',
      (d) => edit(join(d, 'okrs/2025-Q1/company.yaml'), 'value: 14.5', 'value: "14.5M"'),
      /numeric check-in value/,
    ],
    [
      'an unquoted year period id',
      (d) => edit(join(d, 'okrs/2025/company.yaml'), 'period: "2025"', 'period: 2025'),
      /must be a string, not number/,
    ],
    [
      'a narrative without a period',
      (d) => writeFileSync(join(d, 'periods/2030-Q1.mdx'), '---\ntitle: x\n---\nHello\n'),
      /no periods\/2030-Q1\.yaml/,
    ],
    ['a lone surrogate', (d) => edit(join(d, 'teams.yaml'), 'name: Growth', 'name: "Gro\\uD800wth"'), /lone surrogate/],
  ];
  it.each(cases)('%s', (_name, mutate, message) => {
    const dir = copyContent();
    mutate(dir);
    const r = runOkr(['check', '--content', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const errors = errorsOf(r.stdout);
    expect(
      errors.some((e) => message.test(e.message)),
      errors.map((e) => e.message).join('\n'),
    ).toBe(true);
    for (const e of errors) expect(e.file).toContain('okr-content-');
  });
  it('a missing content directory', () => {
    const r = runOkr(['check', '--content', '/nonexistent/okr']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/content directory not found/);
  });
  it('keeps the original file untouched (check never writes)', () => {
    const dir = copyContent();
    const before = readFileSync(join(dir, 'org.yaml'), 'utf8');
    runOkr(['check', '--content', dir]);
    expect(readFileSync(join(dir, 'org.yaml'), 'utf8')).toBe(before);
  });
});
