// `okr check` on a narrative or guide page: every problem the rules (./rules.ts) find, as content
// issues with file, line, column and hint, and the components the page uses (checked against the
// handbook by validate/components.ts).
import type { ContentIssue } from '../errors.ts';
import { parseProse, type ProseFormat } from './parse.ts';
import { proseProblems, type ProseComponent } from './rules.ts';

export function checkProse(file: string, text: string, format: ProseFormat): { issues: ContentIssue[]; components: ProseComponent[] } {
  const parsed = parseProse(text, format);
  const issue = (p: { line: number; column: number; message: string; hint: string }): ContentIssue => ({
    file,
    ...p,
    path: '',
    severity: 'error',
  });
  if ('problem' in parsed) return { issues: [issue(parsed.problem)], components: [] };
  const { problems, components } = proseProblems(parsed.tree, format);
  return { issues: problems.map(issue), components };
}
