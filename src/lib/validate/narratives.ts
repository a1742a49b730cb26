// Each narrative (periods/<id>.mdx) belongs to a period that exists.
import { didYouMean, fileIssue, type ContentIssue } from '../errors.ts';

/** Narratives must belong to a period. */
export function validateNarratives(narratives: { slug: string; file: string }[], periodIds: Set<string>): ContentIssue[] {
  return narratives
    .filter((n) => !periodIds.has(n.slug))
    .map((n) =>
      fileIssue(
        n.file,
        `narrative for period '${n.slug}', but there is no periods/${n.slug}.yaml`,
        didYouMean(n.slug, periodIds) ?? 'name the .mdx after its period id',
      ),
    );
}
