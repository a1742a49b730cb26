// Parse one YAML text keeping positions, so any field path can be turned back into line:column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { formatPath, type ContentIssue } from '../errors.ts';

export interface YamlSource {
  file: string;
  doc: Document;
  lc: LineCounter;
  /** Lines before the YAML text in its file (front matter starts after the opening ---). */
  lineOffset: number;
}

export interface Position {
  line: number;
  column: number;
}

export function parseYaml(file: string, text: string, lineOffset = 0): { source: YamlSource; issues: ContentIssue[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false, version: '1.2', intAsBigInt: false });
  const source: YamlSource = { file, doc, lc, lineOffset };
  const issues: ContentIssue[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lc.linePos(e.pos[0]);
    issues.push({
      file,
      line: pos.line + lineOffset,
      column: pos.col,
      path: '',
      message: `YAML ${doc.errors.includes(e as never) ? 'syntax error' : 'warning'}: ${firstLine(e.message)}`,
      hint: yamlHint(e.code),
      severity: doc.errors.includes(e as never) ? 'error' : 'warning',
    });
  }
  return { source, issues };
}

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
  const { node } = nodeAt(src, path);
  const offset = node?.range?.[0] ?? 0;
  const p = src.lc.linePos(offset);
  return { line: p.line + src.lineOffset, column: p.col };
}

/** Position of the key `key` in the mapping at `path` (for "unknown field" errors). */
export function positionOfKey(src: YamlSource, path: readonly PropertyKey[], key: string): Position {
  const { node, depth } = nodeAt(src, path);
  if (depth === path.length && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    const offset = (pair?.key as Node | undefined)?.range?.[0];
    if (offset !== undefined) {
      const p = src.lc.linePos(offset);
      return { line: p.line + src.lineOffset, column: p.col };
    }
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
