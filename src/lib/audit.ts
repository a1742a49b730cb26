// The grade audit compares like with like: a declared grade with the computed grade, and, apart, a
// declared status with the status the same model gives at the same reading (a document's
// "🟢 Ahead" is a pace statement, compared with the pace). Both sides are kept, never "fixed".
import { roundHalfAway } from './format.ts';
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
  const [said, got] = apart(declared, computed.value, tolerance);
  return {
    declared: said,
    computed: got,
    reason: `The document declares ${said}; the handbook computes ${got} (${computed.derivation}).`,
  };
}

/**
 * Two grades printed with as few decimals (2, else 4, else all) as show them further apart than the
 * tolerance: 0.56 against 0.5701 is a disagreement, which "0.56" against "0.57" would not show.
 */
function apart(a: number, b: number, tolerance: number): [string, string] {
  for (const digits of [2, 4]) {
    const [x, y] = [roundHalfAway(a, digits), roundHalfAway(b, digits)];
    if (Math.abs(x - y) > tolerance + 1e-9) return [x.toFixed(digits), y.toFixed(digits)];
  }
  return [String(a), String(b)];
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
