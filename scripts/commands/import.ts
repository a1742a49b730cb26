// okr import FILE... --out DIR [--period ID] [--team ID] [--org NAME] [--report FILE] [--force] [--partial] [--min-mapped PCT]
// The I/O around src/lib/import: read the documents, write the content directory atomically
// (a temporary directory renamed into place) with a manifest of what it wrote, check it, print the report.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { formatPretty, pushAll } from '../../src/lib/errors.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { writeDirAtomic, writeFileAtomic } from '../../src/lib/load/atomic-write.ts';
import { DEFAULT_MIN_MAPPED, importDocuments, optionProblem, type ImportInput } from '../../src/lib/import/index.ts';
import { pct } from '../../src/lib/import/summary.ts';
import { parse, UsageError } from './args.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const HELP = `Usage: okr import FILE... --out DIR [--period ID] [--team ID] [--org NAME] [--report FILE] [--force] [--partial] [--min-mapped PCT]

Turns OKR documents (Markdown with headings, tables and bullets; YAML; Markdown with \`\`\`yaml
blocks) into a content directory that \`okr check\` accepts, and prints an import report: every
line or cell that was not mapped and every value that was guessed.

  --out DIR       the content directory to create (must be empty or absent unless --force)
  --period ID     period for documents that name none, or instead of the one they name (2025-Q1, FY22-Q2, 2025)
  --team ID       team for objectives outside any team section (default: company, the root team)
  --org NAME      organisation name (default: read from the documents)
  --report FILE   also write the report to FILE (not inside --out)
  --force         replace an earlier import in --out (only the files it wrote, as its
                  .okr-import.json manifest lists them, unchanged since) and an existing --report file
  --min-mapped PCT  share of each document's lines that must be mapped (default ${DEFAULT_MIN_MAPPED * 100})
  --partial       write what was recognised even when a document yields nothing or less than
                  --min-mapped of it was mapped

Exit status: 0 when the content was written and passes okr check; 1 when nothing could be
imported, a document yielded nothing or too little of it was mapped (without --partial), or the
result has errors; 2 for usage mistakes. See docs/importer.md.`;

/** The list of files an import wrote, kept in --out so that --force removes only those. */
const MANIFEST = '.okr-import.json';
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Every file under `dir` (links not followed), as paths relative to it. */
function filesUnder(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const abs = join(dir, name);
    const st = lstatSync(abs);
    if (st.isDirectory()) {
      const inner = filesUnder(abs, base);
      pushAll(out, inner.length ? inner : [`${slash(relative(base, abs))}/`]);
    } else out.push(slash(relative(base, abs)));
  }
  return out;
}

/** Files in `dir` that an earlier import did not write, or that changed since: --force must not delete them. */
function notOurs(dir: string): string[] {
  let manifest: { files?: Record<string, string> } = {};
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as typeof manifest;
  } catch {
    return filesUnder(dir);
  }
  const files = manifest.files ?? {};
  return filesUnder(dir).filter(
    (f) => f !== MANIFEST && (files[f] === undefined || f.endsWith('/') || sha256(readFileSync(join(dir, f))) !== files[f]),
  );
}

