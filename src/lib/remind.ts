// okr remind: per owner, the key results whose check-in is overdue by their period's schedule, those
// behind pace, and those without any reading in a period that states no schedule (nothing there is
// ever overdue, so they would go unmentioned). A thin reader of the one status model: staleness and pace come computed with
// each key result (its `freshness` and `status`), never worked out again here. Pure.

/** What the digest reads of a computed key result. */
export interface RemindKr {
  id: string;
  uid: string;
  title: string;
  owner?: string;
  status: { key: string; word: string; why: string };
  freshness: {
    stale: boolean;
    last: string | null;
    nextDue: string | null;
    overdueDays: number | null;
    label: string;
    /** The period's check-in schedule in words; null when it states none. */
    schedule?: string | null;
  };
}

/** What the digest reads of a computed handbook. */
export interface RemindInput {
  today: string;
  people: readonly { id: string; name: string }[];
  /** The periods whose key results are reminded of: those in progress. */
  periods: readonly string[];
  objectives: readonly { id: string; title: string; period: string; owner?: string; dri?: string; keyResults: readonly RemindKr[] }[];
}

export interface RemindItem {
  /** `<objective>.<kr>` */
  keyResult: string;
  title: string;
  objective: string;
  objectiveTitle: string;
  period: string;
  /** The status word ("Behind", "Off track"). */
  status: string;
  /** Overdue: "Last check-in 26 days ago (2030-01-20); due 2030-02-01, 14 days overdue". Behind: the pace's numbers. */
  detail: string;
  overdueDays: number | null;
}

export interface OwnerDigest {
  /** A person id, or null for key results nobody owns. */
  owner: string | null;
  name: string;
  overdue: RemindItem[];
  behind: RemindItem[];
  /** No reading at all, in a period without a check-in schedule. */
  noReading: RemindItem[];
}

export interface Digest {
  date: string;
  periods: string[];
  owners: OwnerDigest[];
  totals: { overdue: number; behind: number; noReading: number };
}

/** Pace words that call for a reminder. */
const BEHIND = new Set(['behind', 'far behind']);

