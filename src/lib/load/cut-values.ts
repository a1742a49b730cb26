// " #" ends a plain YAML value: `description: This is our #1 priority.` keeps "This is our" and
// drops the rest as a comment, silently. A comment glued to its first word (no space after the #)
// right behind a plain text value is almost always such a cut, so `okr check` warns where it starts.
// The values are found in js-yaml's events (as the loader reads them), so block scalars, quoted
// text and keys are never mistaken for one.
import { CORE_SCHEMA, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';
import { formatPath, type ContentIssue } from '../errors.ts';
import { linePos, lineStarts, offsetsFromEvents, scalarStart } from '../source/yaml-positions.ts';

/** Ids and dates, where a glued comment (`id: kr1 #old`) is a comment and quoting would not help. */
const TOKEN = /^[a-z0-9][a-z0-9._-]*$/;

export function cutValues(file: string, text: string, lineOffset = 0): ContentIssue[] {
  if (!text.includes(' #')) return [];
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: 100 });
  } catch {
    return []; // the syntax error is reported by the parser
  }
  const issues: ContentIssue[] = [];
  /** Each value's path by where it starts, built only when a file has a cut value. */
  let paths: Map<number, string> | undefined;
  let starts: number[] | undefined;
  const pathAt = (start: number) => {
    paths ??= new Map([...offsetsFromEvents(text, events).value].map(([key, offset]) => [offset, key]));
    const key = paths.get(start);
    return key === undefined ? '' : formatPath(key.split('\u0000').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg)));
  };
  for (const ev of events) {
    if (ev.type !== EVENT_ID.SCALAR || ev.style !== SCALAR_STYLE.PLAIN || ev.tagStart !== -1) continue;
    const hash = ev.valueEnd + 1;
    if (text[ev.valueEnd] !== ' ' || text[hash] !== '#' || !/\S/.test(text[hash + 1] ?? ' ')) continue;
    const kept = getScalarValue(text, ev);
    if (typeof CORE_SCHEMA.resolveImplicitScalarTag(kept).value !== 'string' || TOKEN.test(kept)) continue;
    const dropped = text.slice(hash + 1, text.indexOf('\n', hash) === -1 ? undefined : text.indexOf('\n', hash)).replace(/\r$/, '');
    const at = linePos((starts ??= lineStarts(text)), hash);
    const path = pathAt(scalarStart(text, ev));
    const field = /(?:^|\.)([^.[\]]+)$/.exec(path)?.[1];
    issues.push({
      file,
      line: at.line + lineOffset,
      column: at.col,
      path,
      message: `${field ? `'${field}'` : 'the value'} ends at "${kept}": " #${dropped}" is read as a YAML comment`,
      hint: `put the whole value in quotes: "${kept} #${dropped}"`,
      severity: 'warning',
    });
  }
  return issues;
}
