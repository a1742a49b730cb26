// What pages say, decided in src/lib: the featured period, a team's latest grade, why a dependency is at risk.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { exportHistory, historyAsOf, type HistoryIndex } from '../../src/lib/history.ts';
import { makeUrls } from '../../src/lib/urls.ts';
import { DECLARED_ONLY_NOTE } from '../../src/lib/views/attention.ts';
import { featuredPeriod } from '../../src/lib/views/featured.ts';
import { objectiveView } from '../../src/lib/views/objective.ts';
import { ownerView } from '../../src/lib/views/owner.ts';
import { namedPeople } from '../../src/lib/views/people.ts';
import { periodView } from '../../src/lib/views/period.ts';
import { reviewView } from '../../src/lib/views/review.ts';
import { teamPeriodView } from '../../src/lib/views/team-period.ts';
import { buildSiteIndex } from '../../src/lib/site-index.ts';
import { copyContent, edit, MAIN } from '../helpers.ts';

describe('the period home features: in progress, else the most recent with grades, never one that has not started', () => {
  const featured = (today: string, audience: 'internal' | 'public' = 'internal') => {
    const f = featuredPeriod(buildSiteIndex(computeHandbook(MAIN, { today, audience }).handbook!));
    return {
      period: f.period?.id,
      heading: f.heading,
      next: f.next?.id,
      nextWhen: f.nextWhen,
      ungradedSince: f.ungradedSince.map((p) => p.id),
      glance: f.glance,
    };
  };

  it('in the middle of a quarter, that quarter, with the next one', () => {
    expect(featured('2025-02-19')).toEqual({
      period: '2025-Q1',
      heading: 'In progress',
      next: '2026-Q2',
      nextWhen: 'starts 2026-04-01, in 406 days',
      ungradedSince: [],
      glance: 'the period in progress',
    });
  });

  it('between quarters, the most recent one with grades (not a later one without), and the next with its start date', () => {
    // 2026-Q2 ended without a reading; 2027-Q1 starts in a month.
    expect(featured('2026-12-01')).toEqual({
      period: '2025-Q1',
      heading: 'Most recent results',
      next: '2027-Q1',
      nextWhen: 'starts 2027-01-01, in 31 days',
      ungradedSince: ['2026-Q2'],
      // The home page (and the 404 page's link to it) never calls it "in progress".
      glance: 'the most recent results',
    });
  });

  it('when nothing has started (the public build before 2027), none: the next period is only next', () => {
    expect(featured('2026-12-15', 'public')).toMatchObject({
      period: undefined,
      heading: 'Nothing has started yet',
      next: '2027-Q1',
      glance: 'the first period, before it starts',
    });
  });
});

describe("the teams list's latest grade", () => {
  it('is the latest graded period, never a quarter that has not started', () => {
    const h = computeHandbook(MAIN, { today: '2026-12-01' }).handbook!;
    const index = buildSiteIndex(h);
    // The company has periods up to 2027-Q4 (not started); only 2025-Q1 is graded.
    expect(index.teamHistory.get('company')!.at(-1)!.period).toBe('2027-Q4');
    expect(index.teamLatest.get('company')).toMatchObject({ period: '2025-Q1', grade: expect.closeTo(0.46, 2) });
    for (const [team, r] of index.teamLatest) expect(h.periods.find((p) => p.id === r.period)!.start <= h.today, team).toBe(true);
  });

  it('even when a quarter that has not started already has a reading (which does not grade it)', () => {
    const dir = copyContent();
    edit(
      join(dir, 'okrs/2027-Q1/company.yaml'),
      '        operator: ">="\n        target: 95',
      '        operator: ">="\n        target: 95\n        current: 10',
    );
    const h = computeHandbook(dir, { today: '2026-12-01' }).handbook!;
    // A period that has not started is not graded nor rolled up, whatever is pre-filled.
    const future = h.teamPeriods.find((t) => t.period === '2027-Q1' && t.team === 'company')!;
    expect([future.grade, future.status.word]).toEqual([null, 'Not started']);
    expect(h.companyPeriods.find((c) => c.period === '2027-Q1')).toMatchObject({
      grade: null,
      derivation: 'ungraded: the period has not started',
    });
    expect(buildSiteIndex(h).teamLatest.get('company')!.period).toBe('2025-Q1');
  });
});

