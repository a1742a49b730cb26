// Republishes the trust-center files byte for byte (snapshots and public keys from <content>/trust/),
// so anyone can fetch them and verify: /trust/2027-Q1/v1/leaves.jsonl, /trust/keys/<name>.pem.
import type { APIRoute } from 'astro';
import { site } from '../../data/handbook.ts';

export function getStaticPaths() {
  return site().h.trust.published.map((f) => ({ params: { file: f.path }, props: { bytes: f.bytes } }));
}

const TYPES: Record<string, string> = {
  json: 'application/json',
  jsonl: 'application/jsonl',
  pem: 'application/x-pem-file',
};

export const GET: APIRoute = ({ props, params }) =>
  new Response(new Uint8Array((props as { bytes: Uint8Array }).bytes), {
    headers: { 'Content-Type': TYPES[String(params.file).split('.').pop() ?? ''] ?? 'application/octet-stream' },
  });
