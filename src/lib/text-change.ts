// A long text's change in one line: what the two versions have in common at their start and end is
// cut ("…"), with a few words of it kept around the part that changed, so "A long paragraph … our" →
// "… our #1 priority." shows the edit instead of the same first words twice.

/** The characters of context kept on each side of the changed part. */
const CONTEXT = 16;

export interface TextChange {
  from: string;
  to: string;
}

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The characters a reader sees (grapheme clusters): an emoji or a Thai vowel sign is never cut from its letter. */
const chars = (s: string) => Array.from(GRAPHEMES.segment(s), (g) => g.segment);

function commonPrefix(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The common end, not overlapping the common start of `prefix` characters. */
function commonSuffix(a: readonly string[], b: readonly string[], prefix: number): number {
  let i = 0;
  while (i < a.length - prefix && i < b.length - prefix && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  return i;
}

/** How far context may reach beyond CONTEXT to take in the whole of a word it cuts. */
const WORD = 12;

const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);

/** Where kept context before the change starts: `from`, moved to the start of the word it cuts (back a little, else on up to `limit`). */
function wordStart(c: readonly string[], from: number, limit: number): number {
  if (from === 0) return 0;
  const starts = (i: number) => i === 0 || (isSpace(c[i - 1]) && !isSpace(c[i]));
  for (let i = from; i >= Math.max(0, from - WORD); i--) if (starts(i)) return i;
  for (let i = from; i < limit; i++) if (starts(i)) return i;
  return from;
}

/** Where kept context after the change ends: `to`, moved to the end of the word it cuts (on a little, else back down to `limit`). */
function wordEnd(c: readonly string[], to: number, limit: number): number {
  if (to === c.length) return to;
  const ends = (i: number) => i === c.length || (!isSpace(c[i - 1]) && isSpace(c[i]));
  for (let i = to; i <= Math.min(c.length, to + WORD); i++) if (ends(i)) return i;
  for (let i = to; i > limit; i--) if (ends(i)) return i;
  return to;
}

/** One version's shown part: context, the changed middle cut to `max` characters, context; an ellipsis where text is left out. */
function shown(c: readonly string[], start: number, changeStart: number, changeEnd: number, end: number, max: number): string {
  const middle = changeEnd - changeStart > max ? [...c.slice(changeStart, changeStart + max - 1), '…'] : c.slice(changeStart, changeEnd);
  // "… " where whole words are left out, "…" where a word is cut.
  const before = start === 0 ? '' : isSpace(c[start - 1]) ? '… ' : '…';
  const after = end === c.length ? '' : isSpace(c[end]) ? ' …' : '…';
  return [before, ...c.slice(start, changeStart), ...middle, ...c.slice(changeEnd, end), after].join('');
}

/**
 * The two versions of a text as they are best shown side by side: whole when both are at most `max`
 * characters; else each cut to the part that differs, with up to CONTEXT characters (whole words
 * where possible) of the common start and end around it, and a changed part longer than `max` cut.
 */
export function textChange(from: string, to: string, max = 60): TextChange {
  const a = chars(from);
  const b = chars(to);
  if (a.length <= max && b.length <= max) return { from, to };
  const prefix = commonPrefix(a, b);
  const suffix = commonSuffix(a, b, prefix);
  const side = (c: readonly string[]) => {
    const changeEnd = c.length - suffix;
    const start = wordStart(c, Math.max(0, prefix - CONTEXT), prefix);
    const end = wordEnd(c, Math.min(c.length, changeEnd + CONTEXT), changeEnd);
    return shown(c, start, prefix, changeEnd, end, max);
  };
  return { from: side(a), to: side(b) };
}
