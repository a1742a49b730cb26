// Content records → YAML files: the `# yaml-language-server: $schema=…` line first, keys in the
// order the content model documents them, nothing that depends on the clock or the machine.
import { stringify } from 'yaml';
import type { ContentSet } from './assemble/index.ts';

type Rec = Record<string, unknown>;

/** Field order per record kind; fields not listed follow in alphabetical order. */
const ORDER: Record<string, string[]> = {
  org: ['name', 'description', 'fiscalYear', 'grading', 'defaultClassification', 'pillars', 'stageGates', 'redactions'],
  team: ['id', 'name', 'parent', 'lead', 'description'],
  person: ['id', 'name', 'title', 'team'],
  period: [
    'id',
    'kind',
    'name',
    'start',
    'end',
    'theme',
    'summary',
    'checkinCadence',
    'checkinDay',
    'checkins',
    'midReview',
    'gradingDate',
    'lockDate',
    'approvers',
    'classification',
    'risks',
    'dependencies',
    'receiptsRequired',
    'changeLog',
    'source',
  ],
  objective: [
    'id',
    'title',
    'description',
    'owner',
    'ownerRole',
    'dri',
    'priority',
    'type',
    'typeNote',
    'confidence',
    'confidenceNote',
    'declared',
    'pillar',
    'stageGate',
    'parent',
    'contributes',
    'initiatives',
    'dependencies',
    'risks',
    'keyResults',
  ],
  kr: [
    'id',
    'title',
    'kind',
    'operator',
    'combine',
    'baseline',
    'start',
    'target',
    'unit',
    'parts',
    'values',
    'done',
    'current',
    'asOf',
    'labels',
    'declared',
    'owner',
    'measurement',
    'timeline',
    'note',
    'weight',
    'checkins',
  ],
  part: ['id', 'title', 'kind', 'operator', 'baseline', 'target', 'unit', 'current', 'labels'],
  checkin: ['date', 'value', 'status', 'statusNote', 'confidence', 'note', 'blockers', 'asks', 'risks', 'mitigations', 'decisions'],
  kpiGroup: ['id', 'name', 'section', 'order', 'description', 'kpis'],
  kpi: ['id', 'name', 'category', 'metric', 'target', 'measurement', 'frequency', 'owner'],
  declared: ['grade', 'status', 'statusNote'],
  labels: ['baseline', 'target', 'current'],
  dependency: ['kr', 'on', 'team', 'description', 'risk', 'riskNote', 'mitigation'],
  risk: ['id', 'title', 'likelihood', 'impact', 'mitigation', 'owner'],
  initiative: ['title', 'team', 'owner', 'status', 'link'],
  file: ['period', 'team', 'teams', 'people', 'objectives'],
  scheduled: ['date', 'type', 'focus'],
  change: ['date', 'author', 'change'],
  band: ['id', 'label', 'min', 'status', 'meaning'],
  fiscalYear: ['startMonth', 'naming'],
  gate: ['id', 'name', 'description'],
  redaction: ['id', 'label', 'link'],
};

/** Which ORDER applies to the records under a key. */
const CHILD: Record<string, string> = {
  objectives: 'objective',
  keyResults: 'kr',
  parts: 'part',
  checkins: 'checkin',
  kpis: 'kpi',
  declared: 'declared',
  labels: 'labels',
  dependencies: 'dependency',
  risks: 'risk',
  initiatives: 'initiative',
  teams: 'team',
  people: 'person',
  changeLog: 'change',
  bands: 'band',
  fiscalYear: 'fiscalYear',
  pillars: 'gate',
  stageGates: 'gate',
  redactions: 'redaction',
};

function ordered(value: unknown, kind: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, kind));
  if (!value || typeof value !== 'object') return value;
  const rec = value as Rec;
  const order = (kind && ORDER[kind]) || [];
  const keys = [
    ...order.filter((k) => k in rec),
    ...Object.keys(rec)
      .filter((k) => !order.includes(k))
      .sort(),
  ];
  const out: Rec = {};
  for (const k of keys) {
    const v = rec[k];
    if (v === undefined) continue;
    out[k] = ordered(v, kind === 'period' && k === 'checkins' ? 'scheduled' : CHILD[k]);
  }
  return out;
}

function yamlFile(schema: string, depth: number, schemaDir: string, header: string[], body: unknown, kind: string): string {
  const prefix = '../'.repeat(depth);
  const lines = [
    `# yaml-language-server: $schema=${prefix}${schemaDir.replace(/\/$/, '')}/${schema}.schema.json`,
    ...header.map((h) => `# ${h}`),
  ];
  const text = stringify(ordered(body, kind), { lineWidth: 0, version: '1.2', indentSeq: true, aliasDuplicateObjects: false });
  return `${lines.join('\n')}\n${text.endsWith('\n') ? text : `${text}\n`}`;
}

/** Every file of the content directory, by path relative to it. */
export function emitContent(content: ContentSet, schemaDir = '../public/schema'): Map<string, string> {
  const files = new Map<string, string>();
  const header = [`Imported by \`okr import\` from ${content.sources.join(', ')}.`];
  files.set('org.yaml', yamlFile('org', 0, schemaDir, header, content.org, 'org'));
  files.set('teams.yaml', yamlFile('teams', 0, schemaDir, header, { teams: content.teams }, 'file'));
  files.set('people.yaml', yamlFile('people', 0, schemaDir, header, { people: content.people }, 'file'));
  for (const p of content.periods) files.set(`periods/${p.id as string}.yaml`, yamlFile('period', 1, schemaDir, header, p, 'period'));
  for (const f of content.okrFiles)
    files.set(
      `okrs/${f.period}/${f.team}.yaml`,
      yamlFile('okr-file', 2, schemaDir, header, { period: f.period, team: f.team, objectives: f.objectives }, 'file'),
    );
  for (const g of content.kpiGroups) files.set(`kpis/${g.id as string}.yaml`, yamlFile('kpi-group', 1, schemaDir, header, g, 'kpiGroup'));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
