// The fast path's value and shallow positions in one pass over js-yaml's events. For plain content
// this gives exactly what js-yaml's constructFromEvents (CORE_SCHEMA) gives — which is also what
// sanitise() returns for it — together with offsetsFromEvents(…, maxDepth), without walking the
// events twice and the value a third time. Scalars are resolved by js-yaml itself; this only builds
// the objects and lists. Anything unusual (tags, aliases, complex, duplicate or non-ASCII keys,
// a reserved key (`__proto__`, `constructor`, `prototype`), text that is not NFC or not well-formed, numbers sanitise() would report) returns
// undefined, and the caller takes the general route. test/unit/yaml-source.test.ts checks both agree.
import { CORE_SCHEMA, EVENT_ID, getScalarValue, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';
import { child, emptyValueStart, scalarStart, type NodeOffsets } from '../source/yaml-positions.ts';
import { CONTROL_CHARACTER } from '../printable.ts';
import { RESERVED_KEYS } from './reserved-keys.ts';

interface Frame {
  list: unknown[] | undefined;
  map: Record<string, unknown> | undefined;
  /** The collection's path as a pathKey() (meaningful down to the indexed depth). */
  path: string;
  index: number;
  /** In a mapping: the key whose value comes next, and its path segment (the key as written). */
  key: string | undefined;
  segment: string;
}

const NO_RANGE = -1;
/**
 * Each distinct key once as a property name (what Object.keys returns): V8 then stores and looks up
 * properties by it directly, instead of first looking up every freshly sliced copy of the key.
 */
const KEYS = new Map<string, string>();
const NON_ASCII = /[^\x00-\x7f]/;

/** Text that sanitise() returns unchanged and reports nothing about. */
const clean = (s: string) => !CONTROL_CHARACTER.test(s) && (!NON_ASCII.test(s) || (s.isWellFormed() && s.normalize('NFC') === s));

/** What js-yaml's constructor makes of a scalar without a tag. */
function scalarValue(text: string, ev: ScalarEvent): unknown {
  const source = getScalarValue(text, ev);
  return ev.style === SCALAR_STYLE.PLAIN ? CORE_SCHEMA.resolveImplicitScalarTag(source).value : source;
}

/**
 * The first document's value (undefined when there is none) and its positions down to paths of
 * `maxDepth` segments; undefined when the events need the general route.
 */
export function constructPlain(
  text: string,
  events: readonly Event[],
  maxDepth: number,
): { value: unknown; shallow: NodeOffsets } | undefined {
  const value = new Map<string, number>();
  const key = new Map<string, number>();
  // Double-quoted escapes can write non-ASCII text into an ASCII file; nothing else can. (Counting
  // UTF-8 bytes is native and much faster than a regex over the whole text.)
  const ascii = Buffer.byteLength(text, 'utf8') === text.length;
  const frames: Frame[] = [];
  /** Open collections: the depth of the next node. */
  let depth = 0;
  let documents = 0;
  let root: unknown;
  let keyEnd = -1;
  for (const ev of events) {
    let done: unknown;
    if (ev.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1) return undefined;
      continue;
    } else if (ev.type === EVENT_ID.POP) {
      // The document's own end, or a collection's: its value goes to its parent, as js-yaml adds it.
      if (depth === 0) continue;
      const f = frames[--depth]!;
      if (f.key !== undefined) return undefined;
      done = f.map ?? f.list;
    } else if (ev.type === EVENT_ID.ALIAS || ev.tagStart !== NO_RANGE) {
      return undefined;
    } else {
      const top = depth > 0 ? frames[depth - 1]! : undefined;
      if (top?.map && top.key === undefined) {
        // A mapping key: a scalar, as the object-based map stores it.
        if (ev.type !== EVENT_ID.SCALAR) return undefined;
        const written = String(scalarValue(text, ev));
        let k = KEYS.get(written);
        if (k === undefined) KEYS.set(written, (k = Object.keys({ [written]: 0 })[0]!));
        if (RESERVED_KEYS.has(k) || ((!ascii || ev.style === SCALAR_STYLE.DOUBLE_QUOTED) && NON_ASCII.test(k)) || Object.hasOwn(top.map, k))
          return undefined;
        top.key = k;
        keyEnd = ev.valueEnd;
        if (depth <= maxDepth) {
          top.segment = getScalarValue(text, ev);
          key.set(child(top.path, top.segment), scalarStart(text, ev));
        }
        continue;
      }
      let path = '';
      if (depth <= maxDepth) {
        let start = ev.type === EVENT_ID.SCALAR ? scalarStart(text, ev) : ev.start;
        if (start < 0 && top?.map) start = emptyValueStart(text, keyEnd);
        if (top) path = child(top.path, top.map ? top.segment : String(top.index));
        if (start >= 0) value.set(path, start);
      }
      if (top?.list) top.index++;
      if (ev.type === EVENT_ID.SCALAR) {
        done = scalarValue(text, ev);
        if (typeof done === 'string') {
          if (!(ascii && ev.style !== SCALAR_STYLE.DOUBLE_QUOTED) && !clean(done)) return undefined;
        } else if (typeof done === 'number' && (!Number.isFinite(done) || (Number.isInteger(done) && !Number.isSafeInteger(done))))
          return undefined;
      } else {
        // Frames are reused: a file opens thousands of collections but nests only a few deep.
        const f = (frames[depth] ??= { list: undefined, map: undefined, path: '', index: 0, key: undefined, segment: '' });
        f.list = ev.type === EVENT_ID.SEQUENCE ? [] : undefined;
        f.map = ev.type === EVENT_ID.MAPPING ? {} : undefined;
        f.path = path;
        f.index = 0;
        f.key = undefined;
        depth++;
        continue;
      }
    }
    // Add a finished value to its parent.
    const parent = depth > 0 ? frames[depth - 1]! : undefined;
    if (!parent) root = done;
    else if (parent.list) parent.list.push(done);
    else {
      parent.map![parent.key!] = done;
      parent.key = undefined;
    }
  }
  return { value: root, shallow: { value, key } };
}