describe('a dependency at risk says why', () => {
  it('"declared red" when the objective it depends on is ungraded and only declared red', () => {
    const r = computeHandbook(MAIN, { today: '2026-12-01' });
    const churn = r.handbook!.objectives.find((o) => o.id === '2026-q2-company-enterprise-churn')!;
    const activation = r.handbook!.objectives.find((o) => o.id === '2026-q2-company-activation')!;
    expect([activation.status.light, activation.declared?.status]).toEqual([null, 'red']);
    expect([churn.atRiskVia, churn.atRiskBecause]).toEqual([['2026-q2-company-activation'], 'declared red']);
    expect(r.issues.map((i) => i.message)).toContain(
      "objective '2026-q2-company-enterprise-churn' depends on '2026-q2-company-activation', which is declared red",
    );
  });
});

describe('a team-period page lists objectives in the order of their file', () => {
  it('as its authors wrote them (the P0 first), not by id', () => {
    const h = computeHandbook(MAIN, { today: '2025-02-19' }).handbook!;
    const listed = buildSiteIndex(h)
      .objectivesByTeamPeriod.get('2025-Q1/engineering')!
      .map((o) => [o.id, o.priority]);
    expect(listed).toEqual([
      ['2025-q1-engineering-scalable-infrastructure', 'P0'],
      ['2025-q1-engineering-developer-velocity', 'P1'],
    ]);
  });
});

describe("a team's calibration", () => {
  it('counts only the periods that have ended: a grade mid-period is not a result yet', () => {
    const during = buildSiteIndex(computeHandbook(MAIN, { today: '2025-02-19' }).handbook!);
    expect(during.teamCalibration.get('company')).toMatchObject({
      verdict: 'not enough data',
      explanation: 'No period with a grade has ended yet.',
    });
    // One ended quarter with grades is a result, not a trend: no verdict from it alone.
    const after = buildSiteIndex(computeHandbook(MAIN, { today: '2026-12-01' }).handbook!);
    expect(after.teamCalibration.get('company')).toMatchObject({ verdict: 'not enough data', graded: 1 });
    // "Graded" is a period's state (its grades final): Q1 2025 has ended with grades but is not graded.
    expect(after.teamCalibration.get('company')!.explanation).toMatch(
      /^mean 0\.\d\d over 1 ended period with a grade: a verdict needs at least 2/,
    );
  });
});

describe('the snapshots a record is in', () => {
  it('are listed for the records a published snapshot holds, its own period first, and say when the record changed since', () => {
    const key = 'objective/2027-q1-company-churn-defense';
    const before = buildSiteIndex(computeHandbook(MAIN, { today: '2026-12-01' }).handbook!).snapshotsOf.get(key);
    expect(before).toEqual([
      { period: '2027-Q1', version: 'v1', same: true },
      { period: '2027', version: 'v1', same: true },
    ]);
    const dir = copyContent();
    edit(
      join(dir, 'okrs/2027-Q1/company.yaml'),
      'title: Defend churn with trust and telemetry',
      'title: Defend churn with trust and telemetry!',
    );
    const after = buildSiteIndex(computeHandbook(dir, { today: '2026-12-01' }).handbook!).snapshotsOf.get(key);
    expect(after?.map((x) => x.same)).toEqual([false, false]);
  });
});

