// Repair mojibake: UTF-8 text that was once decoded with a legacy code page and saved again, so
// "🔴" (F0 9F 94 B4) reads "游댮" (Johab), "馃敶" (GB18030) or "ðŸ”´" (Windows-1252).
//
// The method is the inverse of the accident, not a lookup table: for each legacy encoding, encode
// a run of suspicious characters back to bytes with that encoding and decode the bytes as UTF-8.
// A repair is accepted only when the bytes are valid UTF-8 *and* the result is made of characters
// such an accident produces (symbols, punctuation, emoji, accented Latin) — legitimate CJK or Thai
// text does not survive that round trip. Encoders are derived from the decoders (WHATWG
// TextDecoder, plus Johab, which TextDecoder lacks and is computed from its KS X 1001 definition).

export interface Repair {
  /** Offset in the original text. */
  index: number;
  from: string;
  to: string;
  encoding: string;
}

const ENCODINGS = ['johab', 'gb18030', 'big5', 'shift_jis', 'euc-kr', 'windows-1252'] as const;
export type LegacyEncoding = (typeof ENCODINGS)[number];

// ── Johab (KS C 5601-1992 annex 3) ─────────────────────────────────────────────────────────────
// Hangul syllables are bit fields (1 iiiii mmmmm fffff); symbols and Hanja map onto KS X 1001 rows.

const INITIAL: Record<number, number> = {};
for (let c = 2; c <= 20; c++) INITIAL[c] = c - 2;
const MEDIAL: Record<number, number> = {};
[
  [3, 7, 0],
  [10, 15, 5],
  [18, 23, 11],
  [26, 29, 17],
].forEach(([from, to, base]) => {
  for (let c = from!; c <= to!; c++) MEDIAL[c] = base! + c - from!;
});
const FINAL: Record<number, number> = { 1: 0 };
for (let c = 2; c <= 17; c++) FINAL[c] = c - 1;
for (let c = 19; c <= 29; c++) FINAL[c] = c - 2;

let eucKr: TextDecoder | undefined;

/** Decode one two-byte Johab code, or undefined when it is not a character. */
export function johabChar(b1: number, b2: number): string | undefined {
  if (b1 >= 0x84 && b1 <= 0xd3) {
    const code = (b1 << 8) | b2;
    const l = INITIAL[(code >> 10) & 31];
    const v = MEDIAL[(code >> 5) & 31];
    const t = FINAL[code & 31];
    if (l === undefined || v === undefined || t === undefined) return undefined;
    return String.fromCharCode(0xac00 + (l * 21 + v) * 28 + t);
  }
  if (b1 < 0xd9 || b1 > 0xf9 || b1 === 0xdf) return undefined;
  if (b2 < 0x31 || (b2 >= 0x80 && b2 < 0x91) || (b2 & 0x7f) === 0x7f || (b1 === 0xda && b2 >= 0xa1 && b2 <= 0xd3)) return undefined;
  let t1 = b1 < 0xe0 ? 2 * (b1 - 0xd9) : 2 * b1 - 0x197;
  let t2 = b2 < 0x91 ? b2 - 0x31 : b2 - 0x43;
  t1 = t1 + (t2 < 0x5e ? 0 : 1) + 0x21;
  t2 = (t2 < 0x5e ? t2 : t2 - 0x5e) + 0x21;
  eucKr ??= new TextDecoder('euc-kr', { fatal: true });
  try {
    const s = eucKr.decode(new Uint8Array([t1 | 0x80, t2 | 0x80]));
    return [...s].length === 1 ? s : undefined;
  } catch {
    return undefined;
  }
}

// ── Encoders derived from decoders ─────────────────────────────────────────────────────────────

const encoders = new Map<LegacyEncoding, Map<string, number[]>>();

