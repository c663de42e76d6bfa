/**
 * What a SubjectPublicKeyInfo holds, for printing (`openssl x509 -text`) and
 * for key identifiers.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import type { EcCurve } from './private-key.ts';

export type PublicKeyDetails =
  | { algorithm: 'rsa'; bits: number; modulus: Uint8Array; exponent: bigint }
  | { algorithm: 'ec'; curve: EcCurve; bits: number; point: Uint8Array }
  | { algorithm: 'other'; oid: string };

const CURVES: Record<string, { curve: EcCurve; bits: number }> = {
  prime256v1: { curve: 'P-256', bits: 256 },
  secp384r1: { curve: 'P-384', bits: 384 },
  secp521r1: { curve: 'P-521', bits: 521 },
};

const fromBase64Url = (text: string) => new Uint8Array(Buffer.from(text, 'base64url'));

export function publicKeyDetails(spki: Uint8Array): PublicKeyDetails {
  let key;
  try {
    key = createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });
  } catch {
    return { algorithm: 'other', oid: AsnConvert.parse(spki, SubjectPublicKeyInfo).algorithm.algorithm };
  }
  const jwk = key.export({ format: 'jwk' });
  if (key.asymmetricKeyType === 'rsa' && jwk.n && jwk.e) {
    const modulus = fromBase64Url(jwk.n);
    const exponent = BigInt(`0x${Buffer.from(fromBase64Url(jwk.e)).toString('hex')}`);
    return { algorithm: 'rsa', bits: key.asymmetricKeyDetails?.modulusLength ?? modulus.length * 8, modulus, exponent };
  }
  const curve = CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
  if (key.asymmetricKeyType === 'ec' && curve && jwk.x && jwk.y) {
    return { ...curve, algorithm: 'ec', point: new Uint8Array([4, ...fromBase64Url(jwk.x), ...fromBase64Url(jwk.y)]) };
  }
  return { algorithm: 'other', oid: AsnConvert.parse(spki, SubjectPublicKeyInfo).algorithm.algorithm };
}

/**
 * SHA-1 of the subjectPublicKey bits (RFC 5280 4.2.1.2 method 1): OpenSSL's
 * `subjectKeyIdentifier=hash` and cfssl's signer.ComputeSKI both compute this.
 */
export function keyIdentifier(spki: Uint8Array): Uint8Array {
  const bits = AsnConvert.parse(spki, SubjectPublicKeyInfo).subjectPublicKey;
  return new Uint8Array(createHash('sha1').update(new Uint8Array(bits)).digest());
}
