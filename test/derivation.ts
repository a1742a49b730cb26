// Derivations evaluated as a reader would: the formula printed beside a grade, recomputed from the
// numbers it prints, so tests can check that the arithmetic lands on the grade shown.

/** A derivation's formula evaluated as a reader would: "0.42 = (14.5 − 12) / (18 − 12)", "mean(a 0.50, b 1.00)", "(3×1.00 + 1×0.20) / 4". */
export function recompute(derivation: string): number | undefined {
  const m = /^\d\.\d\d = (.*)$/.exec(derivation);
  if (!m) return undefined; // "1.00: 50 ≥ 55 holds", "0.60: judged …": the number is the grade itself
  let formula = m[1]!.replace(/ — \d+ of \d+ .* left out$/, '');
  const capped = /capped at 0\.99 because/.test(formula);
  formula = formula.replace(/: progress from the baseline.*$/, '').replace(/ \((−?[\d.]+, )?(exceeded|below start|counted from 0).*$/, '');
  const fn = /^(mean|min)\((.*)\)$/.exec(formula);
  let value: number;
  if (fn) {
    const xs = [...fn[2]!.matchAll(/\S+ (\d+(?:\.\d+)?)/g)].map((x) => Number(x[1]));
    value = fn[1] === 'min' ? Math.min(...xs) : xs.reduce((a, b) => a + b, 0) / xs.length;
  } else value = arithmetic(formula.replace(/−/g, '-').replace(/×/g, '*'));
  value = Math.min(1, Math.max(0, value));
  return capped ? Math.min(value, 0.99) : value;
}

/** + − × / and parentheses over decimal numbers: what derivations are written in. */
function arithmetic(text: string): number {
  const tokens = text.match(/\d+(?:\.\d+)?(?:e[+-]?\d+)?|[-+*/()]/g)!;
  let i = 0;
  const factor = (): number => {
    const t = tokens[i++]!;
    if (t === '(') {
      const v = sum();
      i++;
      return v;
    }
    if (t === '-') return -factor();
    return Number(t);
  };
  const product = (): number => {
    let v = factor();
    while (tokens[i] === '*' || tokens[i] === '/') v = tokens[i++] === '*' ? v * factor() : v / factor();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === '+' || tokens[i] === '-') v = tokens[i++] === '+' ? v + product() : v - product();
    return v;
  };
  return sum();
}
