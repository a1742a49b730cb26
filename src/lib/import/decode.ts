// Bytes to text a parser can read: UTF-8 or UTF-16 by their byte-order mark (else Windows-1252),
// CRLF → LF, Unicode NFC, mojibake repaired. Every change is reported. Pure.
import { repairMojibake } from './mojibake.ts';
import type { Report } from './types.ts';

/** Decode a file's bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, else Windows-1252 (reported). */
export function decodeBytes(bytes: Uint8Array): { text: string; note?: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'read as UTF-16 (little-endian)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'read as UTF-16 (big-endian)' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    if (text.startsWith('\uFEFF')) return { text: text.slice(1), note: 'byte-order mark (BOM) removed' };
    return { text };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), note: 'not valid UTF-8: read as Windows-1252' };
  }
}

/** Clean a document's text before parsing; every change is reported. */
export function prepareText(file: string, raw: string, report: Report): string {
  let text = raw;
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    report({ kind: 'repair', file, line: 1, message: 'byte-order mark (BOM) removed' });
  }
  if (/\r/.test(text)) {
    text = text.replace(/\r\n?/g, '\n');
    report({ kind: 'repair', file, line: 1, message: 'Windows/old Mac line endings (CRLF/CR) read as LF' });
  }
  const nfc = text.normalize('NFC');
  if (nfc !== text) report({ kind: 'repair', file, line: 1, message: 'text normalised to Unicode NFC' });
  const { text: repaired, repairs } = repairMojibake(nfc);
  const groups = new Map<string, { from: string; to: string; encoding: string; lines: number[] }>();
  for (const r of repairs) {
    const line = nfc.slice(0, r.index).split('\n').length;
    const key = `${r.from}\u0000${r.to}\u0000${r.encoding}`;
    const g = groups.get(key) ?? { from: r.from, to: r.to, encoding: r.encoding, lines: [] };
    g.lines.push(line);
    groups.set(key, g);
  }
  for (const g of groups.values())
    report({
      kind: 'repair',
      file,
      line: g.lines[0]!,
      message: `mojibake "${g.from}" → "${g.to}" (UTF-8 that was once decoded as ${ENCODING_NAMES[g.encoding] ?? g.encoding}), ${g.lines.length} time${g.lines.length === 1 ? '' : 's'}${g.lines.length > 1 ? `: lines ${g.lines.join(', ')}` : ''}`,
    });
  return /\.ya?ml$/i.test(file) ? repaired : typedBullets(file, repaired, report);
}

/**
 * "• Ship it", "  ◦ Step": bullets pasted from a word processor are list items, as "-" would be. So are
 * "  == step" and "  -> step" indented under a list item: sub-points written with an arrow or "==".
 */
function typedBullets(file: string, text: string, report: Report): string {
  const lines: number[] = [];
  let underItem = false;
  const out = text
    .split('\n')
    .map((l, i) => {
      // "* • Ship it": a list marker, then the bullet pasted with the text — one item, the typed bullet dropped.
      const m =
        /^(\s*)(?:([-*+])\s+)?[•◦▪‣∙●○■□]\s+(?=\S)/.exec(l) ?? (underItem ? /^(\s+)(?:==(?![=>])|-->|->|→)\s+(?=\S)/.exec(l) : null);
      if (l.trim()) underItem = Boolean(m) || /^\s*(?:[-*+]|\d{1,2}[.)])\s+\S/.test(l);
      if (!m) return l;
      lines.push(i + 1);
      return `${m[1]}${m[2] ?? '-'} ${l.slice(m[0].length)}`;
    })
    .join('\n');
  if (lines.length)
    report({
      kind: 'repair',
      file,
      line: lines[0]!,
      message: `typed bullets ("•", "==", "->") read as list items, ${lines.length} time${lines.length === 1 ? '' : 's'}${lines.length > 1 ? `: lines ${lines.join(', ')}` : ''}`,
    });
  return out;
}

const ENCODING_NAMES: Record<string, string> = {
  johab: 'Johab (Korean)',
  gb18030: 'GB18030 (Chinese)',
  big5: 'Big5 (Chinese)',
  shift_jis: 'Shift JIS (Japanese)',
  'euc-kr': 'EUC-KR (Korean)',
  'windows-1252': 'Windows-1252',
};
