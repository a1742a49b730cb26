// Leaf keys and tree order, shared by the build and the browser's Verify button (no imports).

/** `<record>/<id>`, e.g. "keyResult/2027-q1-company-churn-defense.kr2". */
export const leafKey = (record: string, id: string) => `${record}/${id}`;

/** Tree order: by stable id (UTF-16 code units, locale-free), then by record type. */
export function compareLeaves(a: { id: string; record: string }, b: { id: string; record: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : a.record < b.record ? -1 : a.record > b.record ? 1 : 0;
}
