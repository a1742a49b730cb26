// Small text helpers of the Markdown reader. Pure.
import type { InlineText } from '../markdown.ts';
import type { PeriodDraft } from '../types.ts';

/** Inline text with each link's address after its words: "tracker (https://…)". */
export const withUrls = (r: Pick<InlineText, 'text' | 'links'>) =>
  r.links.reduce((t, l) => (l.text && t.includes(l.text) && !t.includes(l.url) ? t.replace(l.text, `${l.text} (${l.url})`) : t), r.text);

export const short = (s: string) => (s.length > 50 ? `${s.slice(0, 47)}…` : s);
/** As much of a line as a report entry quotes. */
export const excerpt = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s);
/** An objective's title without the full stop ending it ("." or "。"): a title is not a sentence. */
export const withoutFullStop = (s: string) => s.replace(/\s*[.。]\s*$/, '').trim();
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
export const yearOf = (period: string | undefined): number | undefined => {
  const m = /^(\d{4})/.exec(period ?? '');
  return m ? Number(m[1]) : undefined;
};

/** "CRM Sync v2 (Integration Team)" → initiative of the Integration team; "(SAML, OIDC)" stays in the title. */
export function initiative(text: string): { title: string; team?: string } {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text.trim());
  if (m && m[1] && /^[A-Z][\w&/-]*(?:\s+[A-Z][\w&/-]*){0,2}$/.test(m[2]!.trim()) && !m[2]!.includes(','))
    return { title: m[1].trim(), team: m[2]!.trim() };
  return { title: text.trim().replace(/\.$/, '') };
}

/** "Decision receipts: OKRs, budget, risk register" → the receipt scopes named. */
export function receiptScopes(text: string): PeriodDraft['receiptsRequired'] {
  const out: PeriodDraft['receiptsRequired'] = [];
  const add = (re: RegExp, s: PeriodDraft['receiptsRequired'][number]) => {
    if (re.test(text)) out.push(s);
  };
  add(/kpi[- ]tree/i, 'kpi-tree');
  add(/\bokrs?\b/i, 'okrs');
  add(/budget/i, 'budget');
  add(/risk[- ]register/i, 'risk-register');
  add(/stage[- ]gate/i, 'stage-gate');
  return out;
}
