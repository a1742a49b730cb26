// The smallest and largest number of a list of any length. Math.min(...xs) passes each item as an
// argument and overflows the stack past ~100,000 items (a key result with that many check-ins).

/** The smallest of `xs`; Infinity for none, NaN when one is NaN (as Math.min). */
export function minOf(xs: Iterable<number>): number {
  let m = Infinity;
  for (const x of xs) m = Math.min(m, x);
  return m;
}

/** The largest of `xs`; -Infinity for none, NaN when one is NaN (as Math.max). */
export function maxOf(xs: Iterable<number>): number {
  let m = -Infinity;
  for (const x of xs) m = Math.max(m, x);
  return m;
}
