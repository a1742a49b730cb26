// How deep a page of Markdown or MDX could nest, read from its characters before any parser sees
// it: the parser recurses per level and, past a few thousand, crashes the whole process. Three
// measures, each an upper bound of one kind of nesting: block containers opened at the start of a
// line (> quotes, list markers, indentation), tags (<span><span>…) and brackets ({ ( [ — an
// expression's parser recurses on these). A page of prose stays far below MAX_NESTING in each.
import { MAX_NESTING } from './allowlist.ts';

/** A tag's start; an autolink (<https://…>, <a@b.c>) is not one. */
const TAG = /<[A-Za-z][A-Za-z0-9-]*(?![A-Za-z0-9:@.-])/y;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/** The offset where the text first nests deeper than `limit`, or undefined. */
export function tooDeepAt(text: string, limit = MAX_NESTING): number | undefined {
  return linePrefixTooDeep(text, limit) ?? inlineTooDeep(text, limit);
}

/** Containers opened at a line's start: every > and list marker, and each two columns of indentation. */
function linePrefixTooDeep(text: string, limit: number): number | undefined {
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    let depth = 0;
    let columns = 0;
    let i = start;
    while (i < stop) {
      const c = text[i]!;
      if (c === ' ') columns++;
      else if (c === '\t') columns += 4;
      else if (c === '>') depth++;
      else {
        const marker = LIST_MARKER.exec(text.slice(i, Math.min(stop, i + 12)));
        if (!marker) break;
        depth++;
        i += marker[0].length;
        continue;
      }
      i++;
      if (depth + Math.floor(columns / 2) > limit) return i;
    }
    start = stop + 1;
  }
  return undefined;
}

/** Open tags and brackets not yet closed, anywhere in the text (a backslash escapes a bracket). */
function inlineTooDeep(text: string, limit: number): number | undefined {
  let tags = 0;
  let brackets = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === '(' || c === '[' || c === '{') {
      if (++brackets > limit) return i;
    } else if (c === ')' || c === ']' || c === '}') brackets = Math.max(0, brackets - 1);
    else if (c === '<') {
      if (text[i + 1] === '/') tags = Math.max(0, tags - 1);
      else if (isTag(text, i) && ++tags > limit) return i;
    } else if (c === '/' && text[i + 1] === '>') tags = Math.max(0, tags - 1);
  }
  return undefined;
}

function isTag(text: string, at: number): boolean {
  TAG.lastIndex = at;
  return TAG.test(text);
}
