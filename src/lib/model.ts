// The handbook model: validated records joined across files, with derived period dates.
// Pure: takes RawContent from ./load, returns plain typed data. Cross-file checks are in ./validate/.
import { parsePeriodId, periodDates, yearOf } from './calendar.ts';
import { readingsOf, type Reading } from './readings.ts';
import type { MdxFile, RawContent } from './source/content.ts';
import type { YamlSource } from './source/yaml-source.ts';
import type * as S from './schema/index.ts';

/** Where a record sits: file + field path, for error messages and "Edit this file" links. */
export interface Origin {
  src: YamlSource;
  path: (string | number)[];
}

export interface PeriodModel extends Omit<S.Period, 'start' | 'end'> {
  start: string;
  end: string;
  /** The year a quarter belongs to (its own id for years). */
  year: string;
  classification: 'public' | 'internal';
  narrative?: MdxFile;
  origin: Origin;
}

/**
 * A key result as every consumer reads it, whatever its kind: `checkins` is always a list and
 * `readings` holds its measurements in one shape (./readings.ts), so nothing tests which fields a
 * kind has.
 */
export type KrModel = S.KeyResult & {
  /** Handbook-wide id: "<objective-id>.<kr-id>". */
  uid: string;
  objective: string;
  classification: 'public' | 'internal';
  origin: Origin;
  /** Its check-ins, oldest first; [] when it has none. */
  checkins: S.Checkin[];
  /** Its check-ins, then its own `current` values: everything it was measured at. */
  readings: Reading[];
};

export interface ObjectiveModel extends Omit<S.Objective, 'keyResults'> {
  period: string;
  team: string;
  classification: 'public' | 'internal';
  keyResults: KrModel[];
  origin: Origin;
}

export interface KpiModel extends S.Kpi {
  group: string;
  classification: 'public' | 'internal';
  origin: Origin;
}

export interface KpiGroupModel extends Omit<S.KpiGroupFile, 'kpis'> {
  kpis: KpiModel[];
  origin: Origin;
}

export interface HandbookModel {
  org: S.Org;
  people: (S.Person & { origin: Origin })[];
  teams: (S.Team & { origin: Origin })[];
  periods: PeriodModel[];
  objectives: ObjectiveModel[];
  kpiGroups: KpiGroupModel[];
  receipts: (S.DecisionReceipt & { origin: Origin })[];
  /** Live-number sources of content/sources/ (key results name them by id). */
  sources: (S.SourceFile & { origin: Origin })[];
  /** Data files under sources/ that a source may read, relative to the content directory. */
  dataFiles: ReadonlySet<string>;
  guides: MdxFile[];
  /** Source of org.yaml, for positions. */
  orgOrigin?: Origin;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Join raw records into the model. Records are sorted by id so every later step is order-independent. */
export function buildModel(raw: RawContent, org: S.Org): HandbookModel {
  const defaultClass = org.defaultClassification;
  const narratives = new Map(raw.narratives.map((n) => [n.slug, n]));

  const periods: PeriodModel[] = raw.periods.map(({ data, src }) => {
    const shape = parsePeriodId(data.id, org.fiscalYear.naming);
    const derived = shape ? periodDates(shape, org.fiscalYear) : undefined;
    return {
      ...data,
      start: data.start ?? derived?.start ?? '',
      end: data.end ?? derived?.end ?? '',
      year: yearOf(data.id),
      classification: data.classification ?? defaultClass,
      narrative: narratives.get(data.id),
      origin: { src, path: [] },
    };
  });
  const periodClass = new Map(periods.map((p) => [p.id, p.classification]));

  const objectives: ObjectiveModel[] = [];
  for (const { data, src } of raw.okrFiles) {
    data.objectives.forEach((o, i) => {
      const classification = o.classification ?? periodClass.get(data.period) ?? defaultClass;
      objectives.push({
        ...o,
        period: data.period,
        team: data.team,
        classification,
        origin: { src, path: ['objectives', i] },
        keyResults: o.keyResults.map((kr, k) => ({
          ...kr,
          checkins: kr.checkins ?? [],
          readings: readingsOf(kr),
          uid: `${o.id}.${kr.id}`,
          objective: o.id,
          // A KR is never more public than its objective.
          classification: classification === 'internal' ? 'internal' : (kr.classification ?? 'public'),
          origin: { src, path: ['objectives', i, 'keyResults', k] },
        })),
      });
    });
  }

  const kpiGroups: KpiGroupModel[] = raw.kpiGroups
    .map(({ data, src }) => ({
      ...data,
      origin: { src, path: [] },
      kpis: data.kpis.map((k, i) => ({
        ...k,
        group: data.id,
        classification: k.classification ?? defaultClass,
        origin: { src, path: ['kpis', i] },
      })),
    }))
    .sort((a, b) => (a.order ?? 999) - (b.order ?? 999) || byId(a, b));

  return {
    org,
    orgOrigin: raw.org ? { src: raw.org.src, path: [] } : undefined,
    people: raw.people.flatMap(({ data, src }) => data.people.map((p, i) => ({ ...p, origin: { src, path: ['people', i] } }))).sort(byId),
    teams: raw.teams.flatMap(({ data, src }) => data.teams.map((t, i) => ({ ...t, origin: { src, path: ['teams', i] } }))),
    periods: periods.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.kind === 'year' ? -1 : 1)),
    objectives: objectives.sort(byId),
    kpiGroups,
    receipts: raw.receipts.map(({ data, src }) => ({ ...data, origin: { src, path: [] } })).sort(byId),
    sources: raw.sources.map(({ data, src }) => ({ ...data, origin: { src, path: [] } })).sort(byId),
    dataFiles: raw.dataFiles,
    guides: [...raw.guides].sort(
      (a, b) => Number(a.frontmatter.order ?? 100) - Number(b.frontmatter.order ?? 100) || (a.slug < b.slug ? -1 : 1),
    ),
  };
}
