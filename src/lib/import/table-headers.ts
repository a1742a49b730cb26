// The header vocabulary of key-result tables: which words name which column, in each language a
// document may be written in (English, Chinese, Japanese, Spanish, Portuguese, French, German), and
// the words of a cell that says nothing or states an outcome.
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

type Words = Partial<Record<HeaderField, readonly string[]>>;

/**
 * The header words of each field by language, compared without case, spaces, "(…)" remarks or
 * emphasis. `kr` names a column that holds a key result's label, its text, or both ("KR1.1 Installs");
 * `title` one that holds its text. Words meaning both "objective" and "target" are in OBJECTIVE_OR_TARGET.
 */
const VOCABULARY: Readonly<Record<string, Words>> = {
  en: {
    id: ['#', 'no', 'no.', 'id', 'kr #', 'kr id', 'ref'],
    kr: ['kr'],
    title: ['key result', 'key results', 'krs', 'result', 'title', 'description', 'key result description', 'metric', 'measure'],
    objective: ['objective', 'objectives', 'o', 'obj', 'obj.'],
    baseline: ['baseline', 'start', 'starting', 'starting value', 'starting point', 'from', 'previous', 'initial'],
    target: ['target', 'to', 'target value'],
    current: ['current', 'actual', 'now', 'progress', 'latest', 'current value', 'achieved'],
    grade: ['grade', 'score', 'scoring'],
    status: ['status', 'rag', 'health', 'state'],
    owner: ['owner', 'owners', 'dri', 'responsible', 'lead', 'accountable', 'assignee', 'assignees', 'assigned to'],
    confidence: ['confidence'],
    weight: ['weight'],
    unit: ['unit', 'units'],
    due: ['due', 'deadline', 'timeline', 'by', 'eta', 'when', 'due date'],
    measurement: ['measurement', 'how measured', 'measured by', 'source', 'data source', 'means of verification'],
    notes: ['note', 'notes', 'comment', 'comments', 'remarks'],
    // The key result of a parent objective a row serves ("Parent KR | KR1.3"): kept in the note.
    parent: ['parent', 'parent kr', 'parent okr', 'contributes to', 'supports', 'aligned to', 'aligns with'],
  },
  // Chinese, simplified and traditional.
  zh: {
    id: ['序号', '编号', '序號', '編號'],
    kr: ['子 okr', 'kr 编号'],
    title: ['关键结果', '关键成果', '描述', '指标', '關鍵結果', '關鍵成果', '指標'],
    objective: ['目的'],
    baseline: ['基线', '起点', '初始值', '基線', '起點'],
    target: ['目标值', '目標值'],
    current: ['当前', '当前值', '现状', '实际', '进度', '當前', '現狀', '實際', '進度'],
    grade: ['评分', '得分', '評分'],
    status: ['状态', '狀態'],
    owner: ['负责人', '负责', '負責人', '負責'],
    confidence: ['信心'],
    weight: ['权重', '權重'],
    unit: ['单位', '單位'],
    due: ['期限', '截止', '截止日期', '截止时间', '截止時間'],
    measurement: ['衡量方式'],
    notes: ['备注', '说明', '備註', '說明'],
    parent: ['对应总 kr', '对应 kr', '对应总 okr', '上级 kr', '對應總 kr', '對應 kr'],
  },
  ja: {
    title: ['主要な結果', '成果指標', 'キーリザルト'],
    current: ['現状', '現在', '進捗', '実績'],
    baseline: ['基準', '基準値', 'ベースライン'],
    status: ['ステータス', '状態', '状況'],
    owner: ['担当', '担当者', '責任者'],
    due: ['期日', '締め切り'],
    notes: ['備考', 'メモ'],
  },
  es: {
    title: ['resultado clave', 'resultados clave', 'descripción', 'indicador'],
    objective: ['objetivo', 'objetivos'],
    baseline: ['línea base', 'valor inicial'],
    target: ['meta', 'valor objetivo'],
    current: ['progreso', 'avance', 'valor actual'],
    status: ['estado'],
    owner: ['responsable'],
    due: ['fecha límite', 'plazo'],
    notes: ['notas', 'comentarios'],
  },
  pt: {
    title: ['resultado-chave', 'resultados-chave', 'resultado chave', 'resultados chave', 'descrição'],
    baseline: ['linha de base'],
    current: ['atual', 'progresso'],
    status: ['situação'],
    owner: ['responsável'],
    due: ['prazo'],
    notes: ['observações'],
  },
  fr: {
    title: ['résultat clé', 'résultats clés', 'indicateur'],
    objective: ['objectif', 'objectifs'],
    baseline: ['référence', 'valeur initiale'],
    target: ['cible', 'valeur cible'],
    current: ['actuel', 'avancement', 'progrès'],
    status: ['statut', 'état'],
    due: ['échéance', 'date limite'],
    notes: ['remarques', 'commentaires'],
  },
  de: {
    title: ['schlüsselergebnis', 'schlüsselergebnisse', 'beschreibung', 'kennzahl'],
    baseline: ['ausgangswert'],
    target: ['zielwert'],
    current: ['aktuell', 'ist', 'ist-wert', 'fortschritt'],
    owner: ['verantwortlich'],
    due: ['frist', 'fällig'],
    notes: ['anmerkungen', 'bemerkungen'],
  },
};

