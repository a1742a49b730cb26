// --audience internal|public for the commands that compute the handbook (default: $OKR_AUDIENCE, else internal).
import { AUDIENCES, audienceFromEnv, type Audience } from '../../src/lib/audience.ts';
import { oneOf, UsageError } from './args.ts';

export const audienceOption = { audience: { type: 'string' } } as const;

export function audienceOf(values: { audience?: unknown }): Audience {
  let fallback: Audience;
  try {
    fallback = audienceFromEnv();
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return oneOf(values.audience as string | undefined, AUDIENCES, '--audience', fallback);
}
