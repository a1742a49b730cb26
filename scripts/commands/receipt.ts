// okr receipt PERIOD --scope SCOPE: print a decision receipt for the content as it is now, to save
// under content/receipts/<id>.yaml once the decision is made. Prints; writes nothing.
import { publicIds } from '../../src/lib/public-ids.ts';
import { buildDate } from '../../src/lib/calendar.ts';
import { formatPretty } from '../../src/lib/errors.ts';
import { computeHandbook } from '../../src/lib/handbook.ts';
import { git, repoRoot, pathInRepo } from '../../src/lib/load/git.ts';
import { scopeLeaves } from '../../src/lib/receipts/leaves.ts';
import { treeOf } from '../../src/lib/receipts/trust.ts';
import { receiptScope } from '../../src/lib/schema/index.ts';
import { oneOf, parse, UsageError } from './args.ts';

export const HELP = `Usage: okr receipt PERIOD --scope ${receiptScope.options.join('|')} [--content DIR]

Prints a decision receipt (YAML) binding SCOPE of PERIOD as it is now: its Merkle root and the leaf
hash of every record, so a later change is reported as stale with the records that changed. Fill in
decision and approvers, and save it as content/receipts/<id>.yaml. Receipts cover the full content
(internal records included): the approval is of everything.`;

export function receiptCommand(argv: string[]): number {
  const { values, positionals, content } = parse(argv, { scope: { type: 'string' } }, true);
  if (values.help) return (console.log(HELP), 0);
  if (positionals.length !== 1) throw new UsageError('name one period, e.g. okr receipt 2027-Q1 --scope okrs');
  if (values.scope === undefined) throw new UsageError(`--scope is required (${receiptScope.options.join(', ')})`);
  const scope = oneOf(values.scope, receiptScope.options, '--scope', 'okrs');
  const period = positionals[0]!;
  const result = computeHandbook(content);
  if (!result.handbook) {
    console.error(formatPretty(result.issues.filter((issue) => issue.severity === 'error')));
    return 1;
  }
  const m = result.handbook.model;
  if (!m.periods.some((p) => p.id === period)) {
    console.error(`okr receipt: no period ${period}`);
    return 1;
  }
  const leaves = scopeLeaves(m, scope, period, publicIds(m));
  if (!leaves) {
    console.error(`okr receipt: the handbook keeps no ${scope} content to bind; such a receipt can only be recorded, not checked`);
    return 1;
  }
  const tree = treeOf(period, leaves);
  let commit: string | undefined;
  const root = repoRoot(content);
  if (root)
    try {
      const path = pathInRepo(root, content) || '.';
      if (!git(root, ['status', '--porcelain', '--', path]).toString().trim()) commit = git(root, ['rev-parse', 'HEAD']).toString().trim();
    } catch {
      // Not a git repository: the receipt is printed without a commit.
    }
  const id = `${period.toLowerCase()}-${scope}`;
  const q = (s: string) => JSON.stringify(s);
  process.stdout.write(
    [
      '# yaml-language-server: $schema=../../public/schema/receipt.schema.json',
      `id: ${id}`,
      `scope: ${scope}`,
      `period: ${q(period)}`,
      `decision: ${q(`Approve the ${scope} of ${period}`)}`,
      'approvers: [CEO]',
      `decidedAt: ${buildDate(process.env)}`,
      `root: "${tree.root}"`,
      ...(commit ? [`commit: ${commit}`] : []),
      `# ${tree.treeSize} records; a stale receipt names the ones that changed.`,
      'leaves:',
      ...tree.records.map((r) => `  ${r.key}: "${r.leaf}"`),
      '',
    ].join('\n'),
  );
  return 0;
}
