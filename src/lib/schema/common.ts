// Building blocks shared by every entity schema.
import { z } from 'astro/zod';

/** The longest id: a few words are enough, and an id becomes file names within the file system's limit. */
export const MAX_ID_LENGTH = 100;

/** A stable identifier: lowercase letters, digits and hyphens. Ids never change once published. */
export const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, {
    error: 'must be lowercase letters, digits and hyphens (e.g. "enterprise-growth")',
  })
  // An id names a page's folder and its files (a file name holds at most 255 bytes); it is read in links.
  .max(MAX_ID_LENGTH, {
    error: (issue) =>
      `is ${typeof issue.input === 'string' ? issue.input.length : 'too many'} characters long; an id is at most ${MAX_ID_LENGTH} (it names the page's address and files)`,
  });

const realDates = new Set<string>();
/** 2025-02-30 parses in some engines; a real date survives the round trip. Remembered: content repeats dates. */
function isRealDate(s: string): boolean {
  if (realDates.has(s)) return true;
  const ok = !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
  if (ok) realDates.add(s);
  return ok;
}

/** A calendar date written as YYYY-MM-DD (quoted or not; the YAML 1.2 core schema keeps it a string). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written as YYYY-MM-DD', abort: true })
  .refine(isRealDate, { error: 'is not a real calendar date' });

/** Non-empty, trimmed prose. */
export const text = z.string().trim().min(1, { error: 'must not be empty' });

/** A finite number (YAML .nan / .inf are rejected). */
export const num = z.number().refine(Number.isFinite, { error: 'must be a finite number' });

/** A fraction in [0, 1] — grades and confidences. */
export const fraction = z.number().min(0).max(1);

export const classification = z.enum(['public', 'internal']);

/** Traffic-light status as documents declare it (🟢 🟡 🔴). Bands map onto these. */
export const statusColour = z.enum(['green', 'yellow', 'red']);

/** A url (http, https or mailto). */
export const url = z.string().regex(/^(https?:\/\/|mailto:)\S+$/, { error: 'must be an http(s) URL' });

export const priority = z.enum(['P0', 'P1', 'P2', 'P3', 'critical', 'high', 'medium', 'low', 'tier-1', 'tier-2', 'tier-3']);

export const level = z.enum(['low', 'medium', 'high']);
