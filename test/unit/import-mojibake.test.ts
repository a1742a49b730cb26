// Mojibake repair (src/lib/import/mojibake.ts): re-encode with the legacy code page, decode as UTF-8.
import { describe, expect, it } from 'vitest';
import { prepareText } from '../../src/lib/import/decode.ts';
import { johabChar, repairMojibake } from '../../src/lib/import/mojibake.ts';

/** Make mojibake the way it happens: UTF-8 bytes decoded with a legacy code page. */
const garble = (text: string, encoding: string) => new TextDecoder(encoding).decode(new TextEncoder().encode(text));

describe('mojibake repair', () => {
  it("repairs seed 004's status emoji (UTF-8 read as Johab)", () => {
    const r = repairMojibake('| KR1: Reduce churn | 12.3% | 游댮 |\n**Status**: 游리 On Track\n| 游릭 |');
    expect(r.text).toBe('| KR1: Reduce churn | 12.3% | 🔴 |\n**Status**: 🟡 On Track\n| 🟢 |');
    expect(r.repairs.map((x) => [x.from, x.to, x.encoding])).toEqual([
      ['游댮', '🔴', 'johab'],
      ['游리', '🟡', 'johab'],
      ['游릭', '🟢', 'johab'],
    ]);
  });

  it('decodes Johab from its definition (Hangul bit fields, KS X 1001 rows for Hanja)', () => {
    expect(johabChar(0x94, 0xb4)).toBe('댮');
    expect(johabChar(0x9f, 0xa1)).toBe('리');
    expect(johabChar(0xf0, 0x9f)).toBe('游');
  });

  it('repairs UTF-8 that was decoded as Windows-1252 (punctuation and accents too)', () => {
    const original = 'Status: 🔴 Behind — “quoted” ✅ café';
    const broken = garble(original, 'windows-1252');
    expect(broken).toContain('ðŸ”´');
    expect(repairMojibake(broken).text).toBe(original);
  });

  // Double-byte pages keep four-byte emoji intact (three-byte characters lose a byte to U+FFFD and cannot come back).
  it.each(['gb18030', 'shift_jis'])('repairs emoji in UTF-8 that was decoded as %s', (encoding) => {
    const original = 'Status: 🔴 Behind, then 🟡 and 🟢';
    const broken = garble(original, encoding);
    expect(broken).not.toBe(original);
    expect(repairMojibake(broken).text).toBe(original);
  });

  it('leaves real non-Latin text and plain punctuation alone', () => {
    for (const text of [
      'Comprehensive KPIs และ OKRs ที่สอดคล้องกับ Business Priority Framework',
      '中文文本测试：目标与关键结果',
      '한국어 텍스트 목표',
      '日本語のテキスト',
      'café — naïve “quotes” ≥ 55% → 🟢 ⚠️',
    ]) {
      const r = repairMojibake(text);
      expect(r.text).toBe(text);
      expect(r.repairs).toEqual([]);
    }
  });

  it('repairs only the broken part of a run', () => {
    expect(repairMojibake('—游댮').text).toBe('—🔴');
  });
});

describe('typed bullets', () => {
  it('reads a typed bullet as a list item, and drops one typed after a list marker', () => {
    const report = () => undefined;
    expect(prepareText('a.md', '• Ship it\n* • Measure it\n  - ◦ Tell them\n•Glued', report)).toBe(
      '- Ship it\n* Measure it\n  - Tell them\n•Glued',
    );
  });
  it('reads "== step" and "-> step" under a list item as nested items, not "==> outcome" nor outside a list', () => {
    const report = () => undefined;
    expect(prepareText('a.md', '- Ship the app\n  == 30 users\n  -> a report button\n  ==> reached 8k\n\n  == alone', report)).toBe(
      '- Ship the app\n  - 30 users\n  - a report button\n  ==> reached 8k\n\n  == alone',
    );
  });
});
