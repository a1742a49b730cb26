// " #" ends a plain YAML value: `description: This is our #1 priority.` keeps "This is our" and
// drops the rest as a comment, silently. A comment glued to its first word (no space after the #)
// behind a plain value is almost always such a cut, so `okr check` warns where it starts.
import type { ContentIssue } from '../errors.ts';

/** `key: plain value #glued` on one line (block mappings; keys, values and the comment captured). */
const CUT = /^(\s*(?:-\s+)?)([^\s#'"{[\]|>-][^:#]*):\s+([^\s'"|>&*!{[#][^#]*?) #(\S.*)$/;
/** A key whose value is a block scalar (`|`, `>-`, …): the lines indented under it are text, not YAML. */
const BLOCK = /^(\s*)(?:-\s+)?[^\s#][^:#]*:\s+[|>][-+0-9]*\s*(?:#.*)?$/;

export function cutValues(file: string, text: string, lineOffset = 0): ContentIssue[] {
  if (!text.includes(' #')) return [];
  const issues: ContentIssue[] = [];
  /** Indentation of the key of the block scalar being read, if any. */
  let block = -1;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    if (block >= 0) {
      if (line.trim() === '' || indent > block) continue;
      block = -1;
    }
    const opens = BLOCK.exec(line);
    if (opens) {
      block = opens[1]!.length;
      continue;
    }
    const m = line.includes(' #') ? CUT.exec(line) : null;
    if (!m) continue;
    const [, lead, key, kept, dropped] = m as unknown as [string, string, string, string, string];
    issues.push({
      file,
      line: i + 1 + lineOffset,
      column: lead.length + key.length + line.slice(lead.length + key.length).indexOf(kept) + kept.length + 2,
      path: '',
      message: `'${key.trim()}' ends at "${kept}": " #${dropped}" is read as a YAML comment`,
      hint: `put the whole value in quotes: ${key.trim()}: "${kept} #${dropped}"`,
      severity: 'warning',
    });
  }
  return issues;
}