function encoderFor(enc: LegacyEncoding): Map<string, number[]> {
  const cached = encoders.get(enc);
  if (cached) return cached;
  const map = new Map<string, number[]>();
  const put = (s: string | undefined, bytes: number[]) => {
    if (s && s !== '\uFFFD' && [...s].length === 1 && !map.has(s)) map.set(s, bytes);
  };
  if (enc === 'johab') {
    for (let b1 = 0x84; b1 <= 0xf9; b1++) for (let b2 = 0x31; b2 <= 0xfe; b2++) put(johabChar(b1, b2), [b1, b2]);
  } else {
    const dec = new TextDecoder(enc, { fatal: true });
    const one = (bytes: number[]) => {
      try {
        return dec.decode(new Uint8Array(bytes));
      } catch {
        return undefined;
      }
    };
    for (let b = 0x80; b <= 0xff; b++) put(one([b]), [b]);
    if (enc !== 'windows-1252') for (let b1 = 0x81; b1 <= 0xfe; b1++) for (let b2 = 0x40; b2 <= 0xfe; b2++) put(one([b1, b2]), [b1, b2]);
  }
  encoders.set(enc, map);
  return map;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Characters a mojibake accident turns back into: symbols, emoji, punctuation (and accented Latin for single-byte pages). */
function plausible(s: string, latin: boolean): boolean {
  let symbol = false;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const sym =
      (c >= 0x2000 && c <= 0x2bff) ||
      (c >= 0x2e00 && c <= 0x2e7f) ||
      (c >= 0x3000 && c <= 0x303f) ||
      c === 0xfe0f ||
      (c >= 0x1f000 && c <= 0x1faff) ||
      (c >= 0xe0020 && c <= 0xe007f);
    const lat = c >= 0xa0 && c <= 0x24f;
    if (sym) symbol = true;
    else if (!(latin && lat)) return false;
  }
  return symbol || latin;
}

/** Repair one run of non-ASCII characters with one encoding: longest plausible pieces first. */
function repairRun(chars: string[], enc: LegacyEncoding): { text: string; repaired: number } {
  const map = encoderFor(enc);
  let out = '';
  let repaired = 0;
  for (let i = 0; i < chars.length;) {
    let done = false;
    for (let j = Math.min(chars.length, i + 12); j > i + (enc === 'windows-1252' ? 1 : 0); j--) {
      const bytes: number[] = [];
      let ok = true;
      for (let k = i; k < j && ok; k++) {
        const b = map.get(chars[k]!);
        if (b) bytes.push(...b);
        else ok = false;
      }
      if (!ok || bytes.length < 2) continue;
      let s: string;
      try {
        s = utf8.decode(new Uint8Array(bytes));
      } catch {
        continue;
      }
      if (!plausible(s, enc === 'windows-1252')) continue;
      out += s;
      repaired += j - i;
      i = j;
      done = true;
      break;
    }
    if (!done) out += chars[i++];
  }
  return { text: out, repaired };
}

/** Find and repair mojibake in a text. Returns the repaired text and every repair made, in order. */
export function repairMojibake(text: string): { text: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  // Runs of characters outside ASCII (a repair never spans a space or a letter a-z).
  const out = text.replace(/[^\x00-\x7f]+/g, (run, index: number) => {
    // Scripts no code-page accident produces stay as they are (Thai, Arabic, Devanagari, …): skip quickly.
    if (!/[\u00c0-\u00ff\u0152-\u0192\u02c6-\u02dc\u2013-\u203a\u2122\u3000-\u9fff\uac00-\ud7a3\uff61-\uff9f\uf900-\ufaff]/.test(run))
      return run;
    const chars = [...run];
    let best: { text: string; repaired: number; enc: LegacyEncoding } | undefined;
    for (const enc of ENCODINGS) {
      const r = repairRun(chars, enc);
      if (r.repaired > 0 && (!best || r.repaired > best.repaired)) best = { ...r, enc };
    }
    if (!best) return run;
    repairs.push({ index, from: run, to: best.text, encoding: best.enc });
    return best.text;
  });
  return { text: out, repairs };
}
