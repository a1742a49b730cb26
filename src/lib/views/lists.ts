// The index pages' tables (periods, teams, a team's history, owners, the grade audit, trust center),
// computed from the site index: the pages only lay them out with <DataTable>.
import { CALIBRATION_LABEL } from '../calibration.ts';
import type { AuditEntry } from '../audit.ts';
import type { TeamPeriodRollup } from '../handbook.ts';
import type { SiteIndex } from '../site-index.ts';
import type { Urls } from '../urls.ts';
import { NONE, textOr, type Cell, type GradeCell, type TableView } from './table.ts';

/** A grade with its status (a rollup's, or a key result's) as a badge; a missing rollup as a dash. */
export const gradeOf = (r: GradeCell | undefined): Cell =>
  r ? { grade: { grade: r.grade, status: r.status, derivation: r.derivation } } : NONE;

const periodName = (s: SiteIndex, id: string) => s.period.get(id)?.name ?? id;

export function periodsTable(s: SiteIndex, url: Urls): TableView {
  return {
    columns: [{ label: 'Period' }, { label: 'Theme' }, { label: 'Dates' }, { label: 'Objectives', num: true }, { label: 'Company grade' }],
    rows: [...s.h.periods].reverse().map((p) => {
      return {
        cells: [
          { inline: [{ text: p.name ?? p.id, href: url.period(p.id) }, { tag: p.kind }] },
          textOr(p.theme),
          { lines: [`${p.start} – ${p.end}`, { muted: p.state.label }] },
          String(s.objectivesByPeriod.get(p.id)?.length ?? 0),
          gradeOf(s.companyPeriod.get(p.id)),
        ],
      };
    }),
  };
}

export function teamsTable(s: SiteIndex, url: Urls): TableView {
  return {
    columns: [{ label: 'Team' }, { label: 'Lead' }, { label: 'Periods', num: true }, { label: 'Latest grade' }, { label: 'Calibration' }],
    rows: s.h.model.teams
      .filter((t) => s.teamHistory.has(t.id))
      .map((t) => {
        const last = s.teamLatest.get(t.id)!;
        return {
          cells: [
            { text: t.name, href: url.team(t.id) },
            { person: t.lead },
            String(s.teamHistory.get(t.id)!.length),
            { inline: [gradeOf({ ...last, derivation: `${last.period}: ${last.derivation}` }), { muted: periodName(s, last.period) }] },
            CALIBRATION_LABEL[s.teamCalibration.get(t.id)!.verdict],
          ],
        };
      }),
  };
}

/** A team's rollups (newest first, or as given), each linked to its team-period page. */
export function teamPeriodsTable(
  s: SiteIndex,
  url: Urls,
  rows: readonly TeamPeriodRollup[],
  opts: { first: 'team' | 'period'; alignment?: boolean; caption?: string },
): TableView {
  return {
    caption: opts.caption,
    columns: [
      { label: opts.first === 'team' ? 'Team' : 'Period' },
      { label: 'Grade' },
      { label: 'Objectives graded', num: true },
      ...(opts.alignment ? [{ label: 'Aligned', num: true }] : []),
      { label: 'Weakest status' },
    ],
    rows: rows.map((r) => ({
      cells: [
        {
          text: opts.first === 'team' ? (s.team.get(r.team)?.name ?? r.team) : periodName(s, r.period),
          href: url.teamPeriod(r.period, r.team),
        },
        gradeOf(r),
        `${r.coverage.graded}/${r.coverage.total}`,
        ...(opts.alignment ? [`${r.alignment.aligned}/${r.alignment.total}`] : []),
        { statusOf: r.status, parent: true },
      ],
    })),
  };
}

/** Owners and DRIs; a column that would be zero for everyone (e.g. nobody owns a single key result) is left out. */
export function ownersTable(s: SiteIndex, url: Urls): TableView {
  const counts = s.owners.map((p) => {
    const b = s.byPerson.get(p.id)!;
    return [b.owns.length, b.dri.length, b.krs.length] as const;
  });
  const columns = (['Owns', 'DRI of', 'Key results'] as const)
    .map((label, i) => ({ label, i }))
    .filter(({ i }) => counts.some((c) => c[i]! > 0));
  return {
    columns: [{ label: 'Person' }, { label: 'Title' }, ...columns.map(({ label }) => ({ label, num: true }))],
    rows: s.owners.map((p, r) => ({
      cells: [{ text: p.name, href: url.owner(p.id) }, textOr(p.title), ...columns.map(({ i }) => String(counts[r]![i]))],
    })),
    empty: 'No owners in this handbook.',
  };
}

