// The synchronous crypto driver for Node (build and CLI): node:crypto SHA-256 and Ed25519.
import { createPublicKey, hash, verify } from 'node:crypto';
import { runSync, type Eff, type SyncCrypto } from './merkle.ts';

export const nodeCrypto: SyncCrypto = {
  // The one-shot hash: a tree hashes ~2 nodes a leaf, and a Hash object each cost a third more.
  sha256: (data) => new Uint8Array(hash('sha256', data, 'buffer')),
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
