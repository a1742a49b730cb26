// okr import FILE... --out DIR [--period ID] [--team ID] [--org NAME] [--report FILE] [--force]
// The I/O around src/lib/import: read the documents, write the content directory atomically
// (a temporary directory renamed into place), check it, print the report.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { formatPretty } from '../../src/lib/errors.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { writeDirAtomic, writeFileAtomic } from '../../src/lib/load/atomic-write.ts';
import { importDocuments, optionProblem, type ImportInput } from '../../src/lib/import/index.ts';
import { parse, UsageError } from './args.ts';

export const HELP = `Usage: okr import FILE... --out DIR [--period ID] [--team ID] [--org NAME] [--report FILE] [--force]

Turns OKR documents (Markdown with headings, tables and bullets; YAML; Markdown with \`\`\`yaml
blocks) into a content directory that \`okr check\` accepts, and prints an import report: every
line or cell that was not mapped and every value that was guessed.

  --out DIR       the content directory to create (must be empty or absent unless --force)
  --period ID     period for documents that name none, or instead of the one they name (2025-Q1, FY22-Q2, 2025)
  --team ID       team for objectives outside any team section (default: company, the root team)
  --org NAME      organisation name (default: read from the documents)
  --report FILE   also write the report to FILE (not inside --out)
  --force         replace a non-empty --out directory and an existing --report file
                  (never a directory holding the current directory, a git repository
                  or a document being imported)

Exit status: 0 when the content was written and passes okr check; 1 when nothing could be
imported or the result has errors; 2 for usage mistakes. See docs/importer.md.`;

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
  return undefined;
}

/** Write a whole directory of files atomically: built beside the target, then swapped into place. */
function writeDirectory(out: string, files: Map<string, string>, force: boolean) {
  if (existsSync(out) && !force && !isEmptyDir(out)) throw new UsageError(`${out} is not empty; pass --force to replace it`);
  writeDirAtomic(out, files, { replace: existsSync(out) });
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
    },
    true,
  );
  if (values.help) return (console.log(HELP), 0);
  if (!positionals.length) throw new UsageError('name at least one document to import (okr import FILE... --out DIR)');
  const outArg = values.out as string | undefined;
  if (!outArg) throw new UsageError('--out DIR is required: the content directory to create');
  const out = resolve(outArg);
  const force = Boolean(values.force);
  if (existsSync(out) && !statSync(out).isDirectory()) throw new UsageError(`${outArg} is a file, not a directory`);
  if (existsSync(out) && !force && !isEmptyDir(out)) throw new UsageError(`${outArg} is not empty; pass --force to replace it`);
  const reportFile = values.report as string | undefined;
  if (reportFile && existsSync(reportFile) && !force) throw new UsageError(`${reportFile} exists; pass --force to overwrite it`);
  const kept = keepOut(outArg, out, force, positionals, reportFile);
  if (kept) throw new UsageError(kept);
  const problem = optionProblem({ period: values.period as string | undefined, team: values.team as string | undefined });
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
    ...(values.period ? { period: values.period as string } : {}),
    ...(values.team ? { team: values.team as string } : {}),
    ...(values.org ? { org: values.org as string } : {}),
    ...(schemaDir ? { schemaDir } : {}),
  });
  if (reportFile) writeReport(reportFile, result.report, force);
  process.stdout.write(result.report);
  if (result.error) {
    console.error(`okr import: ${result.error}`);
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
