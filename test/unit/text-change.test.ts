// A long text's change shown in one line: the part that changed, never the same first words twice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/lib/diff.ts';
import { textChange } from '../../src/lib/text-change.ts';

const LONG = 'Enterprise churn at 12.3% threatens our Series B. Net revenue retention fell two quarters in a row. This is our';

describe('textChange', () => {
  it('shows short texts whole', () => {
    expect(textChange('Ship it', 'Ship it now')).toEqual({ from: 'Ship it', to: 'Ship it now' });
  });

  it('shows an edit at the end of a long text with the words before it, the common start cut', () => {
    expect(textChange(LONG, `${LONG} #1 priority.`)).toEqual({ from: '… row. This is our', to: '… row. This is our #1 priority.' });
  });

  it('shows an edit in the middle with a few words either side, both ends cut', () => {
    const t = textChange(LONG, LONG.replace('two quarters', 'three quarters'));
    expect(t).toEqual({ from: '… retention fell two quarters in a row. …', to: '… retention fell three quarters in a row. …' });
  });

  it('shows an edit at the start with the words after it', () => {
    const t = textChange(LONG, `Mid-market${LONG.slice('Enterprise'.length)}`);
    expect(t).toEqual({ from: 'Enterprise churn at 12.3% threatens …', to: 'Mid-market churn at 12.3% threatens …' });
  });

  it('never cuts a vowel sign from its letter', () => {
    // "กี" is two code points (ก and the vowel sign ี), one character on screen.
    expect(textChange('a', 'กี'.repeat(100), 10).to).toBe(`${'กี'.repeat(9)}…`);
  });

  it('cuts a long changed part to the limit', () => {
    const t = textChange('a', 'x'.repeat(200), 60);
    expect(t.from).toBe('a');
    expect(t.to).toBe(`${'x'.repeat(59)}…`);
  });

  it('never splits a character of two code units', () => {
    const t = textChange(`${'😀'.repeat(70)}a`, `${'😀'.repeat(70)}b`);
    expect(t).toEqual({ from: `…${'😀'.repeat(16)}a`, to: `…${'😀'.repeat(16)}b` });
  });

  it('always keeps the changed part visible: each side holds what the other lacks, within bounds', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        fc.string({ maxLength: 80 }),
        (head, x, y, tail) => {
          const from = head + x + tail;
          const to = head + y + tail;
          const t = textChange(from, to);
          if (from === to) return;
          // Both long or not, the shown sides differ: the reader sees a change.
          expect(t.from).not.toBe(t.to);
          // Bounded: the changed part (at most `max`), two contexts (whole words, a little longer) and two ellipses.
          for (const side of [t.from, t.to]) expect(Array.from(side).length).toBeLessThanOrEqual(60 + 2 * (16 + 12) + 4);
        },
      ),
    );
  });
});

describe('describeChange', () => {
  it('says a long text field’s change by the part that changed', () => {
    const text = describeChange({
      type: 'changed',
      entity: 'objective',
      id: 'o',
      period: '2026-Q2',
      title: 'O',
      field: 'description',
      from: LONG,
      to: `${LONG} #1 priority.`,
    });
    expect(text).toBe('description … row. This is our → … row. This is our #1 priority.');
  });
});
