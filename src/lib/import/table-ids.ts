// Key-result ids in table cells: a cell that is only an id ("**KR 1**", "M1.1", "A1."), or an id
// before a short name ("KR1.1 Soft disclosure shipped", "A1. 搜索响应准确率"). Pure.

/** An id as written: "KR 1", "KR-2", "KR1.1", "M1.1", "A1", "#3", "1.2". Upper-case letters only, so words are not ids. */
const ID = String.raw`(?:[Kk][Rr]\s*[-#]?\s*\d+(?:\.\d+)*|\p{Lu}{1,2}\d+(?:\.\d+)*|#?\d+(?:\.\d+)*)`;
const ID_ONLY = new RegExp(String.raw`^(${ID})[.):]?$`, 'u');
const ID_NAME = new RegExp(String.raw`^(${ID})(\s*[:.)\-–—]\s*|\s+)(\S.*)$`, 'su');

const isKr = (id: string) => /^kr/i.test(id);
const isNumber = (id: string) => /^#?\d/.test(id);

/** The label an id gives a key result: "KR1.1" for a KR or a bare number, else the id as written ("M1.1"). */
export function idLabel(id: string): string {
  const compact = id.replace(/\s+/g, '');
  const n = /^(?:kr[-#]?|#)?(\d+(?:\.\d+)*)$/i.exec(compact);
  return n ? `KR${n[1]}` : compact;
}

/** A cell that is only an id: its label. */
export function idOnly(text: string): string | undefined {
  const m = ID_ONLY.exec(text.trim());
  return m ? idLabel(m[1]!) : undefined;
}

/**
 * An id before a name: its label and the name. A KR id is always read so ("KR2: …", "KR1.1 Installs");
 * other ids only when `anyId` (the whole column is written so), and a bare number only before
 * punctuation ("1. Name", not "100 users").
 */
export function idAndName(text: string, anyId: boolean): { label: string; name: string } | undefined {
  const m = ID_NAME.exec(text.trim());
  if (!m) return undefined;
  const [, id, sep, name] = m as unknown as [string, string, string, string];
  if (!isKr(id) && !anyId) return undefined;
  if (isNumber(id) && !sep.trim()) return undefined;
  return { label: idLabel(id), name: name.trim() };
}

/**
 * How a key-result column is written, over all its non-empty cells: only ids ("KR 1", "M1.1"), or
 * each an id before a name ("A1. Search accuracy"). A shape of the whole column, so one odd cell
 * ("Q3 revenue") does not make an id.
 */
export function idColumnShape(cells: readonly string[]): 'ids' | 'ids and names' | undefined {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (!filled.length) return undefined;
  if (filled.every((c) => idOnly(c) !== undefined)) return 'ids';
  if (filled.every((c) => idOnly(c) !== undefined || idAndName(c, true) !== undefined)) return 'ids and names';
  return undefined;
}
