// DSSE envelopes (github.com/secure-systems-lab/dsse, v1) and the little encodings they need.
// Browser-safe: no Node imports.

export const MANIFEST_PAYLOAD_TYPE = 'application/vnd.okr-handbook.snapshot-manifest+json';

export interface DsseEnvelope {
  payloadType: string;
  /** Base64 of the payload bytes. */
  payload: string;
  signatures: { keyid: string; sig: string }[];
}

const encoder = new TextEncoder();

/** PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body — what is actually signed. */
export function pae(payloadType: string, body: Uint8Array): Uint8Array {
  const type = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${type.length} ${payloadType} ${body.length} `);
  const out = new Uint8Array(head.length + body.length);
  out.set(head);
  out.set(body, head.length);
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Standard base64 → bytes; undefined when the text is not base64. */
export function fromBase64(text: string): Uint8Array | undefined {
  try {
    const s = atob(text.replace(/\s+/g, ''));
    return Uint8Array.from(s, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The DER body of a PEM block with the given label ("PUBLIC KEY"), or undefined. */
export function pemToDer(pem: string, label = 'PUBLIC KEY'): Uint8Array | undefined {
  const m = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
  return m ? fromBase64(m[1]!) : undefined;
}

export function derToPem(der: Uint8Array, label = 'PUBLIC KEY'): string {
  const b64 = toBase64(der);
  return `-----BEGIN ${label}-----\n${b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;
}