/**
 * Words that mean both "objective" and "target" ("Goal", 目标, 目標, Ziel): the objective column when
 * the table's first column is one and a key-result column follows it, else the target.
 */
export const OBJECTIVE_OR_TARGET: readonly string[] = ['goal', '目标', '目標', 'ziel'];

/** Every language's words for each field; the words meaning objective or target count as the target. */
export const HEADER_WORDS: Readonly<Record<HeaderField, readonly string[]>> = (() => {
  const out = {} as Record<HeaderField, string[]>;
  for (const words of Object.values(VOCABULARY))
    for (const [f, list] of Object.entries(words) as [HeaderField, readonly string[]][]) (out[f] ??= []).push(...list);
  out.target.push(...OBJECTIVE_OR_TARGET);
  return out;
})();

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
    // "Objectives - Media Committee": the objective column, named with the group it is for.
    const named = keys.findIndex((k) => KEYS.objective.has(k) || KEYS.objective.has(k.split(/[-–—:]/)[0]!));
    if (named >= 0) return named;
    return objectiveFirst(keys) ? 0 : -1;
  }
  const exact = keys.findIndex((k, i) => KEYS[field].has(k) && !(i === 0 && field === 'target' && objectiveFirst(keys)));
  return exact >= 0 || !QUALIFIED.has(field) ? exact : qualifiedColumn(headers, field);
}

/** Fields a header may name with a qualifier before the word ("Final Score", "KR Owner", "Current Status"). */
const QUALIFIED: ReadonlySet<HeaderField> = new Set(['baseline', 'target', 'current', 'grade', 'status', 'owner', 'confidence', 'notes']);
/** Qualifiers of the score that closes a period, preferred over a mid-period or projected one. */
const FINAL = /^(?:final|end|end-of-quarter|eoq|closing|last)$/;
/** The words that may qualify a field's word: when it is measured, or of what ("KR Owner"). */
const QUALIFIER =
  /^(?:final|end|end-of-quarter|eoq|closing|last|mid|midpoint|q|quarter|midterm|projected|expected|initial|q[1-4]|h[12]|kr|okr|current|overall|self)$/;

/**
 * "Midpoint Score | Expected Score | Final Score": a header whose last word names the field after words that
 * say when or of what (not "Parent Goal", "Business Owner"), the final one where several do. Words of two
 * letters or less ("to", "by") are never the field's: too common.
 */
function qualifiedColumn(headers: readonly string[], field: HeaderField): number {
  const found: { i: number; final: boolean }[] = [];
  headers.forEach((h, i) => {
    const words = h
      .split(/[\s\-–—/]+/)
      .map(headerKey)
      .filter(Boolean);
    const last = words.at(-1) ?? '';
    const qualifiers = words.slice(0, -1);
    if (qualifiers.length && last.length > 2 && KEYS[field].has(last) && qualifiers.every((w) => QUALIFIER.test(w)))
      found.push({ i, final: qualifiers.some((w) => FINAL.test(w)) });
  });
  return (found.find((f) => f.final) ?? found.at(-1))?.i ?? -1;
}

/** "Goal | Key result | …", "目标 | 关键结果 | …": the first column names the objective. */
function objectiveFirst(keys: readonly string[]): boolean {
  return AMBIGUOUS.has(keys[0] ?? '') && keys.slice(1).some((k) => KEYS.title.has(k) || KEYS.kr.has(k));
}

/** Cells that state nothing: "-", "n/a", "TBD", "unknown", 未知. */
export const NOTHING = /^(?:[-–—]+|n\/?a|tbd|unknown|未知|无|待定|暂无|不明|未定)$/i;

/**
 * Outcome words of a status cell in a retrospective ("**Met** (PR #24)", "Not met", 已完成): their
 * colour, read as a guess. Words here are those a status colour list does not already know.
 */
export const OUTCOME_WORDS: readonly [RegExp, 'green' | 'yellow' | 'red'][] = [
  [/^(?:met|exceeded|hit|delivered|merged|已完成|完成|已达成|达成|完了|達成|cumplido|logrado|atteint|erreicht)$/i, 'green'],
  [/^(?:partially met|partly met|partial|部分完成|部分达成|一部達成)$/i, 'yellow'],
  [/^(?:not met|unmet|dropped|未完成|未达成|未達|no cumplido|non atteint|nicht erreicht)$/i, 'red'],
];