const isEmptyDir = (dir: string) => readdirSync(dir).length === 0;
const slash = (p: string) => p.split(sep).join('/');
/** `path` is `dir` or inside it. */
const within = (dir: string, path: string) => {
  const r = relative(dir, resolve(path));
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/**
 * Why --out must not be replaced, if it must not: --force deletes the directory's old contents, so it
 * may not hold the current directory, a git repository, a document being imported or the report.
 */
function keepOut(
  outArg: string,
  out: string,
  force: boolean,
  documents: readonly string[],
  report: string | undefined,
): string | undefined {
  // Always: the report would be written into the directory that is then replaced.
  if (report && within(out, report)) return `--report ${report} is inside --out ${outArg}, which the import replaces; write it elsewhere`;
  if (!force || !existsSync(out)) return undefined;
  if (within(out, process.cwd())) return `--out ${outArg} holds the current directory; --force would delete it`;
  if (existsSync(join(out, '.git')))
    return `--out ${outArg} is a git repository; --force would delete it (import into a new directory instead)`;
  const document = documents.find((d) => within(out, d));
  if (document) return `--out ${outArg} holds ${document}, a document being imported; --force would delete it`;
  const foreign = notOurs(out);
  if (foreign.length)
    return `--out ${outArg} holds ${foreign.length} file${foreign.length === 1 ? '' : 's'} that no earlier import wrote or that changed since (${foreign.slice(0, 4).join(', ')}${foreign.length > 4 ? ', …' : ''}); --force replaces only an earlier import's own files: import into a new directory`;
  return undefined;
}

/**
 * Write a whole directory of files atomically with its manifest (built beside the target, then swapped
 * into place). An earlier import it replaces holds only files that import wrote (checked before and
 * again after the swap); anything else found then is left where it is.
 */
function writeDirectory(out: string, files: Map<string, string>, force: boolean) {
  const exists = existsSync(out);
  if (exists && !isEmptyDir(out) && (!force || notOurs(out).length))
    throw new UsageError(`${out} is not empty; pass --force to replace an earlier import`);
  const manifest = Object.fromEntries([...files].map(([path, text]) => [path, sha256(text)]));
  const note = 'Files written by okr import; okr import --force replaces only these.';
  writeDirAtomic(out, [...files, [MANIFEST, `${JSON.stringify({ note, files: manifest }, null, 2)}\n`]], {
    replace: exists,
    keepOld: (old) => {
      const late = notOurs(old);
      if (late.length) console.error(`okr import: ${late.join(', ')} appeared in the old ${out} during the import; left in ${old}`);
      return late.length > 0;
    },
  });
}

function writeReport(file: string, text: string, force: boolean) {
  if (existsSync(file) && !force) throw new UsageError(`${file} exists; pass --force to overwrite it`);
  writeFileAtomic(resolve(file), text);
}

export function importCommand(argv: string[]): number {
  const { values, positionals } = parse(
    argv,
    {
      out: { type: 'string' },
      period: { type: 'string' },
      team: { type: 'string' },
      org: { type: 'string' },
      report: { type: 'string' },
      force: { type: 'boolean' },
      partial: { type: 'boolean' },
      'min-mapped': { type: 'string' },
    },
    true,
  );
  if (values.help) return (console.log(HELP), 0);
  if (!positionals.length) throw new UsageError('name at least one document to import (okr import FILE... --out DIR)');
  const outArg = values.out;
  if (!outArg) throw new UsageError('--out DIR is required: the content directory to create');
  const out = resolve(outArg);
  const force = Boolean(values.force);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`${outArg} is a file, not a directory`);
  if (existsSync(out) && !force && !isEmptyDir(out))
    throw new UsageError(`${outArg} is not empty; pass --force to replace an earlier import (only the files it wrote)`);
  const minArg = values['min-mapped'];
  const minMapped = minArg === undefined ? DEFAULT_MIN_MAPPED : Number(minArg.replace(/%$/, '')) / 100;
  if (!(minMapped >= 0 && minMapped <= 1)) throw new UsageError(`--min-mapped '${minArg}' must be a percentage from 0 to 100`);
  const reportFile = values.report;
  if (reportFile && existsSync(reportFile) && !force) throw new UsageError(`${reportFile} exists; pass --force to overwrite it`);
  const kept = keepOut(outArg, out, force, positionals, reportFile);
  if (kept) throw new UsageError(kept);
  const problem = optionProblem({ period: values.period, team: values.team });
  if (problem) throw new UsageError(problem);

  const inputs: ImportInput[] = positionals.map((file) => {
    try {
      return { file: slash(file), bytes: readFileSync(file) };
    } catch (e) {
      throw new UsageError(
        `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
    }
  });

  // The `$schema` line points at this repository's schemas when the output sits inside it.
  const cwd = process.cwd();
  const schemas = join(cwd, 'public/schema');
  const inside = within(cwd, out);
  const schemaDir = inside && existsSync(schemas) ? slash(relative(out, schemas)) : undefined;

  const result = importDocuments(inputs, {
    ...(values.period ? { period: values.period } : {}),
    ...(values.team ? { team: values.team } : {}),
    ...(values.org ? { org: values.org } : {}),
    ...(schemaDir ? { schemaDir } : {}),
    minMapped,
  });
  if (reportFile) writeReport(reportFile, result.report, force);
  process.stdout.write(result.report);
  for (const d of result.summaries)
    console.error(
      `okr import: ${d.file}: ${count(d.objectives, 'objective')}, ${count(d.keyResults, 'key result')}${d.kpis ? `, ${count(d.kpis, 'KPI')}` : ''}, ${d.unmappedLines} of ${d.candidates} lines not mapped (${pct(d.mapped)} mapped), ${count(d.guesses, 'guess', 'guesses')}`,
    );
  if (result.error) {
    console.error(`okr import: ${result.error}`);
    return 1;
  }
  if (result.shortfall && !values.partial) {
    console.error(`okr import: ${result.shortfall}; nothing written (pass --partial to write what was recognised, or see the report)`);
    return 1;
  }
  writeDirectory(out, result.files, force);
  const checked = computeHandbook(out, { cwd });
  const errors = checked.issues.filter((i) => i.severity === 'error');
  if (errors.length) {
    console.error(formatPretty(errors));
    console.error(
      `okr import: wrote ${result.files.size} files to ${outArg}, but okr check finds ${errors.length} error(s) in them (listed above).`,
    );
    return 1;
  }
  console.error(`okr import: wrote ${result.files.size} files to ${outArg}; okr check passes (run: okr check --content ${outArg}).`);
  return 0;
}
