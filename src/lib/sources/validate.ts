// okr check's rules for live-number sources: references, locations, credentials. One pass over the
// key results; every problem at its field with a hint. What the schema cannot say is checked here.
import { didYouMean, type ContentIssue } from '../errors.ts';
import { issueAt } from '../load/index.ts';
import type { HandbookModel, Origin } from '../model.ts';
import type { Source } from '../schema/index.ts';
import { hasSource, resolveSource, sourceFiles, type ResolvedSource } from './resolve.ts';

type Path = (string | number)[];

/** A URL query parameter that carries a secret belongs in a header from the environment. */
const SECRET_PARAM = /[?&](access_token|api[_-]?key|apikey|auth|key|password|secret|sig|signature|token)=/i;

export function validateSources(m: Pick<HandbookModel, 'objectives' | 'sources' | 'dataFiles'>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const at = (o: Origin, rel: Path, message: string, hint?: string) => issues.push(issueAt(o.src, [...o.path, ...rel], message, hint));
  const files = sourceFiles(m);
  /** Checked once per definition: a sources/ file named by ten key results is one definition. */
  const checked = new Set<object>();
  const byId = new Map<string, ResolvedSource>();

  const checkDef = (r: ResolvedSource) => {
    if (checked.has(r.def)) return;
    checked.add(r.def);
    const d = r.def as Source & { url?: string; file?: string; headers?: Record<string, unknown> };
    const o = r.origin;
    if (d.type === 'csv' || d.type === 'json') {
      if ((d.file === undefined) === (d.url === undefined))
        at(
          o,
          ['type'],
          `a ${d.type} source reads either a file or a url`,
          'write file: sources/<name>.csv (in the content directory) or url: https://…',
        );
      if (d.headers && d.url === undefined) at(o, ['headers'], 'headers are sent only with a url', 'remove headers, or read a url');
    }
    if (d.url !== undefined && SECRET_PARAM.test(d.url))
      at(
        o,
        ['url'],
        'this URL seems to carry a credential in its query string',
        'send it as a header from the environment: headers: { Authorization: { env: METRICS_TOKEN, prefix: "Bearer " } }',
      );
    if (d.file !== undefined && !m.dataFiles.has(d.file)) {
      const near = didYouMean(d.file, m.dataFiles);
      at(
        o,
        ['file'],
        `data file '${d.file}' not found in the content directory`,
        near ?? 'put the file under sources/ (.csv, .json, .sqlite or .db) and name it relative to the content directory',
      );
    }
    if (d.range?.min !== undefined && d.range.max !== undefined && d.range.min >= d.range.max)
      at(o, ['range'], `range min ${d.range.min} is not below max ${d.range.max}`, 'swap them');
    const twin = byId.get(r.id);
    if (twin && twin.def !== r.def && JSON.stringify(twin.def) !== JSON.stringify(r.def))
      at(o, ['id'], `another source already has the id '${r.id}'`, 'give each source its own id: check-ins name the source they came from');
    else if (!twin) byId.set(r.id, r);
  };

  for (const s of m.sources) checkDef({ id: s.id, def: s, origin: s.origin });
  for (const o of m.objectives)
    for (const kr of o.keyResults) {
      if (!hasSource(kr)) continue;
      const r = resolveSource(kr, files);
      if (!r) {
        const id = kr.source as string;
        at(
          kr.origin,
          ['source'],
          `source '${id}' not found`,
          didYouMean(id, files.keys()) ?? `add content/sources/${id}.yaml, or write the source here`,
        );
        continue;
      }
      if (kr.current !== undefined)
        at(
          kr.origin,
          ['current'],
          'a key result with a source keeps its readings as check-ins',
          "move 'current' into a check-in (okr pull appends the next ones)",
        );
      checkDef(r);
    }
  return issues;
}
