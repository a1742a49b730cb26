// The grade audit compares like with like: a declared grade with the computed grade, and, apart, a
// declared status with the status the same model gives at the same reading (a document's
// "🟢 Ahead" is a pace statement, compared with the pace). Both sides are kept, never "fixed".
import { formatGrade } from './format.ts';
import type { Grade } from './grading.ts';
import { declaredLights, type Light, type Status } from './status.ts';

/** One disagreement, in words a reader understands. */
export interface AuditFinding {
  declared: string;
  computed: string;
  reason: string;
}

export interface Audit {
  /** The declared grade differs from the computed one by more than the org's tolerance. */
  grade: AuditFinding | null;
  /** The declared status's light differs from the computed status's. */
  status: AuditFinding | null;
}

const EMOJI: Record<Light, string> = { red: '🔴', yellow: '🟡', green: '🟢' };

export function gradeAudit(
  declared: number | undefined,
  computed: Pick<Grade, 'value' | 'source' | 'derivation'>,
  tolerance: number,
): AuditFinding | null {
  if (declared === undefined || computed.value === null || computed.source === 'declared') return null;
  if (Math.abs(declared - computed.value) <= tolerance + 1e-9) return null;
  return {
    declared: formatGrade(declared),
    computed: formatGrade(computed.value),
    reason: `The document declares ${formatGrade(declared)}; the handbook computes ${formatGrade(computed.value)} (${computed.derivation}).`,
  };
}

/**
 * `computed` is the status at the reading the document describes: its pace when the reading is
 * inside the period, the final band after it.
 */
export function statusAudit(
  declared: { status?: Light; statusNote?: string } | undefined,
  computed: Status,
  what: string,
): AuditFinding | null {
  const lights = declaredLights(declared);
  if (!lights.length || computed.light === null || lights.includes(computed.light)) return null;
  const said = `${declared?.status ? `${EMOJI[declared.status]} ` : ''}${declared?.statusNote ?? declared?.status ?? ''}`.trim();
  const basis = computed.key === 'final' ? 'by its final grade' : 'by the handbook’s pace';
  return {
    declared: said,
    computed: computed.word,
    reason: `The document says “${said}” (${lights.join(' or ')}); ${basis} the ${what} is ${computed.word} (${computed.light}): ${computed.why}.`,
  };
}

/** One row of the audit page: a key result or objective whose document disagrees with the handbook. */
export interface AuditEntry {
  kind: 'Objective' | 'Key result';
  /** The objective id, or the key result's "<objective-id>.<kr-id>". */
  id: string;
  objective: string;
  period: string;
  title: string;
  finding: AuditFinding;
}

type Audited = { id: string; period: string; title: string; audit: Audit; keyResults: { uid: string; title: string; audit: Audit }[] };

/** The audit's two lists, apart: grade disagreements and status disagreements, in objective order. */
export function auditEntries(objectives: readonly Audited[]): { grade: AuditEntry[]; status: AuditEntry[] } {
  const out = { grade: [] as AuditEntry[], status: [] as AuditEntry[] };
  for (const o of objectives)
    for (const which of ['grade', 'status'] as const) {
      const push = (kind: AuditEntry['kind'], id: string, title: string, a: Audit) => {
        const finding = a[which];
        if (finding) out[which].push({ kind, id, objective: o.id, period: o.period, title, finding });
      };
      push('Objective', o.id, o.title, o.audit);
      for (const k of o.keyResults) push('Key result', k.uid, k.title, k.audit);
    }
  return out;
}
