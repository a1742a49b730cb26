// A valid and an invalid example for every entity of the content model.
import { describe, expect, it } from 'vitest';
import type { z } from 'astro/zod';
import * as s from '../../src/lib/schema/index.ts';

const metric = { id: 'kr1', title: 'Grow ARR from $12M to $18M', kind: 'metric', unit: '$M', baseline: 12, target: 18, current: 14.5 };

const cases: [string, z.ZodType, unknown, unknown, string][] = [
  // [entity, schema, valid, invalid, field the invalid one is wrong in]
  [
    'org',
    s.org,
    { name: 'Acme', fiscalYear: { startMonth: 2, naming: 'fiscal' } },
    { name: 'Acme', fiscalYear: { startMonth: 13 } },
    'fiscalYear.startMonth',
  ],
  [
    'org grading band',
    s.band,
    { id: 'green', label: 'On target', min: 0.7, status: 'green' },
    { id: 'green', label: 'x', min: 1.5, status: 'green' },
    'min',
  ],
  ['person', s.person, { id: 'ceo', name: 'CEO' }, { id: 'CEO', name: 'CEO' }, 'id'],
  ['team', s.team, { id: 'platform', name: 'Platform', parent: 'company' }, { id: 'platform' }, 'name'],
  ['period', s.period, { id: '2025-Q1', kind: 'quarter', lockDate: '2025-01-15' }, { id: '2025-Q5', kind: 'quarter' }, 'id'],
  [
    'objective',
    s.objective,
    { id: 'o1', title: 'Win enterprise', type: 'committed', keyResults: [metric] },
    { id: 'o1', title: 'Win', type: 'committted', keyResults: [] },
    'type',
  ],
  ['key result: metric', s.keyResult, metric, { ...metric, target: '18M' }, 'target'],
  [
    'key result: count',
    s.keyResult,
    { id: 'kr2', title: 'Close 15 deals', kind: 'count', target: 15, current: 6 },
    { id: 'kr2', title: 'x', kind: 'count', target: 0 },
    'target',
  ],
  [
    'key result: threshold',
    s.keyResult,
    { id: 'kr3', title: '<1% errors', kind: 'threshold', operator: '<', target: 1, baseline: 2.5 },
    { id: 'kr3', title: 'x', kind: 'threshold', operator: '=<', target: 1 },
    'operator',
  ],
  [
    'key result: milestone',
    s.keyResult,
    { id: 'kr4', title: 'Ship SSO', kind: 'milestone', current: 'In QA' },
    { id: 'kr4', title: 'x', kind: 'milestone', done: 'yes' },
    'done',
  ],
  [
    'key result: manual',
    s.keyResult,
    { id: 'kr5', title: 'Culture', kind: 'manual', manualGrade: 0.6, rationale: 'Survey up' },
    { id: 'kr5', title: 'x', kind: 'manual', manualGrade: 0.6 },
    'rationale',
  ],
  [
    'key result: compound',
    s.keyResult,
    {
      id: 'kr6',
      title: 'Churn and expansion',
      kind: 'compound',
      combine: 'min',
      parts: [
        { id: 'a', title: 'a', kind: 'threshold', operator: '<=', target: 1.5 },
        { id: 'b', title: 'b', kind: 'threshold', operator: '>=', target: 12 },
      ],
    },
    { id: 'kr6', title: 'x', kind: 'compound', parts: [{ id: 'a', title: 'a', kind: 'count', target: 2 }] },
    'parts',
  ],
  [
    'key result: redacted',
    s.keyResult,
    { id: 'kr7', title: '${n1} IARR', kind: 'redacted', values: ['n1'] },
    { id: 'kr7', title: 'x', kind: 'redacted', values: 'n1' },
    'values',
  ],
  [
    'check-in',
    s.checkin,
    { date: '2025-02-01', value: 14.5, status: 'yellow', blockers: ['Legal review'] },
    { date: '2025-02-30', value: 14.5 },
    'date',
  ],
  ['initiative', s.initiative, { title: 'CRM Sync v2', team: 'integration' }, { title: '', team: 'integration' }, 'title'],
  ['dependency', s.dependency, { on: 'o3', risk: 'high', mitigation: 'Weekly sync' }, { risk: 'high' }, ''],
  ['risk', s.risk, { title: 'SAML complexity', likelihood: 'low', impact: 'high' }, { title: 'x', likelihood: 'maybe' }, 'likelihood'],
  [
    'KPI',
    s.kpi,
    { id: 'uptime', name: 'Uptime', metric: 'Uptime', target: '>99.9%' },
    { id: 'uptime', name: 'Uptime', target: '>99.9%' },
    'metric',
  ],
  [
    'KPI group',
    s.kpiGroupFile,
    { id: 'tech', name: 'Tech', kpis: [{ id: 'uptime', name: 'Uptime', metric: 'Uptime', target: '>99.9%' }] },
    { id: 'tech', name: 'Tech', kpis: [] },
    'kpis',
  ],
  [
    'decision receipt',
    s.decisionReceipt,
    {
      id: 'q1-okrs',
      scope: 'okrs',
      period: '2027-Q1',
      decision: 'Approve Q1 OKRs',
      approvers: ['CEO'],
      decidedAt: '2026-12-15',
      root: 'a'.repeat(64),
    },
    { id: 'q1-okrs', scope: 'okrs', period: '2027-Q1', decision: 'x', approvers: ['CEO'], decidedAt: '2026-12-15', root: 'xyz' },
    'root',
  ],
  ['guide page', s.guide, { title: 'Grading scale', order: 2 }, { description: 'no title' }, 'title'],
  [
    'okr file',
    s.okrFile,
    { period: '2025-Q1', team: 'company', objectives: [{ id: 'o1', title: 'x', keyResults: [] }] },
    { period: '2025-Q1', team: 'company', objectives: [] },
    'objectives',
  ],
];

describe('schemas: one valid and one invalid example per entity', () => {
  it.each(cases)('%s', (_name, schema, valid, invalid, field) => {
    const ok = schema.safeParse(valid);
    expect(ok.success, JSON.stringify(ok.error?.issues)).toBe(true);
    const bad = schema.safeParse(invalid);
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toContain(field);
  });

  it('rejects unknown fields so typos are caught', () => {
    const r = s.keyResult.safeParse({ ...metric, tagret: 20 });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.code).toBe('unrecognized_keys');
  });

  it('fills defaults: default grading bands red < 0.4 ≤ yellow < 0.7 ≤ green', () => {
    const org = s.org.parse({ name: 'Acme' });
    expect(org.grading.bands.map((b) => [b.id, b.min])).toEqual([
      ['red', 0],
      ['yellow', 0.4],
      ['green', 0.7],
    ]);
    expect(org.defaultClassification).toBe('internal');
  });

  it('expresses a four-band scoring guide (failed, short, delivered, hit)', () => {
    const org = s.org.parse({
      name: 'NexusFlow',
      grading: {
        bands: [
          { id: 'failed', label: 'We failed to make real progress', min: 0, status: 'red' },
          { id: 'short', label: 'We made progress but fell short', min: 0.4, status: 'yellow' },
          { id: 'delivered', label: 'We delivered (target zone)', min: 0.7, status: 'green' },
          { id: 'hit', label: 'We hit 100% — was the goal ambitious enough?', min: 1, status: 'green' },
        ],
      },
    });
    expect(org.grading.bands).toHaveLength(4);
  });
});
