// The header vocabulary of key-result tables: which words name which column, in each language a
// document may be written in, and the words of a cell that says nothing or states an outcome.
// To read another language, add its words to the lists; no rule needs to change. Pure.

/** What a key-result table's column can hold. */
export type HeaderField =
  | 'id'
  | 'kr'
  | 'title'
  | 'objective'
  | 'baseline'
  | 'target'
  | 'current'
  | 'grade'
  | 'status'
  | 'owner'
  | 'confidence'
  | 'weight'
  | 'unit'
  | 'due'
  | 'measurement'
  | 'notes'
  | 'parent';

/**
 * The header words of each field, compared without case, spaces, "(…)" remarks or emphasis.
 * `kr` names a column that holds a key result's label, its text, or both ("KR1.1 Installs");
 * `title` one that holds its text.
 */
export const HEADER_WORDS: Readonly<Record<HeaderField, readonly string[]>> = {
  id: ['#', 'no', 'no.', 'id', 'kr #', 'kr id', 'ref', '序号', '编号'],
  kr: ['kr', '子 okr', 'kr 编号'],
  title: [
    'key result',
    'key results',
    'krs',
    'result',
    'title',
    'description',
    'key result description',
    'metric',
    'measure',
    '关键结果',
    '关键成果',
    '描述',
    '指标',
  ],
  objective: ['objective', 'objectives', '目的'],
  baseline: ['baseline', 'start', 'starting', 'starting value', 'starting point', 'from', 'previous', 'initial', '基线', '起点', '初始值'],
  target: ['target', 'goal', 'to', 'target value', '目标', '目标值'],
  current: ['current', 'actual', 'now', 'progress', 'latest', 'current value', 'achieved', '当前', '当前值', '现状', '实际', '进度'],
  grade: ['grade', 'score', 'scoring', '评分', '得分'],
  status: ['status', 'rag', 'health', 'state', '状态'],
  owner: ['owner', 'dri', 'responsible', 'lead', 'accountable', '负责人', '负责'],
  confidence: ['confidence', '信心'],
  weight: ['weight', '权重'],
  unit: ['unit', 'units', '单位'],
  due: ['due', 'deadline', 'timeline', 'by', 'eta', 'when', 'due date', '期限', '截止', '截止日期', '截止时间'],
  measurement: ['measurement', 'how measured', 'measured by', 'source', 'data source', '衡量方式'],
  notes: ['note', 'notes', 'comment', 'comments', 'remarks', '备注', '说明'],
  /** The key result of a parent objective a row serves ("Parent KR | KR1.3", 对应总 KR): kept in the note. */
  parent: [
    'parent',
    'parent kr',
    'parent okr',
    'contributes to',
    'supports',
    'aligned to',
    'aligns with',
    '对应总 kr',
    '对应 kr',
    '对应总 okr',
    '上级 kr',
  ],
};

/**
 * Words that mean both "objective" and "target" ("Goal", 目标): the objective column when the table's
 * first column is one and a key-result column follows it, else the target.
 */
export const OBJECTIVE_OR_TARGET: readonly string[] = ['goal', '目标'];

/** A header as compared: lower case, without remarks in (…) or （…）, emphasis, a trailing colon or spaces. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/\([^)]*\)|（[^）]*）/g, '')
    .replace(/[*_`]/g, '')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, '');
}

const KEYS = Object.fromEntries(Object.entries(HEADER_WORDS).map(([f, words]) => [f, new Set(words.map(headerKey))])) as Record<
  HeaderField,
  Set<string>
>;
const AMBIGUOUS = new Set(OBJECTIVE_OR_TARGET.map(headerKey));

/** The first column whose header names the field; -1 when none does. */
export function fieldColumn(headers: readonly string[], field: HeaderField): number {
  const keys = headers.map(headerKey);
  if (field === 'objective') {
    const named = keys.findIndex((k) => KEYS.objective.has(k));
    if (named >= 0) return named;
    return objectiveFirst(keys) ? 0 : -1;
  }
  return keys.findIndex((k, i) => KEYS[field].has(k) && !(i === 0 && field === 'target' && objectiveFirst(keys)));
}

/** "Goal | Key result | …", "目标 | 关键结果 | …": the first column names the objective. */
function objectiveFirst(keys: readonly string[]): boolean {
  return AMBIGUOUS.has(keys[0] ?? '') && keys.slice(1).some((k) => KEYS.title.has(k) || KEYS.kr.has(k));
}

/** Cells that state nothing: "-", "n/a", "TBD", "unknown", 未知. */
export const NOTHING = /^(?:[-–—]+|n\/?a|tbd|unknown|未知|无|待定)$/i;

/**
 * Outcome words of a status cell in a retrospective ("**Met** (PR #24)", "Not met", 已完成): their
 * colour, read as a guess. Words here are those a status colour list does not already know.
 */
export const OUTCOME_WORDS: readonly [RegExp, 'green' | 'yellow' | 'red'][] = [
  [/^(?:met|exceeded|hit|delivered|merged|已完成|完成|已达成|达成)$/i, 'green'],
  [/^(?:partially met|partly met|partial|部分完成|部分达成)$/i, 'yellow'],
  [/^(?:not met|unmet|dropped|未完成|未达成)$/i, 'red'],
];
