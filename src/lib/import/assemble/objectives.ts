// Objectives as content records: an id from period, team and title, the team from the section
// (or --team), people for owners and DRIs, key results with their kinds (../key-results.ts),
// initiatives with their teams, risks, and a score after "=>" kept as the declared grade.
import { slug, uniqueIds } from '../ids.ts';
import { buildKeyResult } from '../key-results.ts';
import type { DocRecords, ImportOptions, KrRecord, ObjectiveDraft, Report } from '../types.ts';
import { addPerson, addTeam, findTeam, type Registry } from './registry.ts';

type Rec = Record<string, unknown>;

/** An objective built from its draft, with what later stages (parents, dependencies, files) need. */
export interface Built {
  doc: DocRecords;
  draft: ObjectiveDraft;
  id: string;
  period: string;
  team: string;
  rec: Rec;
  krs: KrRecord[];
}

export function buildObjectives(docs: readonly DocRecords[], opts: ImportOptions, reg: Registry, report: Report): Built[] {
  const ids = uniqueIds();
  const defaultTeam = opts.team ?? 'company';
  // Teams named by sections first, so an initiative's "(Platform)" finds the "Platform Team" section.
  for (const d of docs) for (const o of d.objectives) if (o.team && !/^company$/i.test(o.team)) addTeam(reg, o.team);
  const built: Built[] = [];
  for (const d of docs)
    for (const o of d.objectives) {
      const period = o.period!;
      const team = o.team ? (/^company$/i.test(o.team) ? 'company' : addTeam(reg, o.team)) : defaultTeam;
      if (!o.team && opts.team)
        report({ kind: 'note', ...o.where, message: `objective "${o.title}" assigned to team ${opts.team} (--team)` });
      const id = ids(`${period.toLowerCase()}-${team}-${slug(o.title) || `objective-${o.ordinal}`}`);
      const krIds = krIdsFor(o);
      const krs = o.keyResults.map((k, i) => {
        const rec = buildKeyResult(k, krIds[i]!, report);
        if (k.owner) rec.owner = addPerson(reg, { name: k.owner }).id;
        return rec;
      });
      built.push({ doc: d, draft: o, id, period, team, rec: objectiveRecord(o, id, reg, report), krs });
    }
  return built;
}

function objectiveRecord(o: ObjectiveDraft, id: string, reg: Registry, report: Report): Rec {
  const rec: Rec = { id, title: o.title };
  if (o.description) rec.description = o.description;
  if (o.owner) {
    const p = addPerson(reg, o.owner);
    rec.owner = p.id;
    if (p.role) rec.ownerRole = p.role;
  }
  if (o.dri) rec.dri = addPerson(reg, o.dri).id;
  if (o.priority) rec.priority = o.priority;
  if (o.type) rec.type = o.type;
  if (o.typeNote) rec.typeNote = o.typeNote;
  if (o.confidence !== undefined) rec.confidence = o.confidence;
  if (o.confidenceNote) rec.confidenceNote = o.confidenceNote;
  if (o.outcome !== undefined) objectiveOutcome(o, rec, report);
  if (o.declared && Object.keys(o.declared).length) rec.declared = o.declared;
  if (o.initiatives.length)
    rec.initiatives = o.initiatives.map((i) => ({
      title: i.title,
      ...(i.team
        ? {
            team:
              findTeam(reg, i.team) ?? addTeam(reg, i.team, { file: o.where.file, line: o.where.line, what: `initiative "${i.title}"` }),
          }
        : {}),
      ...(i.owner ? { owner: addPerson(reg, { name: i.owner }).id } : {}),
      ...(i.status ? { status: i.status } : {}),
      ...(i.link ? { link: i.link } : {}),
    }));
  if (o.risks.length) rec.risks = o.risks.map((r) => ({ ...r, ...(r.owner ? { owner: addPerson(reg, { name: r.owner }).id } : {}) }));
  return rec;
}

/** kr1, kr2 … from the document's labels when they are distinct numbers, else by position. */
function krIdsFor(o: ObjectiveDraft): string[] {
  const nums = o.keyResults.map((k) => /^kr[\s_-]*(\d+)(?![\d.])/i.exec(k.label ?? '')?.[1]);
  if (nums.every((n) => n !== undefined) && new Set(nums).size === nums.length) return nums.map((n) => `kr${Number(n)}`);
  return o.keyResults.map((_, i) => `kr${i + 1}`);
}

/** "=> 60.5%" after an objective is its score (a declared grade); other words are kept in its description. */
function objectiveOutcome(o: ObjectiveDraft, rec: Rec, report: Report) {
  const text = o.outcome!.trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (pct && Number(pct[1]) <= 100) {
    const grade = Number(pct[1]) / 100;
    o.declared = { ...o.declared, grade };
    report({ kind: 'note', ...o.where, message: `objective "${o.title}": score ${text} after "=>" kept as its declared grade ${grade}` });
    return;
  }
  if (!text) return;
  rec.description = [o.description, `Outcome: ${text}`].filter(Boolean).join('\n');
  report({ kind: 'guess', ...o.where, message: `objective "${o.title}": "${text}" after "=>" kept in its description as its outcome` });
}
