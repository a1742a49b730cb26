// Records the importer reads out of documents, before they become content files. Each record keeps
// where it came from (file and line) so the report can point at it.
import type { Priority, StatusColour, Value } from './values.ts';

export interface Where {
  file: string;
  line: number;
  endLine?: number;
}

/**
 * One line of the import report.
 * - unmapped: content the importer read but could not place in the content model (nothing is dropped silently)
 * - guess: a value the importer inferred (kind, direction, unit, period, year, status from words, …)
 * - repair: text the importer changed before reading it (mojibake, BOM, line endings)
 * - note: what was mapped where, when that is not obvious
 * - placed: source lines that became a record or a field (not printed: the per-document summary
 *   counts them, and a candidate line neither placed nor reported is reported as not read)
 */
export interface ReportEntry extends Where {
  kind: 'unmapped' | 'guess' | 'repair' | 'note' | 'placed';
  message: string;
  excerpt?: string;
}

export type Report = (entry: ReportEntry) => void;

export interface Declared {
  grade?: number;
  status?: StatusColour;
  statusNote?: string;
}

/** A key result as read: the raw values of its cells or prose, not yet given a kind. */
export interface KrDraft {
  where: Where;
  /** The document's own label ("KR1", "kr_1_market_share"), if any. */
  label?: string;
  title: string;
  baseline?: Value;
  target?: Value;
  current?: Value;
  /** "Current (as of 2025-02-01)": the date the current value was read. */
  currentDate?: string;
  /** Read from the title when no target column exists (bullet KRs, YAML KRs whose target is prose). */
  fromTitle: boolean;
  /** The prose to read measures from when it is not the title (a YAML KR's `target` sentence). */
  measureText?: string;
  /** Target text when the key result turns out to be a milestone (default: the schema's "Shipped"). */
  milestoneTarget?: string;
  declared?: Declared;
  owner?: string;
  unit?: string;
  weight?: number;
  measurement?: string;
  timeline?: string;
  note?: string;
  confidence?: number;
  /** Redaction ids used in the title ({n1} tokens). */
  redactions: string[];
  /** Notes, blockers, asks … from a check-in block ("Example Check-in"). */
  checkin?: CheckinExtras;
  /** What the document says came of it, after "=>" or "-->": an outcome or a score, never the target. */
  outcome?: string;
}

export interface CheckinExtras {
  note?: string;
  status?: StatusColour;
  statusNote?: string;
  blockers?: string[];
  asks?: string[];
  risks?: string[];
  mitigations?: string[];
  decisions?: string[];
}

export interface InitiativeDraft {
  title: string;
  /** Team name as written ("Integration Team", "CS Team"). */
  team?: string;
  owner?: string;
  status?: 'planned' | 'in-progress' | 'done' | 'dropped';
  link?: string;
}

export interface DependencyDraft {
  where: Where;
  /** Text naming the dependent KR ("Sales: 15 enterprise deals"), resolved against KR titles. */
  dependent?: string;
  /** What is depended on, as written ("O3 (Activation)", "Integration team", "Product: SSO, RBAC shipped"). */
  on: string;
  risk?: 'low' | 'medium' | 'high';
  riskNote?: string;
  mitigation?: string;
}

export interface RiskDraft {
  title: string;
  likelihood?: 'low' | 'medium' | 'high';
  impact?: 'low' | 'medium' | 'high';
  mitigation?: string;
  owner?: string;
}

export interface PersonRef {
  name: string;
  /** The parenthetical after a name: "(VP Customer Success)", "(Chief Revenue Officer)". */
  role?: string;
}

export interface ObjectiveDraft {
  where: Where;
  /** "O1", "Objective 1", "objective_1_market_leadership". */
  label?: string;
  /** Position among the objectives of its team section (1-based), for "Company Objective 1". */
  ordinal: number;
  title: string;
  description?: string;
  /** Period id from the section the objective sits in (undefined: the document's period). */
  period?: string;
  /** Team name from the section heading (undefined: the default team). */
  team?: string;
  /** A quarter named without its year (a YAML key `Q4:`, `id: Q4`): the document, its path or --period dates it. */
  quarter?: number;
  owner?: PersonRef;
  dri?: PersonRef;
  priority?: Priority;
  type?: 'committed' | 'aspirational';
  typeNote?: string;
  confidence?: number;
  confidenceNote?: string;
  declared?: Declared;
  /** "Ladders up to: Company Objective 1 (Enterprise Acquisition)". */
  parentRef?: { text: string; where: Where };
  /** The objective this one sits under in the document's outline (a nested OKR tree). */
  parentDraft?: ObjectiveDraft;
  /** What the document says came of it, after "=>" ("=> 60.5%"). */
  outcome?: string;
  initiatives: InitiativeDraft[];
  dependencies: DependencyDraft[];
  risks: RiskDraft[];
  keyResults: KrDraft[];
}

