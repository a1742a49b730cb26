// okr remind's digest: per owner, overdue check-ins and key results behind pace, read from the
// status model's answers (freshness, status) — and its four formats, with content kept inert.
import { describe, expect, it } from 'vitest';
import { formatDigest, remindDigest, type RemindInput, type RemindKr } from '../../src/lib/remind.ts';

const fresh = {
  stale: false,
  last: '2030-02-10',
  nextDue: '2030-02-15',
  overdueDays: null,
  label: 'Last check-in 5 days ago (2030-02-10); next due 2030-02-15',
};
const onTrack = { key: 'on track', word: 'On track', why: '0.50 at 2030-02-10; 0.45 expected by then (+0.05)' };
const kr = (id: string, over: Partial<RemindKr> = {}): RemindKr => ({
  id,
  uid: `o1.${id}`,
  title: `KR ${id}`,
  status: onTrack,
  freshness: fresh,
  ...over,
});

const input: RemindInput = {
  today: '2030-02-15',
  people: [
    { id: 'ceo', name: 'Ada Lovelace' },
    { id: 'cfo', name: 'Grace <b>Hopper</b>' },
  ],
  periods: ['2030-Q1'],
  objectives: [
    {
      id: 'o1',
      title: 'Grow',
      period: '2030-Q1',
      owner: 'ceo',
      keyResults: [
        kr('fine'),
        kr('late', {
          owner: 'cfo',
          freshness: {
            stale: true,
            last: '2030-01-20',
            nextDue: '2030-02-01',
            overdueDays: 14,
            label: 'Last check-in 26 days ago (2030-01-20); due 2030-02-01, 14 days overdue',
          },
        }),
        kr('slow', { status: { key: 'far behind', word: 'Far behind', why: '0.10 at 2030-02-10; 0.45 expected by then (−0.35)' } }),
        kr('both', {
          title: 'Ship *it* [now](http://x)',
          status: { key: 'behind', word: 'Behind', why: '0.30 at 2030-02-01; 0.40 expected' },
          freshness: { stale: true, last: '2030-02-01', nextDue: '2030-02-12', overdueDays: 3, label: 'due 2030-02-12, 3 days overdue' },
        }),
      ],
    },
    { id: 'o2', title: 'Old', period: '2029-Q4', keyResults: [kr('past', { freshness: { ...fresh, stale: true, overdueDays: 40 } })] },
    {
      id: 'o3',
      title: 'Orphan',
      period: '2030-Q1',
      keyResults: [kr('nobody', { uid: 'o3.nobody', status: { key: 'behind', word: 'Behind', why: 'w' } })],
    },
  ],
};

describe('okr remind: the digest', () => {
  const d = remindDigest(input);
  it('lists, per owner, the overdue key results and those behind pace, only in the periods asked', () => {
    expect(d.owners.map((o) => [o.owner, o.overdue.map((i) => i.keyResult), o.behind.map((i) => i.keyResult)])).toEqual([
      ['ceo', ['o1.both'], ['o1.slow', 'o1.both']],
      ['cfo', ['o1.late'], []],
      [null, [], ['o3.nobody']],
    ]);
    expect(d.totals).toEqual({ overdue: 2, behind: 3, noReading: 0 });
    expect(d.owners[1]!.overdue[0]).toMatchObject({
      status: 'On track',
      overdueDays: 14,
      detail: expect.stringContaining('14 days overdue'),
    });
  });

  it('writes Markdown with content text escaped', () => {
    const md = formatDigest(d, 'markdown');
    expect(md).toMatch(/^## Check-in reminders for 2030-02-15\n\n2030-Q1: 2 check-ins overdue, 3 key results behind pace\./);
    expect(md).toContain('- Overdue: KR late `o1.late` — Last check-in 26 days ago (2030-01-20); due 2030-02-01, 14 days overdue');
    expect(md).toContain('Ship \\*it\\* \\[now\\](http://x)');
    expect(md).toContain('**Grace \\<b\\>Hopper\\</b\\>** (`cfo`)');
    expect(md).toContain('- Far behind: KR slow `o1.slow`');
  });

  it('writes a Slack payload (text fallback, header, a section per owner) with &, < and > escaped', () => {
    const p = JSON.parse(formatDigest(d, 'slack'));
    expect(p.text).toBe('Check-in reminders for 2030-02-15: 2030-Q1: 2 check-ins overdue, 3 key results behind pace.');
    expect(p.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Check-in reminders for 2030-02-15' } });
    const owners = p.blocks.slice(2).map((b: { text: { text: string } }) => b.text.text);
    expect(owners).toHaveLength(3);
    expect(owners[1]).toMatch(/^\*Grace &lt;b&gt;Hopper&lt;\/b&gt;\* \(`cfo`\)\n- Overdue: KR late/);
  });

  it('writes a Teams Adaptive Card and plain JSON', () => {
    const t = JSON.parse(formatDigest(d, 'teams'));
    const card = t.attachments[0];
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.content.body.map((b: { text: string }) => b.text).join('\n')).toContain('Overdue: KR late o1.late');
    expect(JSON.parse(formatDigest(d, 'json'))).toEqual(d);
  });

  it('lists key results without any reading in a period that states no schedule (nothing there is ever overdue)', () => {
    const none = { key: 'no reading', word: 'No reading', why: 'no check-in or current value yet' };
    const unscheduled = { stale: false, last: null, nextDue: null, overdueDays: null, label: 'No check-in yet', schedule: null };
    const digest = remindDigest({
      ...input,
      objectives: [
        {
          id: 'o4',
          title: 'Unscheduled',
          period: '2030-Q1',
          owner: 'ceo',
          keyResults: [
            kr('silent', { uid: 'o4.silent', status: none, freshness: unscheduled }),
            // With a schedule, a key result without a reading is overdue once its first check-in is due, not before.
            kr('early', {
              uid: 'o4.early',
              status: none,
              freshness: { ...unscheduled, nextDue: '2030-02-20', schedule: 'weekly on Mondays' },
            }),
          ],
        },
      ],
    });
    expect(digest.owners.map((o) => [o.owner, o.noReading.map((i) => i.keyResult)])).toEqual([['ceo', ['o4.silent']]]);
    expect(digest.totals).toEqual({ overdue: 0, behind: 0, noReading: 1 });
    const md = formatDigest(digest, 'markdown');
    expect(md).toContain('2030-Q1: 0 check-ins overdue, 0 key results behind pace, 1 key result without a reading (no check-in schedule).');
    expect(md).toContain('- No reading yet: KR silent `o4.silent` — no check-in or current value yet; 2030-Q1 states no check-in schedule');
  });

  it('says so when nothing is due or no period runs', () => {
    const none = remindDigest({ ...input, objectives: [] });
    expect(formatDigest(none, 'markdown')).toContain('2030-Q1: every check-in is up to date and nothing is behind pace.');
    expect(formatDigest(remindDigest({ ...input, periods: [] }), 'markdown')).toContain(
      'No period is in progress on 2030-02-15: nothing to remind.',
    );
  });
});
