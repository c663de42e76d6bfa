/**
 * Signature algorithm identifiers (RFC 4055, RFC 5758) with the names OpenSSL
 * prints, and which one a key signs with.
 */
import type { HashName, KeyAlgorithm } from './private-key.ts';

interface SignatureAlgorithm {
  oid: string;
  key: 'rsa' | 'ec';
  hash: HashName;
  /** OBJ_nid2ln, as `Signature Algorithm:` in `openssl x509 -text`. */
  opensslName: string;
}

const ALGORITHMS: SignatureAlgorithm[] = [
  { oid: '1.2.840.113549.1.1.5', key: 'rsa', hash: 'SHA-1', opensslName: 'sha1WithRSAEncryption' },
  { oid: '1.2.840.113549.1.1.11', key: 'rsa', hash: 'SHA-256', opensslName: 'sha256WithRSAEncryption' },
  { oid: '1.2.840.113549.1.1.12', key: 'rsa', hash: 'SHA-384', opensslName: 'sha384WithRSAEncryption' },
  { oid: '1.2.840.113549.1.1.13', key: 'rsa', hash: 'SHA-512', opensslName: 'sha512WithRSAEncryption' },
  { oid: '1.2.840.10045.4.1', key: 'ec', hash: 'SHA-1', opensslName: 'ecdsa-with-SHA1' },
  { oid: '1.2.840.10045.4.3.2', key: 'ec', hash: 'SHA-256', opensslName: 'ecdsa-with-SHA256' },
  { oid: '1.2.840.10045.4.3.3', key: 'ec', hash: 'SHA-384', opensslName: 'ecdsa-with-SHA384' },
  { oid: '1.2.840.10045.4.3.4', key: 'ec', hash: 'SHA-512', opensslName: 'ecdsa-with-SHA512' },
];

/** The algorithm a key of `key` signs with using `hash`. */
export function signatureAlgorithmFor(key: KeyAlgorithm, hash: HashName): SignatureAlgorithm {
  const found = ALGORITHMS.find((a) => a.key === key.name && a.hash === hash);
  if (!found) throw new Error(`no signature algorithm for ${key.name} with ${hash}`);
  return found;
}

/** OpenSSL's name for a signature algorithm OID; the OID itself when unknown. */
export function signatureAlgorithmName(oid: string): string {
  return ALGORITHMS.find((a) => a.oid === oid)?.opensslName ?? oid;
}