export function snapshotsTable(s: SiteIndex, url: Urls): TableView {
  const snapshots = [...s.h.trust.snapshots].sort((a, b) =>
    a.period < b.period ? -1 : a.period > b.period ? 1 : Number(b.version.slice(1)) - Number(a.version.slice(1)),
  );
  const signature = (x: (typeof snapshots)[number]) =>
    x.signature.status === 'valid'
      ? `Signed (${s.h.trust.pins.find((p) => p.fingerprint === x.signature.keyid)?.id ?? 'unpinned key'})`
      : x.signature.status === 'absent'
        ? 'Unsigned'
        : `Signature ${x.signature.status}`;
  return {
    columns: [
      { label: 'Snapshot' },
      { label: 'Created' },
      { label: 'Records', num: true },
      { label: 'Root' },
      { label: 'Signature' },
      { label: 'Checked at build' },
    ],
    rows: snapshots.map((x) => ({
      cells: [
        {
          inline: [
            { text: `${x.period} ${x.version}`, href: url.snapshot(x.period, x.version) },
            ...(x.supersededBy ? [{ tag: `superseded by ${x.supersededBy}` }] : []),
          ],
        },
        x.manifest?.createdAt ? { time: x.manifest.createdAt.slice(0, 10) } : NONE,
        String(x.manifest?.treeSize ?? '—'),
        x.manifest ? { code: `${x.manifest.root.slice(0, 16)}…`, title: x.manifest.root } : NONE,
        signature(x),
        x.ok ? '✓ verified' : `✗ ${x.failures.length} problem(s)`,
      ],
    })),
    empty: 'No snapshots published yet.',
  };
}

export function rootsTable(s: SiteIndex, url: Urls): TableView {
  return {
    columns: [{ label: 'Period' }, { label: 'Records', num: true }, { label: 'Root' }],
    rows: s.h.periods
      .filter((p) => s.h.trust.trees.has(p.id))
      .map((p) => {
        const t = s.h.trust.trees.get(p.id)!;
        return { cells: [{ text: p.name ?? p.id, href: url.period(p.id) }, String(t.treeSize), { code: t.root }] };
      }),
  };
}

/** A snapshot's records: leaf index, the record (linked when this build has its page) and its leaf hash. */
/** A record's kind as a reader says it (the leaves name it as the canonical JSON does: "keyResult"). */
const RECORD_WORD: Record<string, string> = { period: 'Period', objective: 'Objective', keyResult: 'Key result' };

export function snapshotRecordsTable(s: SiteIndex, url: Urls, snap: SiteIndex['h']['trust']['snapshots'][number]): TableView {
  return {
    columns: [{ label: 'Record' }, { label: 'Leaf index (from 0)', num: true }, { label: 'Leaf hash' }],
    rows: snap.leaves.map((l) => ({
      id: `leaf-${l.index}`,
      cells: [
        {
          lines: [
            { muted: RECORD_WORD[l.record] ?? l.record },
            { text: l.label, href: recordHref(s, url, `${l.record}/${l.id}`) },
            { code: l.id },
          ],
        },
        String(l.index),
        { code: `${l.leaf.slice(0, 16)}…`, title: l.leaf },
      ],
    })),
  };
}

/** The page of a record key ("period/<id>", "objective/<id>", "keyResult/<uid>"), when this build has it. */
export function recordHref(s: SiteIndex, url: Urls, key: string): string | undefined {
  const slash = key.indexOf('/');
  const [record, id] = [key.slice(0, slash), key.slice(slash + 1)];
  if (record === 'period') return s.period.has(id) ? url.period(id) : undefined;
  if (record === 'objective') return s.objective.has(id) ? url.objective(id) : undefined;
  if (record === 'keyResult') return s.objective.get(id.split('.')[0]!)?.keyResults.some((k) => k.uid === id) ? url.kr(id) : undefined;
  return undefined;
}

/** One section of the grade audit (grade or status disagreements) in one period: the document beside the handbook. */
export function auditTable(url: Urls, rows: readonly AuditEntry[], kind: string): TableView {
  return {
    columns: [{ label: 'Entry' }, { label: 'Document says' }, { label: 'Handbook computes' }, { label: 'Why' }],
    rows: rows.map((r) => ({
      data: { 'audit-id': r.id, 'audit-kind': kind },
      cells: [
        {
          lines: [
            { inline: [{ tag: r.kind }, { text: r.title, href: r.kind === 'Objective' ? url.objective(r.id) : url.kr(r.id) }] },
            { code: r.id },
          ],
        },
        r.finding.declared,
        r.finding.computed,
        r.finding.reason,
      ],
    })),
  };
}
