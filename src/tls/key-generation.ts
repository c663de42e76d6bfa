/**
 * Fresh key pairs through WebCrypto. Key material is random and not
 * reproducible (WebCrypto generation cannot be seeded): nothing a transcript
 * compares may depend on it.
 *
 * RSA generation is slow (0.3 to 1.5 s for 2048 bits on a 2-core machine,
 * measured with node 20), so after the first RSA request of a size the process
 * generates the next key of that size in the background. Each key is handed
 * out once and never kept after that, so no key is shared between scenarios.
 */
import { PrivateKey, type EcCurve, type KeyAlgorithm } from './private-key.ts';
import { subtle } from './webcrypto.ts';

const prefetched = new Map<number, Promise<PrivateKey>>();

async function generateRsa(bits: number): Promise<PrivateKey> {
  const pair = await subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
  return fromPkcs8(new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey)));
}

async function generateEc(curve: EcCurve): Promise<PrivateKey> {
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: curve }, true, ['sign', 'verify']);
  return fromPkcs8(new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey)));
}

function fromPkcs8(der: Uint8Array): PrivateKey {
  const key = PrivateKey.fromPkcs8(der);
  if (!key) throw new Error('generated key is not usable');
  return key;
}

/** Starts the next RSA key of `bits` so that a later request finds it ready. */
function prefetch(bits: number): void {
  const next = generateRsa(bits);
  next.catch(() => prefetched.delete(bits));
  prefetched.set(bits, next);
}

/** A new private key. RSA exponent 65537, as openssl genrsa, req -newkey and Go's rsa.GenerateKey use. */
export async function generatePrivateKey(algorithm: KeyAlgorithm): Promise<PrivateKey> {
  if (algorithm.name === 'ec') return generateEc(algorithm.curve);
  const ready = prefetched.get(algorithm.bits);
  prefetched.delete(algorithm.bits);
  prefetch(algorithm.bits);
  return ready ?? generateRsa(algorithm.bits);
}
