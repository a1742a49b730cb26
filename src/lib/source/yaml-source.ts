// Where a value came from: a YAML text that turns any field path back into line:column, and the
// content issue located there. A leaf of src/lib: the loader and the pure modules both import it.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { formatPath, type ContentIssue } from '../errors.ts';
import { linePos, lineStarts, nodeOffsets, pathKey, type NodeOffsets } from './yaml-positions.ts';

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

/** How deep the index kept for every file reaches: an objective's own fields (objectives.0.id). */
export const SHALLOW_DEPTH = 3;

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
