// Where each node of a YAML text starts, by field path, from js-yaml's event stream: a cheap way to
// point at a field in a file that was read by the fast path (see ./yaml-source.ts), without asking
// the slower `yaml` parser for a whole document.
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';

/** Offsets (0-based, into the text) of values and of mapping keys, by path. */
export interface NodeOffsets {
  value: Map<string, number>;
  key: Map<string, number>;
}

export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');
/** pathKey([...parent, segment]) from pathKey(parent). */
export const child = (parent: string, segment: string) => (parent === '' ? segment : `${parent}\u0000${segment}`);

interface Frame {
  kind: 'map' | 'seq';
  /** The collection's path as a pathKey() ('' past the indexed depth). */
  path: string;
  /** Segments in its path. */
  depth: number;
  index: number;
  /** In a mapping: the key whose value comes next (undefined while a key is expected). */
  pending: string | undefined;
  /** A collection used as a mapping key: its contents have no path. */
  isKey: boolean;
}

const COMPLEX_KEY = '\u0001';

/** Where a scalar starts as `yaml` counts it: at its opening quote, or at a block scalar's | or >. */
export function scalarStart(text: string, ev: ScalarEvent): number {
  if (ev.valueStart < 0) return -1;
  if (ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED) return ev.valueStart - 1;
  if (ev.style === SCALAR_STYLE.LITERAL_BLOCK || ev.style === SCALAR_STYLE.FOLDED_BLOCK)
    return Math.max(text.lastIndexOf('|', ev.valueStart - 1), text.lastIndexOf('>', ev.valueStart - 1));
  return ev.valueStart;
}

/** Index every node of the first document; undefined when js-yaml cannot parse the text. */
export function nodeOffsets(text: string): NodeOffsets | undefined {
  try {
    return offsetsFromEvents(text, parseEvents(text, { maxDepth: 1000 }));
  } catch {
    return undefined;
  }
}

/** A key of a mapping deeper than what is indexed: its name is not needed. */
const UNNAMED = '\u0002';

/**
 * Index the nodes of the first document in `events` (from js-yaml's parseEvents over `text`), down to
 * paths of `maxDepth` segments: the loader keeps a shallow index of every file it reads (most
 * problems are about an objective or a field of it) and indexes a whole file only when asked deeper.
 */
export function offsetsFromEvents(text: string, events: readonly Event[], maxDepth = Infinity): NodeOffsets {
  const value = new Map<string, number>();
  const key = new Map<string, number>();
  const stack: Frame[] = [];
  let documents = 0;
  let keyEnd = -1;
  for (const ev of events) {
    if (ev.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1) break;
      continue;
    }
    if (ev.type === EVENT_ID.POP) {
      const done = stack.pop();
      const parent = stack.at(-1);
      // A finished collection completes its parent's entry: a key (complex) or a value.
      if (done && parent?.kind === 'map') parent.pending = done.isKey ? COMPLEX_KEY : undefined;
      continue;
    }
    const top = stack.at(-1);
    const depth = top ? top.depth + 1 : 0;
    let start = ev.type === EVENT_ID.SCALAR ? scalarStart(text, ev) : ev.type === EVENT_ID.ALIAS ? ev.anchorStart : ev.start;
    if (top?.kind === 'map' && top.pending === undefined) {
      // A mapping key.
      if (ev.type === EVENT_ID.SCALAR) {
        keyEnd = ev.valueEnd;
        if (top.isKey || depth > maxDepth) top.pending = UNNAMED;
        else {
          top.pending = getScalarValue(text, ev);
          key.set(child(top.path, top.pending), start);
        }
      } else if (ev.type === EVENT_ID.ALIAS) top.pending = COMPLEX_KEY;
      else stack.push({ kind: ev.type === EVENT_ID.MAPPING ? 'map' : 'seq', path: '', depth, index: 0, pending: undefined, isKey: true });
      continue;
    }
    const isKey = top?.isKey ?? false;
    const named = !isKey && depth <= maxDepth && !(top?.kind === 'map' && top.pending === COMPLEX_KEY);
    if (start < 0 && top?.kind === 'map') start = emptyValueStart(text, keyEnd);
    const path = !named || !top ? '' : child(top.path, top.kind === 'map' ? top.pending! : String(top.index));
    if (top?.kind === 'seq') top.index++;
    if (named && start >= 0) value.set(path, start);
    if (ev.type === EVENT_ID.MAPPING || ev.type === EVENT_ID.SEQUENCE)
      stack.push({ kind: ev.type === EVENT_ID.MAPPING ? 'map' : 'seq', path, depth, index: 0, pending: undefined, isKey });
    else if (top?.kind === 'map') top.pending = undefined;
  }
  return { value, key };
}

/** An empty value (`key:` and nothing) sits right after its key's colon, as `yaml` counts it. */
export function emptyValueStart(text: string, keyEnd: number): number {
  const colon = keyEnd >= 0 ? text.indexOf(':', keyEnd) : -1;
  return colon >= 0 ? colon + 1 : -1;
}

/** 1-based line and column of an offset, from a table of line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

export function linePos(starts: readonly number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}
