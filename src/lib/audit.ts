// The grade audit: where a document's declared grade or status disagrees with the computed one.
import { formatGrade } from './format.ts';
import type { Grade, Status } from './grading.ts';

export interface AuditResult {
  flag: boolean;
  reasons: string[];
}

export function auditValues(
  declared: { grade?: number; status?: Status; statusNote?: string } | undefined,
  computed: { grade: Grade | { value: number | null; source: string | null }; status: Status | null; band: string | null },
  tolerance: number,
  context = '',
): AuditResult {
  const reasons: string[] = [];
  const g = computed.grade;
  if (declared?.grade !== undefined && g.value !== null && g.source !== 'declared' && Math.abs(declared.grade - g.value) > tolerance + 1e-9)
    reasons.push(`declared grade ${formatGrade(declared.grade)} differs from computed ${formatGrade(g.value)}`);
  if (declared?.status && computed.status && declared.status !== computed.status)
    reasons.push(
      `declared status ${declared.status}${declared.statusNote ? ` ("${declared.statusNote}")` : ''} but the computed ${g.value !== null ? `grade ${formatGrade(g.value)} is ${computed.status}` : `status is ${computed.status}`}${context}`,
    );
  return { flag: reasons.length > 0, reasons };
}
