// Live-number sources: the sources/ file a key result names exists, a document is read from a file
// in the content directory or a URL (not both), credentials stay out of URLs, ids name one
// definition each. What the schema (../schema/source.ts) cannot say.
import { didYouMean } from '../errors.ts';
import type { Source } from '../schema/index.ts';
import { hasSource, resolveSource, sourceFiles, type ResolvedSource } from '../sources/resolve.ts';
import type { ValidationContext } from './context.ts';

/** A URL query parameter that carries a secret belongs in a header from the environment. */
const SECRET_PARAM = /[?&](access_token|api[_-]?key|apikey|auth|key|password|secret|sig|signature|token)=/i;

export function checkSources(ctx: ValidationContext): void {
  const { m, at } = ctx;
  const files = sourceFiles(m);
  /** Each definition once: a sources/ file named by ten key results is one definition. */
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
          `write file: sources/<name>.${d.type} (in the content directory) or url: https://…`,
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
    if (d.file !== undefined && !m.dataFiles.has(d.file))
      at(
        o,
        ['file'],
        `data file '${d.file}' not found in the content directory`,
        didYouMean(d.file, m.dataFiles) ??
          'put the file under sources/ (.csv, .json, .sqlite or .db) and name it relative to the content directory',
      );
    if (d.range?.min !== undefined && d.range.max !== undefined && d.range.min >= d.range.max)
      at(o, ['range'], `range min ${d.range.min} is not below max ${d.range.max}`, 'swap them');
    const twin = byId.get(r.id);
    if (!twin) byId.set(r.id, r);
    else if (JSON.stringify(twin.def) !== JSON.stringify(r.def))
      at(o, ['id'], `another source already has the id '${r.id}'`, 'give each source its own id: check-ins name the source they came from');
  };

  for (const s of m.sources) checkDef({ id: s.id, def: s, origin: s.origin });
  for (const o of m.objectives)
    for (const kr of o.keyResults) {
      if (!hasSource(kr)) continue;
      const r = resolveSource(kr, files);
      if (!r) {
        ctx.ref(kr.origin, ['source'], kr.source as string, files, 'source', 'content/sources/<id>.yaml');
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
}
