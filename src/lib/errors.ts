// Content problems: every one names file, line, column, field path, a message and a hint.
// Formatting for the three `okr check` outputs lives here too, so the CLI and the build print the same.
import { Hinter } from './hints.ts';
import { printable } from './printable.ts';

/** An error fails the check; a warning is likely a mistake; a note says how something is read (never a problem). */
export type Severity = 'error' | 'warning' | 'note';

/** A malformed setting (an environment variable): the CLI prints its message and exits 2, the build stops. */
export class SettingError extends Error {
  override name = 'SettingError';
}

/** Append every item (`target.push(...items)` overflows the stack past ~100,000 items: a mass rename makes more). */
export function pushAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

export interface ContentIssue {
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  column: number;
  /** Field path inside the file, e.g. "objectives[0].keyResults[2].target" ("" for the file). */
  path: string;
  message: string;
  hint?: string;
  severity: Severity;
}

/** A problem with a whole file (no line or field). */
export function fileIssue(file: string, message: string, hint?: string, severity: Severity = 'error'): ContentIssue {
  return { file, line: 0, column: 0, path: '', message, hint, severity };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

export function sortIssues(issues: ContentIssue[]): ContentIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : 1),
  );
}

/** At most this many problems are listed for one file: past it, one line counts the rest. */
export const MAX_ISSUES_PER_FILE = 100;

/**
 * Sorted issues with each file's list cut at `max`, followed by a line that counts what was cut: a
 * broken file can hold a problem per item (60,000 of them), and a listing that long hides the rest.
 */
export function capPerFile(sorted: readonly ContentIssue[], max = MAX_ISSUES_PER_FILE): ContentIssue[] {
  const out: ContentIssue[] = [];
  for (let i = 0, j = 0; i < sorted.length; i = j) {
    while (j < sorted.length && sorted[j]!.file === sorted[i]!.file) j++;
    for (let k = i; k < Math.min(j, i + max); k++) out.push(sorted[k]!);
    if (j - i > max) out.push(moreIssues(sorted.slice(i + max, j), sorted[i + max - 1]!));
  }
  return out;
}

/** One line for the problems not listed, placed after the last one listed. */
function moreIssues(rest: readonly ContentIssue[], last: ContentIssue): ContentIssue {
  const count = (severity: Severity) => rest.filter((r) => r.severity === severity).length;
  const [errors, warnings, notes] = [count('error'), count('warning'), count('note')];
  const parts = [
    errors && `${errors.toLocaleString('en')} error${errors === 1 ? '' : 's'}`,
    warnings && `${warnings.toLocaleString('en')} warning${warnings === 1 ? '' : 's'}`,
    notes && `${notes.toLocaleString('en')} note${notes === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return {
    file: last.file,
    line: last.line,
    column: last.column,
    path: '',
    // Sorts after every message at the same place (U+2026 is above ASCII).
    message: `… and ${rest.length.toLocaleString('en')} more in this file, not listed (${parts.join(', ')})`,
    hint: 'fix the problems listed (often one mistake repeated), then run okr check again',
    severity: errors ? 'error' : warnings ? 'warning' : 'note',
  };
}

export const hasErrors = (issues: readonly ContentIssue[]) => issues.some((issue) => issue.severity === 'error');

const colours = { red: '\x1b[31m', yellow: '\x1b[33m', dim: '\x1b[2m', bold: '\x1b[1m', cyan: '\x1b[36m', reset: '\x1b[0m' };

/** Human output: `file:line:col  error  message  (path)` plus an indented hint, and a summary. */
export function formatPretty(issues: readonly ContentIssue[], opts: { colour?: boolean } = {}): string {
  const c = opts.colour ? colours : { red: '', yellow: '', dim: '', bold: '', cyan: '', reset: '' };
  const lines: string[] = [];
  for (const i of sortIssues([...issues])) {
    const where = printable(i.line ? `${i.file}:${i.line}:${i.column}` : i.file);
    const sev =
      i.severity === 'error'
        ? `${c.red}error${c.reset}`
        : i.severity === 'warning'
          ? `${c.yellow}warning${c.reset}`
          : `${c.cyan}note${c.reset}`;
    const field = i.path ? ` ${c.dim}(${printable(i.path)})${c.reset}` : '';
    lines.push(`${c.bold}${where}${c.reset} ${sev} ${printable(i.message)}${field}`);
    if (i.hint) lines.push(`  ${c.cyan}hint:${c.reset} ${printable(i.hint)}`);
  }
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.filter((issue) => issue.severity === 'warning').length;
  const notes = issues.length - errors - warnings;
  const noted = notes ? ` (${notes} note${notes === 1 ? '' : 's'})` : '';
  lines.push(
    errors || warnings
      ? `${errors ? c.red : c.yellow}${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${c.reset}${noted}`
      : `No problems found.${noted}`,
  );
  return lines.join('\n');
}

/** GitHub Actions workflow commands, so problems appear inline on the pull request. */
export function formatGithub(issues: readonly ContentIssue[]): string {
  const esc = (s: string) => printable(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
  const prop = (s: string) => esc(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return sortIssues([...issues])
    .map((i) => {
      const msg = `${i.message}${i.path ? ` (${i.path})` : ''}${i.hint ? `\nhint: ${i.hint}` : ''}`;
      const pos = i.line ? `,line=${i.line},col=${i.column}` : '';
      return `::${i.severity === 'note' ? 'notice' : i.severity} file=${prop(i.file)}${pos},title=${prop('okr check')}::${esc(msg)}`;
    })
    .join('\n');
}

/** Machine output: an array of {file, line, column, path, message, severity, hint?}. */
export function formatJson(issues: readonly ContentIssue[]): string {
  return JSON.stringify(
    sortIssues([...issues]).map(({ file, line, column, path, message, severity, hint }) => ({
      file,
      line,
      column,
      path,
      message,
      severity,
      ...(hint ? { hint } : {}),
    })),
    null,
    2,
  );
}

/** Closest candidate by edit distance, for "did you mean …?" hints (for many words against one list, keep a Hinter). */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return new Hinter(candidates).closest(word);
}

export const didYouMean = (word: string, candidates: Iterable<string> | Hinter): string | undefined => {
  const c = candidates instanceof Hinter ? candidates.closest(word) : closest(word, candidates);
  return c ? `did you mean '${c}'?` : undefined;
};