export function remindDigest(h: RemindInput): Digest {
  const names = new Map(h.people.map((p) => [p.id, p.name]));
  const wanted = new Set(h.periods);
  const byOwner = new Map<string | null, OwnerDigest>();
  const digestOf = (owner: string | null) => {
    let d = byOwner.get(owner);
    if (!d)
      byOwner.set(
        owner,
        (d = { owner, name: owner === null ? 'No owner' : (names.get(owner) ?? owner), overdue: [], behind: [], noReading: [] }),
      );
    return d;
  };
  for (const o of h.objectives) {
    if (!wanted.has(o.period)) continue;
    for (const k of o.keyResults) {
      const stale = k.freshness.stale;
      const behind = BEHIND.has(k.status.key);
      const unread = !stale && k.status.key === 'no reading' && k.freshness.schedule === null;
      if (!stale && !behind && !unread) continue;
      // The key result's owner answers for it; else the objective's owner, else its DRI.
      const d = digestOf(k.owner ?? o.owner ?? o.dri ?? null);
      const item = (detail: string): RemindItem => ({
        keyResult: k.uid,
        title: k.title,
        objective: o.id,
        objectiveTitle: o.title,
        period: o.period,
        status: k.status.word,
        detail,
        overdueDays: k.freshness.overdueDays,
      });
      if (stale) d.overdue.push(item(k.freshness.label));
      if (behind) d.behind.push(item(k.status.why));
      if (unread) d.noReading.push(item(`${k.status.why}; ${o.period} states no check-in schedule`));
    }
  }
  const owners = [...byOwner.values()]
    .map((d) => ({ ...d, overdue: d.overdue.sort((a, b) => (b.overdueDays ?? 0) - (a.overdueDays ?? 0) || cmp(a.keyResult, b.keyResult)) }))
    // Nobody's key results last; otherwise by name, so the digest reads the same every week.
    .sort((a, b) => Number(a.owner === null) - Number(b.owner === null) || cmp(a.name, b.name));
  return {
    date: h.today,
    periods: [...h.periods],
    owners,
    totals: {
      overdue: owners.reduce((n, d) => n + d.overdue.length, 0),
      behind: owners.reduce((n, d) => n + d.behind.length, 0),
      noReading: owners.reduce((n, d) => n + d.noReading.length, 0),
    },
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const REMIND_FORMATS = ['markdown', 'slack', 'teams', 'json'] as const;
export type RemindFormat = (typeof REMIND_FORMATS)[number];

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const heading = (d: Digest) => `Check-in reminders for ${d.date}`;

function summary(d: Digest): string {
  if (!d.periods.length) return `No period is in progress on ${d.date}: nothing to remind.`;
  const { overdue, behind, noReading } = d.totals;
  if (!overdue && !behind && !noReading) return `${d.periods.join(', ')}: every check-in is up to date and nothing is behind pace.`;
  const unread = noReading ? `, ${plural(noReading, 'key result')} without a reading (no check-in schedule)` : '';
  return `${d.periods.join(', ')}: ${plural(overdue, 'check-in')} overdue, ${plural(behind, 'key result')} behind pace${unread}.`;
}

/** Markdown, for a job summary or a chat that renders it. `escape` makes content text inert in the target's markup. */
function lines(d: Digest, escape: (s: string) => string, code: (s: string) => string): string[] {
  const out: string[] = [];
  for (const o of d.owners) {
    out.push('', `**${escape(o.name)}**${o.owner ? ` (${code(o.owner)})` : ''}`);
    for (const item of o.overdue) out.push(`- Overdue: ${escape(item.title)} ${code(item.keyResult)} — ${escape(item.detail)}`);
    for (const item of o.behind)
      out.push(`- ${escape(item.status)}: ${escape(item.title)} ${code(item.keyResult)} — ${escape(item.detail)}`);
    for (const item of o.noReading) out.push(`- No reading yet: ${escape(item.title)} ${code(item.keyResult)} — ${escape(item.detail)}`);
  }
  return out;
}

/** Markdown: no HTML, no link or emphasis syntax from content. */
const escapeMarkdown = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
/** Slack mrkdwn: only &, < and > are special (https://api.slack.com/reference/surfaces/formatting#escaping). */
const escapeSlack = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The digest in a format: Markdown, a Slack or Teams webhook payload, or JSON. */
export function formatDigest(d: Digest, format: RemindFormat): string {
  if (format === 'json') return `${JSON.stringify(d, null, 2)}\n`;
  if (format === 'markdown') return [`## ${heading(d)}`, '', summary(d), ...lines(d, escapeMarkdown, (s) => `\`${s}\``)].join('\n') + '\n';
  if (format === 'slack') {
    const body = lines(d, escapeSlack, (s) => `\`${s}\``)
      .join('\n')
      .replace(/^\*\*(.*)\*\*/gm, '*$1*');
    // Slack caps a section's text at 3,000 characters: one section per owner, each cut to fit.
    const sections = body
      .split('\n\n')
      .filter((s) => s.trim())
      .map((s) => ({ type: 'section', text: { type: 'mrkdwn', text: s.trim().slice(0, 2990) } }));
    return `${JSON.stringify({
      text: `${heading(d)}: ${summary(d)}`,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: heading(d) } },
        { type: 'section', text: { type: 'mrkdwn', text: escapeSlack(summary(d)) } },
        ...sections.slice(0, 48),
      ],
    })}\n`;
  }
  // Teams: an Adaptive Card, which Teams' incoming webhooks and Workflows accept.
  const blocks = lines(d, escapeMarkdown, (s) => s)
    .join('\n')
    .split('\n\n')
    .filter((s) => s.trim())
    .map((s) => ({ type: 'TextBlock', text: s.trim(), wrap: true }));
  return `${JSON.stringify({
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            { type: 'TextBlock', text: heading(d), weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'TextBlock', text: escapeMarkdown(summary(d)), wrap: true },
            ...blocks,
          ],
        },
      },
    ],
  })}\n`;
}