export interface BandDraft {
  min: number;
  label: string;
  meaning?: string;
}

export interface PeriodDraft {
  id: string;
  kind: 'quarter' | 'year';
  fiscal: boolean;
  name?: string;
  start?: string;
  end?: string;
  /** Where start/end were stated (for the fiscal calendar). */
  datesWhere?: Where;
  theme?: string;
  summary?: string;
  checkinCadence?: 'weekly' | 'biweekly' | 'monthly';
  checkinDay?: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday';
  checkins: { date: string; type: 'weekly' | 'biweekly' | 'monthly' | 'mid-period' | 'quarterly' | 'final'; focus?: string }[];
  midReview?: string;
  gradingDate?: string;
  approvers?: string[];
  classification?: 'public' | 'internal';
  risks: RiskDraft[];
  dependencies: { description: string }[];
  receiptsRequired: ('okrs' | 'budget' | 'risk-register' | 'stage-gate' | 'kpi-tree')[];
  changeLog: { date: string; author: string; change: string }[];
  source?: string;
}

export interface KpiDraft {
  where: Where;
  key: string;
  category?: string;
  name: string;
  metric: string;
  target: string;
  measurement?: string;
  frequency?: string;
  owner?: string;
}

export interface KpiGroupDraft {
  where: Where;
  key: string;
  name: string;
  section?: string;
  kpis: KpiDraft[];
}

/** A check-in block ("OKR: … / KR1 (…): 🟡 Yellow - …") waiting to be matched to its objective. */
export interface CheckinBlock {
  where: Where;
  objective: string;
  krs: { label: string; where: Where; extras: CheckinExtras; value?: string }[];
}

/** Everything read out of one document. */
export interface DocRecords {
  file: string;
  title?: string;
  /** The title was read from a heading (not only from front matter). */
  titleHeading?: boolean;
  /** The period the document as a whole is about (title, front matter, document control). */
  period?: string;
  /** How the document's period was found, for the report. */
  periodWhere?: Where;
  /** Headings that give examples ("## Examples", "### Sample Objective"): what they hold was reported, not read. */
  exampleHeadings?: number;
  orgName?: string;
  classification?: 'public' | 'internal';
  pillars: string[];
  stageGates: { name: string; description?: string }[];
  bands?: { where: Where; bands: BandDraft[] };
  /** Redaction id → label and private link. */
  redactions: Map<string, { label: string; link?: string }>;
  periods: Map<string, PeriodDraft>;
  objectives: ObjectiveDraft[];
  kpiGroups: KpiGroupDraft[];
  /** Dependency rows that name their dependent OKR by text, resolved once every objective is known. */
  dependencies: DependencyDraft[];
  /** Risk rows outside any objective: the period's risks. */
  checkinBlocks: CheckinBlock[];
  /** Extra words for the period's `source` (document version, owner, last updated). */
  sourceNotes: string[];
}

export interface ImportOptions {
  /** Period for documents that name none, and for the document-level period (section headings naming a quarter still win). */
  period?: string;
  /** Team for objectives outside any team section (default: the company, the root team). */
  team?: string;
  /** Organisation name (default: read from the documents, else "Imported OKRs"). */
  org?: string;
  /** Path from the content root to the JSON Schemas, for the `# yaml-language-server` line. */
  schemaDir?: string;
}

export type KrKindName = 'metric' | 'count' | 'threshold' | 'milestone' | 'manual' | 'compound' | 'redacted';

/** A key result ready to emit (schema field names). */
export type KrRecord = Record<string, unknown> & {
  id: string;
  title: string;
  kind: KrKindName;
  unit?: string;
  /** Values as the document wrote them, beside the numbers read from them. */
  labels?: Record<string, string>;
  declared?: Declared;
};
