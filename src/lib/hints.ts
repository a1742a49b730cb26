// "Did you mean …?" in time that grows with the content, not with its square. A reference that names
// nothing is compared with the ids that exist — for thousands of broken references (every person
// renamed) against thousands of ids, that was minutes. Now each distinct word is answered once, only
// ids of a length within reach are compared, each comparison stops as soon as it is out of reach,
// and one set of ids answers at most MAX_COMPARISONS comparisons in all: past that, a hint says
// only how to fix the reference (the problems themselves are all still reported).

/** Comparisons one set of ids answers in a run: far beyond any real mistake, a bound on a mass rename. */
export const MAX_COMPARISONS = 2_000_000;

/** How far a candidate may be for a word to be called a likely misspelling of it. */
export const reach = (word: string) => Math.max(2, Math.floor(word.length / 3));

/** Answers "which id is closest to this word?" for one set of ids, memoised. */
export class Hinter {
  #byLength = new Map<number, { id: string; lower: string; order: number }[]>();
  #memo = new Map<string, string | undefined>();
  #left: number;
  #made = 0;

  constructor(ids: Iterable<string>, budget = MAX_COMPARISONS) {
    let order = 0;
    for (const id of new Set(ids)) {
      const list = this.#byLength.get(id.length) ?? this.#byLength.set(id.length, []).get(id.length)!;
      list.push({ id, lower: id.toLowerCase(), order: order++ });
    }
    this.#left = budget;
  }

  /** How many comparisons it has made so far. */
  get comparisons(): number {
    return this.#made;
  }

  /** The closest id within reach(word); of two as close, the one given first. */
  closest(word: string): string | undefined {
    if (this.#memo.has(word)) return this.#memo.get(word);
    const max = reach(word);
    const lower = word.toLowerCase();
    let best: { id: string; d: number; order: number } | undefined;
    // Nearest lengths first: an id `delta` longer or shorter is at least `delta` away, so the search
    // stops once the best found is nearer than that.
    for (let delta = 0; delta <= max && this.#left > 0 && !(best && best.d < delta); delta++)
      for (const len of delta === 0 ? [word.length] : [word.length - delta, word.length + delta]) {
        for (const c of this.#byLength.get(len) ?? []) {
          if (this.#left-- <= 0) break;
          this.#made++;
          const d = boundedDistance(lower, c.lower, best ? best.d : max);
          if (d !== undefined && (!best || d < best.d || (d === best.d && c.order < best.order))) best = { id: c.id, d, order: c.order };
        }
      }
    const answer = best?.id;
    this.#memo.set(word, answer);
    return answer;
  }
}

/**
 * Levenshtein distance of `a` and `b` when it is at most `max`, else undefined: only cells within
 * `max` of the diagonal are filled, and it stops at the first row that is all beyond `max`.
 */
export function boundedDistance(a: string, b: string, max: number): number | undefined {
  if (Math.abs(a.length - b.length) > max) return undefined;
  if (a === b) return 0;
  const big = max + 1;
  let prev = new Array<number>(b.length + 1);
  let row = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    row.fill(big);
    row[0] = i <= max ? i : big;
    let rowMin = row[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost, big);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return undefined;
    [prev, row] = [row, prev];
  }
  const d = prev[b.length]!;
  return d <= max ? d : undefined;
}
