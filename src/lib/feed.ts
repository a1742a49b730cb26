// The Atom feed of check-ins and the grade changes they bring (pure; deterministic: the feed's
// date is its newest entry's, never the build time).
import { formatGrade } from './format.ts';
import type { ComputedHandbook } from './handbook.ts';
import { plainTitle } from './present.ts';
import { paceAt } from './status.ts';

export interface FeedEntry {
  id: string;
  date: string;
  title: string;
  summary: string;
  url: string;
}

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** A note as a sentence of the summary: ended with a full stop unless it ends with punctuation, so the next one does not run on. */
const sentence = (note: string) => (/[.!?…:;)]$/.test(note.trim()) ? note.trim() : `${note.trim()}.`);

export function feedEntries(h: ComputedHandbook, krUrl: (uid: string) => string, limit = 200): FeedEntry[] {
  const redactions = new Map(h.model.org.redactions.map((r) => [r.id, r.label]));
  // Pick the newest check-ins first and write only those: a large handbook has 100,000s of them.
  const picked = h.objectives
    .flatMap((o) => o.keyResults.flatMap((k) => k.trend.map((t, i) => ({ o, k, i, date: t.date, id: `${k.uid}/${t.date}` }))))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : 1))
    .slice(0, limit);
  return picked.map(({ o, k, i, date, id }) => {
    const t = k.trend[i]!;
    const prev = i > 0 ? k.trend[i - 1]!.grade : null;
    const change =
      t.grade === null
        ? 'no grade'
        : prev === null
          ? `grade ${formatGrade(t.grade)}`
          : `grade ${formatGrade(prev)} → ${formatGrade(t.grade)}`;
    const checkin = t.checkin;
    return {
      id,
      date,
      title: `${plainTitle(o.title, redactions)} — ${k.id.toUpperCase()}: ${change}`,
      summary: [
        `${plainTitle(k.title, redactions)}.`,
        t.value !== undefined ? `Value ${t.value}.` : '',
        // The pace at that check-in, dated: a feed entry is read long after it.
        t.pace ? `Pace: ${paceAt(t.pace, t.date)} (expected ${formatGrade(t.expected)}).` : '',
        checkin?.note ? sentence(checkin.note) : '',
        checkin?.blockers?.length ? `Blockers: ${checkin.blockers.join('; ')}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
      url: krUrl(k.uid),
    };
  });
}

export function atomFeed(entries: readonly FeedEntry[], opts: { title: string; site: string; self: string }): string {
  const updated = entries[0]?.date ?? '1970-01-01';
  const abs = (u: string) => new URL(u, opts.site).href;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${xml(opts.title)}</title>`,
    `  <id>${xml(abs(opts.self))}</id>`,
    `  <link rel="self" href="${xml(abs(opts.self))}"/>`,
    `  <link href="${xml(abs('/'))}"/>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    ...entries.map((e) =>
      [
        '  <entry>',
        `    <id>${xml(abs(`${opts.self}#${e.id}`))}</id>`,
        `    <title>${xml(e.title)}</title>`,
        `    <updated>${e.date}T00:00:00Z</updated>`,
        `    <link href="${xml(abs(e.url))}"/>`,
        `    <summary>${xml(e.summary)}</summary>`,
        '  </entry>',
      ].join('\n'),
    ),
    '</feed>',
    '',
  ].join('\n');
}
