// What the objective page shows of an automatic check-in's provenance (a key result's receipt leaf
// commits to the same four fields). Pure.
import type { Provenance } from '../schema/index.ts';

export interface ProvenanceView {
  /** "Read from enterprise-arr on 2026-05-31 06:00 UTC" */
  summary: string;
  rows: { term: string; value: string; hash: boolean }[];
}

const when = (fetchedAt: string) => `${fetchedAt.slice(0, 10)} ${fetchedAt.slice(11, 16)} UTC`;

export function provenanceView(p: Provenance): ProvenanceView {
  return {
    summary: `Read from ${p.source} on ${when(p.fetchedAt)}`,
    rows: [
      { term: 'Source', value: p.source, hash: false },
      { term: 'Read at', value: p.fetchedAt, hash: false },
      { term: 'Query hash (SHA-256 of what was asked)', value: p.queryHash, hash: true },
      { term: 'Result digest (SHA-256 of what came back)', value: p.resultDigest, hash: true },
    ],
  };
}
