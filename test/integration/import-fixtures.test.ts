// The corpus of real shapes: one fixture per shape found in public OKR documents, written in our
// own words, with the objectives, key results and values expected beside it (<name>.expect.json).
// Each must import with those counts and values into content that `okr check` accepts; the table
// of expected and imported counts is printed (and kept in docs/importer.md).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { importDocuments } from '../../src/lib/import/index.ts';
import { ROOT } from '../helpers.ts';

// The imported files as parsed YAML, read field by field and asserted with expect(): a type per
// read would only restate what the assertions check.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML, asserted by expect()
type Rec = Record<string, any>;
interface Expect {
  shape: string;
  sources: string[];
  /** The path the document is imported as, when its folders say something ("okrs/2031/Q3/team.md"). */
  as?: string;
  period: string;
  /** The periods of the objectives, when a document holds more than one (else `period`). */
  objectivePeriods?: string[];
  periods?: string[];
  options?: { period?: string };
  objectives: number;
  keyResults: number;
  values: Rec[];
}

const DIR = join(ROOT, 'test/fixtures/import/shapes');
// Markdown fixtures and YAML ones (<name>.yaml), each with <name>.expect.json.
const FILES = new Map(
  readdirSync(DIR)
    .filter((f) => /\.(?:md|ya?ml)$/.test(f))
    .map((f) => [f.replace(/\.(?:md|ya?ml)$/, ''), f] as const),
);
const NAMES = [...FILES.keys()].sort();
const rows: string[] = [];

describe.each(NAMES)('the %s shape', (name) => {
  const want = JSON.parse(readFileSync(join(DIR, `${name}.expect.json`), 'utf8')) as Expect;
  const file = `test/fixtures/import/shapes/${FILES.get(name)!}`;
  const r = importDocuments([{ file: want.as ?? file, bytes: readFileSync(join(ROOT, file)) }], { ...want.options, org: 'Fixture Co' });
  const okrFiles = [...r.files.keys()].filter((p) => p.startsWith('okrs/')).map((p) => parse(r.files.get(p)!) as Rec);
  const objectives: Rec[] = okrFiles.flatMap((f) => f.objectives.map((o: Rec) => ({ ...o, period: f.period })));
  const krs = objectives.flatMap((o) => o.keyResults as Rec[]);
  const summary = r.summaries[0]!;
  rows.push(
    `| ${name} | ${want.shape.replaceAll('|', '\\|')} | ${want.objectives} / ${want.keyResults} | ${objectives.length} / ${krs.length} | ${summary.unmappedLines} of ${summary.candidates} |`,
  );

  it(`imports ${want.objectives} objectives and ${want.keyResults} key results in ${want.period}`, () => {
    expect(r.error).toBeUndefined();
    expect([objectives.length, krs.length]).toEqual([want.objectives, want.keyResults]);
    expect(new Set(objectives.map((o) => o.period))).toEqual(new Set(want.objectivePeriods ?? [want.period]));
    if (want.periods)
      expect([...r.files.keys()].filter((p) => p.startsWith('periods/'))).toEqual(want.periods.map((p) => `periods/${p}.yaml`));
  });

  it.each(want.values.map((v) => [v.kr ?? v.objective, v] as const))('reads %s as written', (_, v) => {
    const o = objectives.find((x) => x.title === v.objective);
    expect(o, `objective "${v.objective}" among ${objectives.map((x) => x.title).join(' / ')}`).toBeDefined();
    const { objective: _o, kr: title, parent, priority, owner, ...fields } = v;
    if (parent) expect(o!.parent).toBe(objectives.find((x) => x.title === parent)?.id);
    if (priority) expect(o!.priority).toBe(priority);
    if (!title) {
      if (owner) expect(o!.owner).toBe(owner);
      if (fields.declared) expect(o!.declared).toMatchObject(fields.declared);
      return;
    }
    const k = (o!.keyResults as Rec[]).find((x) => x.title === title);
    expect(k, `key result "${title}" among ${(o!.keyResults as Rec[]).map((x) => x.title).join(' / ')}`).toBeDefined();
    if (owner) expect(k!.owner).toBe(owner);
    const { note, ...rest } = fields;
    expect(k).toMatchObject(rest);
    if (note) expect(k!.note).toContain(note);
  });

  it('becomes content that okr check accepts', () => {
    const out = mkdtempSync(join(tmpdir(), `okr-fixture-${name}-`));
    for (const [path, text] of r.files) {
      mkdirSync(dirname(join(out, path)), { recursive: true });
      writeFileSync(join(out, path), text);
    }
    const errors = computeHandbook(out).issues.filter((i) => i.severity === 'error');
    expect(errors.map((e) => `${e.file}:${e.line} ${e.message}`)).toEqual([]);
  });
});

afterAll(() => {
  console.log(
    ['| fixture | shape | expected objectives / KRs | imported | lines not mapped |', '| --- | --- | ---: | ---: | ---: |', ...rows].join(
      '\n',
    ),
  );
});