describe('what the pages say agrees with the status model (docs/grading.md)', () => {
  const url = makeUrls('/');
  const site = (today: string) => buildSiteIndex(computeHandbook(MAIN, { today }).handbook!);
  const mid = site('2025-02-19');
  const later = site('2026-12-07');
  const text = (t: { rows: { cells: unknown[] }[] }) => t.rows.map((r) => JSON.stringify(r.cells));

  it.each(['company', 'engineering', 'product'])(
    'mid-quarter, %s: the sentence and the list under it agree; stale readings are judged against today',
    (team) => {
      const v = teamPeriodView(mid, url, '2025-Q1', team);
      const krs = v.objectives.flatMap((o) => o.keyResults);
      const weak = krs.filter((k) => k.status.light === 'red' || k.status.light === 'yellow');
      if (weak.length) expect(v.answer).not.toMatch(/Nothing is behind/);
      else expect(v.behindTitle).not.toBe('What is behind');
      // Every stale key result's pace is held against today, so none is called on pace by an old reading.
      for (const k of krs.filter((x) => x.freshness.stale && x.pace)) expect(k.pace!.against, k.uid).toBe('today');
    },
  );

  it('mid-quarter: ARR at 0.42 on 2025-02-01 is behind today’s 0.56, not on pace', () => {
    const arr = mid.objective.get('2025-q1-company-enterprise-acquisition')!.keyResults.find((k) => k.id === 'kr1')!;
    expect([arr.status.word, arr.pace!.gap, arr.pace!.against]).toEqual(['Behind', -0.14, 'today']);
    expect(arr.statusAtReading.word).toBe('On track');
  });

  it('an ended quarter is ranked by how it ended: band, then final grade — not by its last pace', () => {
    const v = reviewView(later, url, '2025-Q1', undefined);
    const objectives = later.objectivesByPeriod.get('2025-Q1')!;
    const lowest = [...objectives].sort((a, b) => a.rollup.grade! - b.rollup.grade!)[0]!;
    expect(text(v.objectives)[0]).toContain(lowest.title);
    expect(text(v.objectives)[0]).toMatch(/final grade \d\.\d\d/);
    expect(v.orderWhat).toMatch(/^By how each ended/);
  });

  it('an ended quarter whose last readings came weeks before its end says so wherever its final status is', () => {
    const arr = later.objective.get('2025-q1-company-enterprise-acquisition')!.keyResults.find((k) => k.id === 'kr1')!;
    expect(arr.status.why).toBe(
      'final grade 0.42, in the “Progressing” band (0.40 up to 0.70), from the reading of 2025-02-01 — 8 weeks before the end',
    );
    expect(arr.status.early).toEqual({ krs: 1, date: '2025-02-01', daysBeforeEnd: 58 });
  });

  it('a parent’s status names its weakest child by title, and the chain down to the key result', () => {
    const company = later.companyPeriod.get('2025-Q1')!;
    expect(company.status.why).toMatch(
      /^the weakest of its 2 company objectives with a status \(a parent takes its weakest child’s status/,
    );
    // Both objectives end "Progressing"; the weaker is the one whose weakest key result ended lower.
    const weakest = later.objective.get(company.status.weakest!)!;
    expect(company.status.why).toContain(`: “${weakest.title}”, at `);
    const kr = weakest.keyResults.find((k) => k.id.toUpperCase() === weakest.status.weakest)!;
    for (const o of later.objectivesByPeriod.get('2025-Q1')!.filter((x) => x.team === 'company'))
      for (const k of o.keyResults) expect(k.grade.value!).toBeGreaterThanOrEqual(kr.grade.value!);
    expect(company.status.why).toMatch(/, at KR\d “[^”]+”: final grade/);
    expect(company.status.why).not.toMatch(/2025-q1-/);
  });

  it('an upcoming period’s review claims no recent check-in, and ranks nothing', () => {
    const v = reviewView(later, url, '2027-Q1', undefined);
    expect(v.stale.empty).toBe('No check-in is due before 2027-01-01, when the period starts.');
    expect(v.stale.empty).not.toMatch(/recent check-in/);
    expect(v.orderWhat).toBe('The period has not started: nothing to rank yet.');
  });

  it('an ended objective’s check-in table dates each pace, so it never competes with the final status', () => {
    const v = objectiveView(later, url, '2025-q1-engineering-scalable-infrastructure');
    expect(v.o.status.word).toBe('Progressing');
    const pace = v.latest!.columns.findIndex((c) => c.label === 'Pace then');
    expect(v.latest!.rows.map((r) => r.cells[pace])).toEqual([
      'Ahead at 2025-02-01',
      'Ahead at 2025-02-01',
      'Ahead at 2025-02-01',
      'Ahead at 2025-02-01',
    ]);
  });

  it('a grading date that has passed on a period not graded is flagged', () => {
    const q1 = later.period.get('2025-Q1')!;
    expect(q1.state.label).toBe('Ended 2025-03-31, not graded yet — grading was due 2025-04-05');
    expect(mid.period.get('2025-Q1')!.state.gradingOverdue).toBeNull();
  });
});

describe('summaries where no key result has a reading', () => {
  // On 2026-12-07 Q2 2026 has ended and none of its key results has a reading: owners only declared statuses.
  const s = buildSiteIndex(computeHandbook(MAIN, { today: '2026-12-07' }).handbook!);
  const url = makeUrls('/');

  it("a team's period says so, never that nothing is behind, in the words the home page uses", () => {
    const v = teamPeriodView(s, url, '2026-Q2', 'platform');
    expect(v.answer).toBe(DECLARED_ONLY_NOTE);
    expect(v.behind.rows).toEqual([]);
    expect(v.behind.empty).toBe('Not known: no key result has a reading.');
    expect(`${v.answer} ${v.behind.empty}`).not.toMatch(/nothing is behind/i);
  });

  it('a team with readings still gets its answer', () => {
    const during = buildSiteIndex(computeHandbook(MAIN, { today: '2025-02-19' }).handbook!);
    expect(teamPeriodView(during, url, '2025-Q1', 'engineering').answer).toMatch(/^Nothing is behind pace\./);
  });
});

describe("a period's dependencies", () => {
  it('are on the period page from the review’s model, at risk first', () => {
    const s = buildSiteIndex(computeHandbook(MAIN, { today: '2026-12-07' }).handbook!);
    const url = makeUrls('/');
    const deps = periodView(s, url, '2026-Q2', true).dependencies!;
    const review = reviewView(s, url, '2026-Q2', undefined).risks;
    expect(review.rows.length).toBeGreaterThan(0);
    // The review's rows (those at risk) open the period's list, in the same order.
    expect(deps.rows.slice(0, review.rows.length)).toEqual(review.rows);
    expect(deps.columns).toEqual(review.columns);
  });

  it('name a team once: not beside a description that opens with its name', () => {
    const s = buildSiteIndex(computeHandbook(MAIN, { today: '2025-02-19' }).handbook!);
    const url = makeUrls('/');
    const text = JSON.stringify(periodView(s, url, '2025-Q1', true).dependencies!.rows);
    expect(text).toContain('Finance: Cloud budget approved');
    expect(text).not.toMatch(/"Finance"/);
    const o = objectiveView(s, url, '2025-q1-engineering-scalable-infrastructure');
    expect(o.dependencies.find((d) => d.description === 'Finance: Cloud budget approved')?.team).toBeUndefined();
  });
});

describe('history as of the build date', () => {
  it('lists no commit made after it', () => {
    const entry = (date: string) => ({ commit: date, author: 'a', date, subject: 's', changes: [] });
    const entries = [entry('2026-11-23T10:00:00+01:00'), entry('2025-02-19T23:00:00-05:00'), entry('2025-02-01T09:00:00Z')];
    expect(historyAsOf(entries, '2025-02-19').map((e) => e.date.slice(0, 10))).toEqual(['2025-02-19', '2025-02-01']);
    // The export says what the pages say.
    const index: HistoryIndex = { available: true, truncated: new Set(), byObjective: new Map([['o', entries]]) };
    expect(exportHistory(index, 'o', '2025-02-19')?.map((e) => e.date.slice(0, 10))).toEqual(['2025-02-19', '2025-02-01']);
  });

  it('in the review\'s "what changed" too', () => {
    const s = buildSiteIndex(computeHandbook(MAIN, { today: '2025-02-19' }).handbook!);
    const o = s.objectivesByPeriod.get('2025-Q1')![0]!;
    const change = { kr: null, type: 'changed' as const, field: 'owner', from: 'a', to: 'b', text: 'owner a → b' };
    const history: HistoryIndex = {
      available: true,
      truncated: new Set(),
      byObjective: new Map([
        [
          o.id,
          [
            { commit: 'later', author: 'a', date: '2026-11-23T10:00:00Z', subject: 'later', changes: [change] },
            { commit: 'before', author: 'a', date: '2025-02-16T10:00:00Z', subject: 'before', changes: [change] },
          ],
        ],
      ]),
    };
    const table = reviewView(s, makeUrls('/'), '2025-Q1', history).changes.table!;
    expect(table.rows.map((r) => r.cells[0])).toEqual([{ time: '2025-02-16' }]);
  });
});

describe("a team's period page", () => {
  const url = makeUrls('/');

  it('names the objective that set the team status by its title, heads its list for what it holds, and lists its sections', () => {
    const during = buildSiteIndex(computeHandbook(MAIN, { today: '2025-02-19' }).handbook!);
    const v = teamPeriodView(during, url, '2025-Q1', 'engineering');
    expect(v.rollup.status.weakest).toBe('2025-q1-engineering-developer-velocity');
    // The model names it, by title, down to the key result that set it (docs/grading.md, "Parents").
    expect(v.statusWhy).toBe(v.rollup.status.why);
    expect(v.statusWhy).toMatch(
      /^the weakest of its 2 objectives with a status \(.*\): “Improve Developer Velocity and Quality”, at KR1 “/,
    );
    // No key result is behind even against today, and every check-in is overdue: the list is of overdue check-ins.
    expect(v.behind.rows).toHaveLength(8);
    expect(v.behindTitle).toBe('Check-ins overdue');
    expect(v.toc).toEqual([
      { id: 'behind', label: 'Check-ins overdue' },
      { id: 'o-2025-q1-engineering-scalable-infrastructure', label: 'Build Scalable, Reliable Infrastructure' },
      { id: 'o-2025-q1-engineering-developer-velocity', label: 'Improve Developer Velocity and Quality' },
    ]);
    const after = buildSiteIndex(computeHandbook(MAIN, { today: '2026-12-07' }).handbook!);
    expect(teamPeriodView(after, url, '2025-Q1', 'engineering').behindTitle).toBe('What fell short');
  });
});

describe('people named in free text and on owner pages', () => {
  const s = buildSiteIndex(computeHandbook(MAIN, { today: '2026-12-07' }).handbook!);

  it("are the handbook's people when an id or a name matches exactly, and text otherwise", () => {
    expect(namedPeople(s, ['CEO', 'vp-product', 'Executive Team', 'ceo '])).toEqual([
      { name: 'CEO', person: 'ceo' },
      { name: 'vp-product', person: 'vp-product' },
      { name: 'Executive Team' },
      { name: 'ceo ' },
    ]);
  });

  it("an owner's objectives come newest period first", () => {
    const dir = copyContent();
    edit(
      join(dir, 'okrs/2027-Q1/company.yaml'),
      'title: Defend churn with trust and telemetry',
      'title: Defend churn with trust and telemetry\n    owner: ceo',
    );
    const later = buildSiteIndex(computeHandbook(dir, { today: '2026-12-07' }).handbook!);
    const owns = ownerView(later, makeUrls('/'), 'ceo').owns;
    expect(owns[0]!.id).toBe('2027-q1-company-churn-defense');
    const starts = owns.map((o) => later.period.get(o.period)!.start);
    expect(new Set(starts).size).toBeGreaterThan(1);
    expect(starts).toEqual([...starts].sort().reverse());
  });
});
