// Parse one YAML text keeping positions, so any field path can be turned back into line:column.
//
// Two parsers, one authority. `yaml` explains every syntax error and knows every node, but parses a
// few MB/s; js-yaml is about ten times faster and agrees with it on the YAML 1.2 core schema. Files
// without tags or directives are read with js-yaml, and the positions of their problems come from
// js-yaml's event stream (./yaml-positions.ts). Whatever js-yaml refuses — syntax errors, duplicate
// keys, aliases — and every file with tags or directives goes to `yaml`, so error messages and alias
// limits are always `yaml`'s; only nesting too deep is js-yaml's to report (see MAX_DEPTH). test/unit/yaml-source.test.ts checks that both read and locate alike.
import { constructFromEvents, CORE_SCHEMA, parseEvents, type Event } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { formatPath, type ContentIssue } from '../errors.ts';
import { constructPlain } from './yaml-construct.ts';
import { linePos, lineStarts, nodeOffsets, offsetsFromEvents, pathKey, type NodeOffsets } from './yaml-positions.ts';

/** Where a YAML text came from; `doc`, `lc` and `offsets` are computed on first use. */
export class YamlSource {
  file: string;
  text: string;
  /** Lines before the YAML text in its file (front matter starts after the opening ---). */
  lineOffset: number;
  /** Positions down to SHALLOW_DEPTH, kept from the first read (absent when `yaml` read the file). */
  shallow: NodeOffsets | undefined;
  #doc: Document | undefined;
  #lc: LineCounter | undefined;
  #offsets: NodeOffsets | null | undefined;
  #lines: number[] | undefined;

  constructor(file: string, text: string, lineOffset: number) {
    this.file = file;
    this.text = text;
    this.lineOffset = lineOffset;
  }

  /** A source whose text was already read elsewhere (a worker thread), with its shallow index. */
  static from(file: string, text: string, shallow: NodeOffsets | undefined): YamlSource {
    const source = new YamlSource(file, text, 0);
    source.shallow = shallow;
    return source;
  }

  get doc(): Document {
    if (!this.#doc) {
      this.#lc = new LineCounter();
      this.#doc = parseDocument(this.text, {
        lineCounter: this.#lc,
        uniqueKeys: true,
        prettyErrors: false,
        version: '1.2',
        intAsBigInt: false,
      });
    }
    return this.#doc;
  }

  get lc(): LineCounter {
    void this.doc;
    return this.#lc!;
  }

  /** Node offsets from js-yaml's events (null when js-yaml cannot read the text: then `doc` is used). */
  get offsets(): NodeOffsets | null {
    if (this.#offsets === undefined) this.#offsets = nodeOffsets(this.text) ?? null;
    return this.#offsets;
  }

  position(offset: number): Position {
    const p = linePos((this.#lines ??= lineStarts(this.text)), offset);
    return { line: p.line + this.lineOffset, column: p.col };
  }
}

export interface Position {
  line: number;
  column: number;
}

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

/** How deep the index kept for every file reaches: an objective's own fields (objectives.0.id). */
export const SHALLOW_DEPTH = 3;

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
    const isError = doc.errors.includes(e as never);
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
  if (issues.some((i) => i.severity === 'error')) return { source, issues };
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

function nodeAt(src: YamlSource, path: readonly PropertyKey[]): { node: Node | null; depth: number } {
  let node: unknown = src.doc.contents;
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      if (seg >= node.items.length) break;
      node = node.items[seg];
    } else break;
    depth++;
  }
  return { node: (node as Node) ?? null, depth };
}

/** Position of the value at `path`, or of the deepest ancestor that exists. */
export function positionOf(src: YamlSource, path: readonly PropertyKey[]): Position {
  const offsets = src.shallow && path.length <= SHALLOW_DEPTH ? src.shallow : src.offsets;
  if (offsets) {
    for (let n = path.length; n >= 0; n--) {
      const at = offsets.value.get(pathKey(path.slice(0, n)));
      if (at !== undefined) return src.position(at);
    }
    return src.position(0);
  }
  const { node } = nodeAt(src, path);
  return src.position(node?.range?.[0] ?? 0);
}

/** Position of the key `key` in the mapping at `path` (for "unknown field" errors). */
export function positionOfKey(src: YamlSource, path: readonly PropertyKey[], key: string): Position {
  const offsets = src.shallow && path.length < SHALLOW_DEPTH ? src.shallow : src.offsets;
  if (offsets) {
    const at = offsets.key.get(pathKey([...path, key]));
    return at === undefined ? positionOf(src, path) : src.position(at);
  }
  const { node, depth } = nodeAt(src, path);
  if (depth === path.length && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    const offset = (pair?.key as Node | undefined)?.range?.[0];
    if (offset !== undefined) return src.position(offset);
  }
  return positionOf(src, path);
}

/** Build an issue located at `path` of `src`. */
export function issueAt(
  src: YamlSource,
  path: readonly PropertyKey[],
  message: string,
  hint?: string,
  severity: ContentIssue['severity'] = 'error',
): ContentIssue {
  const pos = positionOf(src, path);
  return { file: src.file, line: pos.line, column: pos.column, path: formatPath(path), message, hint, severity };
}
