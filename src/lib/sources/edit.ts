// Append check-ins to key results in a YAML file's text, changing nothing else: comments, order,
// quoting and blank lines stay byte for byte. The yaml package's Document API finds where each
// list ends; the new items are spliced into the text there, in the list's own indentation. The
// result is parsed again and must equal the old data plus the new check-ins, or nothing is returned.
import { isDeepStrictEqual } from 'node:util';
import { isMap, isSeq, parseDocument, stringify, type Node } from 'yaml';
import type { Checkin } from '../schema/index.ts';

export interface CheckinEdit {
  /** The key result's path in the file, e.g. ['objectives', 0, 'keyResults', 2]. */
  path: (string | number)[];
  checkins: Checkin[];
}

export class EditError extends Error {
  override name = 'EditError';
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
/** The offset just after the line that holds `at - 1` (the end of a node's last line). */
function afterLine(text: string, end: number): number {
  const nl = text.indexOf('\n', Math.max(end - 1, 0));
  return nl === -1 ? text.length : nl + 1;
}
const column = (text: string, at: number) => at - lineStart(text, at);

/** The check-ins as block list items, each line indented by `indent` spaces. */
function blockItems(checkins: Checkin[], indent: number, eol: string): string {
  const pad = ' '.repeat(indent);
  return stringify(checkins, { lineWidth: 0, version: '1.2' })
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join(eol)
    .concat(eol);
}

interface Splice {
  at: number;
  /** Characters replaced (an empty flow list `[]`). */
  remove: number;
  text: string;
}

function spliceFor(text: string, doc: ReturnType<typeof parseDocument>, edit: CheckinEdit, eol: string): Splice {
  const kr = doc.getIn(edit.path, true) as Node | undefined;
  if (!isMap(kr) || !kr.range) throw new EditError(`no key result at ${edit.path.join('.')}`);
  if (kr.flow)
    throw new EditError('the key result is written in flow style ({ … }); write it as a block mapping to let okr pull add check-ins');
  const list = kr.get('checkins', true) as Node | undefined;
  if (list === undefined || list === null || (isSeq(list) && list.flow && list.items.length === 0)) {
    // A new `checkins:` key (or one whose list is `[]`), below the key result's other fields.
    const first = kr.items[0]?.key as Node | undefined;
    if (!first?.range) throw new EditError('the key result has no fields');
    const keyIndent = column(text, first.range[0]);
    if (isSeq(list) && list.range) {
      const items = blockItems(edit.checkins, keyIndent + 2, eol);
      // `checkins: []` becomes `checkins:` and a block list below it.
      let at = list.range[0];
      while (at > 0 && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
      return { at, remove: list.range[1] - at, text: `${eol}${items.trimEnd()}` };
    }
    if (list !== undefined) throw new EditError("the key result's checkins field is not a list");
    const at = afterLine(text, kr.range[1]);
    const lead = at === text.length && !text.endsWith('\n') ? eol : '';
    return { at, remove: 0, text: `${lead}${' '.repeat(keyIndent)}checkins:${eol}${blockItems(edit.checkins, keyIndent + 2, eol)}` };
  }
  if (!isSeq(list) || !list.range) throw new EditError("the key result's checkins field is not a list");
  if (list.flow) {
    // [{ … }, { … }]: add the new items before the closing bracket, in flow style too.
    const close = text.lastIndexOf(']', list.range[1]);
    const flow = edit.checkins.map((c) => stringify(c, { lineWidth: 0, version: '1.2', collectionStyle: 'flow' }).trim());
    return { at: close, remove: 0, text: `, ${flow.join(', ')}` };
  }
  const at = afterLine(text, list.range[1]);
  const lead = at === text.length && !text.endsWith('\n') ? eol : '';
  return { at, remove: 0, text: lead + blockItems(edit.checkins, column(text, list.range[0]), eol) };
}

/** The file's text with the check-ins appended; throws EditError when it cannot be done exactly. */
export function appendCheckins(text: string, edits: readonly CheckinEdit[]): string {
  const doc = parseDocument(text, { version: '1.2' });
  if (doc.errors.length) throw new EditError(`the file does not parse: ${doc.errors[0]!.message}`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const splices = edits.map((e) => spliceFor(text, doc, e, eol)).sort((a, b) => b.at - a.at);
  let out = text;
  for (const s of splices) out = out.slice(0, s.at) + s.text + out.slice(s.at + s.remove);
  verify(doc.toJS(), out, edits);
  return out;
}

/** The edited text must hold exactly the old data plus the new check-ins. */
function verify(before: unknown, after: string, edits: readonly CheckinEdit[]) {
  const parsed = parseDocument(after, { version: '1.2' });
  if (parsed.errors.length) throw new EditError(`the edit would break the file: ${parsed.errors[0]!.message}`);
  const expected = structuredClone(before) as Record<string, unknown>;
  for (const e of edits) {
    let kr: Record<string, unknown> = expected;
    for (const seg of e.path) kr = (kr as Record<string | number, unknown>)[seg] as Record<string, unknown>;
    kr.checkins = [...((kr.checkins as unknown[] | undefined) ?? []), ...e.checkins.map((c) => JSON.parse(JSON.stringify(c)) as unknown)];
  }
  if (!isDeepStrictEqual(parsed.toJS(), expected))
    throw new EditError('the edited file would not read back as the old content plus the new check-ins');
}
