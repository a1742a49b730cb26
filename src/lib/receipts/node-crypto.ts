// The synchronous crypto driver for Node (build and CLI): node:crypto SHA-256 and Ed25519.
import { createHash, createPublicKey, verify } from 'node:crypto';
import { runSync, type Eff, type SyncCrypto } from './merkle.ts';

export const nodeCrypto: SyncCrypto = {
  sha256: (data) => new Uint8Array(createHash('sha256').update(data).digest()),
  ed25519: (publicKey, message, signature) => {
    try {
      const key = createPublicKey({ key: Buffer.from(publicKey), format: 'der', type: 'spki' });
      return key.asymmetricKeyType === 'ed25519' && verify(null, message, key, signature);
    } catch {
      return false;
    }
  },
};

/** Run a Merkle/verification computation with node:crypto. */
export const run = <T>(g: Eff<T>): T => runSync(g, nodeCrypto);
