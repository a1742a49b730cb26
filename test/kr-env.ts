// A key result as the model holds it and the environment computeKr reads, for tests of the status
// model that need neither files nor a loader: Q1 2025 (90 days, weekly check-ins on Mondays).
import type { KrEnv } from '../src/lib/key-results.ts';
import type { KrModel, PeriodModel } from '../src/lib/model.ts';
import { checkinSchedule } from '../src/lib/freshness.ts';
import { periodState } from '../src/lib/period-state.ts';
import { readingsOf } from '../src/lib/readings.ts';
import { DEFAULT_BANDS, keyResult } from '../src/lib/schema/index.ts';

export const Q1_2025: PeriodModel = {
  id: '2025-Q1',
  kind: 'quarter',
  start: '2025-01-01',
  end: '2025-03-31',
  finalized: false,
  checkinCadence: 'weekly',
  checkinDay: 'monday',
  year: '2025',
  classification: 'internal',
} as PeriodModel;

/** A key result of objective `o`, parsed by the schema, with its readings as the model builds them. */
export function krModel(x: Record<string, unknown>): KrModel {
  const parsed = keyResult.parse({ id: 'kr1', title: 't', ...x });
  return {
    ...parsed,
    uid: 'o.kr1',
    objective: 'o',
    classification: 'internal',
    origin: {} as KrModel['origin'],
    checkins: parsed.checkins ?? [],
    readings: readingsOf(parsed),
  };
}

/** What computeKr reads on `today`, for an objective expected to end at `expectedFinal`. */
export const krEnv = (today: string, period: PeriodModel = Q1_2025, expectedFinal = 1): KrEnv => ({
  period,
  state: periodState(period, today),
  schedule: checkinSchedule(period),
  today,
  expectedFinal,
  bands: DEFAULT_BANDS,
  tolerance: 0.01,
});
