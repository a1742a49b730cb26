// Names as documents write them: YAML keys ("Company_OKRs_2025") and people with their roles
// ("Sofia Martinez (VP Customer Success)"). Pure.

/** "Company_OKRs_2025" → "Company OKRs 2025"; "customer_trust_safety" → "Customer trust safety". */
export const humanise = (key: string, sentence = false) => {
  const s = key.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return sentence ? s.charAt(0).toUpperCase() + s.slice(1).toLowerCase() : s;
};

/** "Sofia Martinez (VP Customer Success)" → name + role. */
export function person(text: string): { name: string; role?: string } {
  const m = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(text.trim());
  if (m && m[1]) return { name: m[1].trim(), role: m[2]!.trim() };
  return { name: text.trim() };
}

/** Words that name a role, not a person: "VP Engineering", "Senior Director, People Success", "CEO". */
export const ROLE_WORDS =
  /\b(?:vp|svp|evp|ceo|cto|cfo|coo|cro|cpo|cmo|ciso|director|manager|head|lead|chief|senior|officer|team|product|engineering|executive|president|founder|owner|pm|em|leadership|board|committee|council|group)\b/i;
