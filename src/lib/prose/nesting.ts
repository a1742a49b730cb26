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

/**
 * Open tags and brackets not yet closed, anywhere in the text (a backslash escapes a bracket). A
 * `/>` closes only the opening tag it ends; a tag holding an attribute expression `{…}` counts as
 * open whatever it ends with (the expression may hide its real end).
 */
function inlineTooDeep(text: string, limit: number): number | undefined {
  let tags = 0;
  let brackets = 0;
  const tag = { open: false, quote: '', braces: 0, expression: false };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && !tag.open) {
      i++;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      if (++brackets > limit) return i;
    } else if (c === ')' || c === ']' || c === '}') brackets = Math.max(0, brackets - 1);
    if (tag.open) {
      if (endsTag(tag, c) && !(text[i - 1] === '/' && !tag.expression) && ++tags > limit) return i;
    } else if (c === '<') {
      if (text[i + 1] === '/') tags = Math.max(0, tags - 1);
      else if (text[i + 1] === '>') {
        if (++tags > limit) return i;
      } else if (isTag(text, i)) Object.assign(tag, { open: true, quote: '', braces: 0, expression: false });
    }
  }
  return undefined;
}

/** Follow one character inside an opening tag: its quoted values and attribute expressions; true at its end. */
function endsTag(tag: { open: boolean; quote: string; braces: number; expression: boolean }, c: string): boolean {
  if (tag.quote) {
    if (c === tag.quote) tag.quote = '';
  } else if (c === '"' || c === "'") tag.quote = c;
  else if (c === '{') {
    tag.braces++;
    tag.expression = true;
  } else if (c === '}') tag.braces = Math.max(0, tag.braces - 1);
  else if (c === '>' && tag.braces === 0) tag.open = false;
  return !tag.open;
}

function isTag(text: string, at: number): boolean {
  TAG.lastIndex = at;
  return TAG.test(text);
}

/** Tags a page may hold: the MDX parser's time grows faster than their number (20,000 took over a minute). */
export const MAX_TAGS = 2000;
/**
 * Brackets a page may hold once code begins (an expression `{…}` or an import/export line, refused
 * anyway): the expression parser recurses on each, and quotes and template strings can hide their
 * closing halves from any estimate made without parsing JavaScript.
 */
export const MAX_CODE_BRACKETS = 1000;

/** Where a page first holds more markup than the parser handles in good time, and what; undefined when it does not. */
export function tooMuchMarkupAt(text: string, format: 'md' | 'mdx'): { at: number; what: string } | undefined {
  let tags = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1))
    if ((text[i + 1] === '/' || text[i + 1] === '>' || isTag(text, i)) && ++tags > MAX_TAGS)
      return { at: i, what: `the page holds more than ${MAX_TAGS.toLocaleString('en')} tags` };
  if (format === 'md') return undefined;
  const code = firstCode(text);
  if (code === undefined) return undefined;
  let brackets = 0;
  for (let i = code; i < text.length; i++) {
    const c = text[i]!;
    if ((c === '(' || c === '[' || c === '{') && ++brackets > MAX_CODE_BRACKETS)
      return { at: code, what: `code starts here and is followed by more than ${MAX_CODE_BRACKETS.toLocaleString('en')} brackets` };
  }
  return undefined;
}

/** Where MDX would first read code: an unescaped { or a line starting with import or export. */
function firstCode(text: string): number | undefined {
  let brace = -1;
  for (let i = text.indexOf('{'); i !== -1; i = text.indexOf('{', i + 1)) {
    let slashes = 0;
    while (text[i - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) {
      brace = i;
      break;
    }
  }
  const esm = /^(?:import|export)\b/m.exec(text)?.index ?? -1;
  if (brace < 0 && esm < 0) return undefined;
  return brace < 0 ? esm : esm < 0 ? brace : Math.min(brace, esm);
}
