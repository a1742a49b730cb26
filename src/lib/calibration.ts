// Team calibration: are a team's grades landing in the 0.6–0.7 "stretch" band over time?
import { formatGrade } from './format.ts';

export const CALIBRATION_BAND = { low: 0.6, high: 0.7 } as const;

export type Calibration = 'calibrated' | 'too easy' | 'too hard' | 'not enough data';

/** A verdict needs a trend: one period's grade says how that period went, not how targets are set. */
export const MIN_PERIODS_FOR_VERDICT = 2;

/** How pages say each verdict. */
export const CALIBRATION_LABEL: Record<Calibration, string> = {
  calibrated: 'Calibrated',
  'too easy': 'Targets may be too easy',
  'too hard': 'Targets may be too hard',
  'not enough data': 'Not enough data yet',
};

export interface CalibrationResult {
  verdict: Calibration;
  mean: number | null;
  graded: number;
  explanation: string;
}

/**
 * Mean of a team's grades over the periods that have ended with one, compared with the 0.6–0.7 band
 * practitioners aim for. Its words never say "graded period": "graded" is a period's state (final
 * grades, period-state.ts), and an ended period's grade counts here before it is final.
 */
export function calibrate(grades: readonly (number | null)[]): CalibrationResult {
  const graded = grades.filter((g): g is number => g !== null);
  if (graded.length === 0)
    return { verdict: 'not enough data', mean: null, graded: 0, explanation: 'No period with a grade has ended yet.' };
  const mean = graded.reduce((a, b) => a + b, 0) / graded.length;
  const over = `mean ${formatGrade(mean)} over ${graded.length} ended period${graded.length === 1 ? '' : 's'} with a grade`;
  if (graded.length < MIN_PERIODS_FOR_VERDICT)
    return {
      verdict: 'not enough data',
      mean,
      graded: graded.length,
      explanation: `${over}: a verdict needs at least ${MIN_PERIODS_FOR_VERDICT} ended periods with grades.`,
    };
  if (mean > CALIBRATION_BAND.high)
    return { verdict: 'too easy', mean, graded: graded.length, explanation: `${over}: above 0.70 — targets may not be ambitious enough.` };
  if (mean < CALIBRATION_BAND.low)
    return {
      verdict: 'too hard',
      mean,
      graded: graded.length,
      explanation: `${over}: below 0.60 — targets may be out of reach, or the team is blocked.`,
    };
  return { verdict: 'calibrated', mean, graded: graded.length, explanation: `${over}: inside the 0.60–0.70 stretch band.` };
}
