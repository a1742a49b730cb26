// okr remind [--format markdown|slack|teams|json] [--content DIR]
import { formatPretty } from '../../src/lib/errors.ts';
import { computeHandbook, type ComputedHandbook } from '../../src/lib/handbook.ts';
import { formatDigest, REMIND_FORMATS, remindDigest, type RemindInput } from '../../src/lib/remind.ts';
import { oneOf, parse } from './args.ts';

export const HELP = `Usage: okr remind [--format markdown|slack|teams|json] [--content DIR]

Lists, per owner, the key results whose check-in is overdue by their period's schedule (the
period's checkins dates or checkinCadence), the key results behind pace, and, in a period that
states no schedule, those without any reading yet, in the periods in progress today
(SOURCE_DATE_EPOCH honoured). An owner is the key result's owner, else its
objective's owner, else its DRI.

  --format markdown   for a job summary or a chat that renders Markdown (default)
  --format slack      a Slack incoming-webhook payload (JSON)
  --format teams      a Microsoft Teams Adaptive Card message (JSON)
  --format json       the digest as data

Exit status: 0 when the digest was written (whatever it says); 1 when the content has errors; 2 on
a usage mistake.`;

/** What the digest reads of the computed handbook: each key result's status and freshness, as computed. */
export function remindInput(h: ComputedHandbook): RemindInput {
  return {
    today: h.today,
    people: h.model.people,
    periods: h.periods.filter((p) => p.state.phase === 'in progress').map((p) => p.id),
    objectives: h.objectives,
  };
}

export function remindCommand(argv: string[]): number {
  const { values, content } = parse(argv, { format: { type: 'string' } });
  if (values.help) return (console.log(HELP), 0);
  const format = oneOf(values.format, REMIND_FORMATS, '--format', 'markdown');
  const result = computeHandbook(content);
  if (!result.handbook) {
    console.error(formatPretty(result.issues.filter((issue) => issue.severity === 'error')));
    console.error('okr remind: fix the content errors above first (okr check lists them all).');
    return 1;
  }
  process.stdout.write(formatDigest(remindDigest(remindInput(result.handbook)), format));
  return 0;
}
