// Parse one YAML text keeping positions, so any field path can be turned back into line:column.
//
// Two parsers, one authority. `yaml` explains every syntax error and knows every node, but parses a
// few MB/s; js-yaml is about ten times faster and agrees with it on the YAML 1.2 core schema. Files
// without tags or directives are read with js-yaml, and the positions of their problems come from
// js-yaml's event stream (../source/yaml-positions.ts). Whatever js-yaml refuses — syntax errors, duplicate
// keys, aliases — and every file with tags or directives goes to `yaml`, so error messages and alias
// limits are always `yaml`'s; only nesting too deep is js-yaml's to report (see MAX_DEPTH).
// test/unit/yaml-source.test.ts checks that both read and locate alike.
import { constructFromEvents, CORE_SCHEMA, parseEvents, type Event } from 'js-yaml';
import type { ContentIssue } from '../errors.ts';
import { offsetsFromEvents, type NodeOffsets } from '../source/yaml-positions.ts';
import { SHALLOW_DEPTH, YamlSource } from '../source/yaml-source.ts';
import { constructPlain } from './yaml-construct.ts';

/**
 * A tag (!) at the start of a token or a directive (%) at the start of a line: leave those to `yaml`,
 * which reads unknown tags differently. Aliases are refused by js-yaml itself (maxAliases: 0), so
 * `yaml` applies its alias limit to them; anchors alone change nothing. The same test as
 * /(?:^|[\s[\]{},])!|^%/m, found with indexOf: that regex tries every position of every file.
 */
function special(text: string): boolean {
  for (let i = text.indexOf('!'); i !== -1; i = text.indexOf('!', i + 1)) if (i === 0 || TAG_BEFORE.test(text[i - 1]!)) return true;
  for (let i = text.indexOf('%'); i !== -1; i = text.indexOf('%', i + 1)) if (i === 0 || LINE_END.test(text[i - 1]!)) return true;
  return false;
}
const TAG_BEFORE = /[\s[\]{},]/;
const LINE_END = /[\n\r\u2028\u2029]/;
const NONE = Symbol('not read by the fast path');

/**
 * js-yaml's events give the value and, from the same pass, the shallow index of positions. `clean`:
 * the value is plain content that sanitise() would return unchanged, without issues.
 */
function fastLoad(text: string): { value: unknown; shallow: NodeOffsets; clean: boolean } | TooDeep | typeof NONE {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (e) {
    return tooDeep(e) ?? NONE;
  }
  if (special(text)) return NONE;
  try {
    const plain = constructPlain(text, events, SHALLOW_DEPTH);
    if (plain) return plain.value === undefined || plain.value === null ? NONE : { ...plain, clean: true };
    const docs = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, maxAliases: 0 });
    const value = docs[0];
    // Empty documents, bare comments and several documents are reported by the slow path.
    if (docs.length !== 1 || value === undefined || value === null) return NONE;
    return { value, shallow: offsetsFromEvents(text, events, SHALLOW_DEPTH), clean: false };
  } catch {
    return NONE;
  }
}

/**
 * Nesting deeper than this is an error, found by js-yaml where it starts. `yaml` recurses once per
 * level and so meets the end of the JavaScript stack at a depth that depends on how deep its
 * caller's stack already is (a worker thread's is smaller): where it would report the problem, and
 * how many times, would not be a function of the text. No content file needs more than ~8 levels.
 */
const MAX_DEPTH = 100;
interface TooDeep {
  tooDeep: number;
}
function tooDeep(e: unknown): TooDeep | undefined {
  const mark = (e as { mark?: { position?: unknown } }).mark;
  return /nesting exceeded maxDepth/.test((e as Error).message) && typeof mark?.position === 'number'
    ? { tooDeep: mark.position }
    : undefined;
}

/**
 * Parse a YAML text: its plain value when it has one, else the problems `yaml` found. `clean`: the
 * value is one sanitise() would return unchanged and without issues, so it need not be walked again.
 */
export function parseYaml(
  file: string,
  text: string,
  lineOffset = 0,
): { source: YamlSource; issues: ContentIssue[]; value?: unknown; clean?: boolean } {
  const source = new YamlSource(file, text, lineOffset);
  const fast = fastLoad(text);
  if (fast !== NONE && 'tooDeep' in fast) {
    const at = source.position(fast.tooDeep);
    return { source, issues: [{ file, ...at, path: '', message: TOO_DEEP_MESSAGE, hint: TOO_DEEP_HINT, severity: 'error' }] };
  }
  if (fast !== NONE) {
    source.shallow = fast.shallow;
    return { source, issues: [], value: fast.value, clean: fast.clean };
  }
  const { doc, lc } = source;
  const issues: ContentIssue[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lc.linePos(e.pos[0]);
    const isError = doc.errors.includes(e);
    const tooDeep = TOO_DEEP.test(e.message);
    issues.push({
      file,
      line: pos.line + lineOffset,
      column: pos.col,
      path: '',
      message: tooDeep ? TOO_DEEP_MESSAGE : `YAML ${isError ? 'syntax error' : 'warning'}: ${firstLine(e.message)}`,
      hint: tooDeep ? TOO_DEEP_HINT : yamlHint(e.code),
      severity: isError ? 'error' : 'warning',
    });
  }
  if (issues.some((issue) => issue.severity === 'error')) return { source, issues };
  try {
    return { source, issues, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    // `yaml` throws when aliases expand past the limit: the "billion laughs" attack, or a runaway copy.
    const at = lc.linePos(doc.contents?.range?.[0] ?? 0);
    issues.push({
      file,
      line: at.line + lineOffset,
      column: at.col,
      path: '',
      message: `YAML aliases expand too far to read safely (${firstLine((e as Error).message)})`,
      hint: 'write the values out instead of repeating them with &anchors and *aliases',
      severity: 'error',
    });
    return { source, issues };
  }
}

/** How `yaml` reports nesting deeper than the JavaScript stack (the parser recurses per level). */
const TOO_DEEP = /Maximum call stack size exceeded/;
const TOO_DEEP_MESSAGE = 'YAML syntax error: the data nests too deeply to read';
const TOO_DEEP_HINT = 'content files need only a few levels of lists and mappings; look for runaway [ or {';

const firstLine = (s: string) => s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each field may appear once per object; remove or rename the second one';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'check the indentation: nested fields are indented by the same number of spaces';
    case 'TAB_AS_INDENT':
      return 'YAML indentation must use spaces, not tabs';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'a value that contains ": " or starts with {, [, *, & or # must be quoted';
    default:
      return 'quote values that contain ": ", " #" or start with {, [, *, &, !, % or @';
  }
}
