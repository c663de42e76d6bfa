/**
 * The message digest options of `openssl req` and `x509` (-sha1, -sha256 ...):
 * the last one given signs; SHA-256 is the default (default_md in Debian's
 * /etc/ssl/openssl.cnf and OpenSSL 3's own default).
 */
import type { HashName } from '../../tls/private-key.ts';

export const DIGESTS: Readonly<Record<string, HashName>> = { sha1: 'SHA-1', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' };

export function chosenDigest(order: readonly string[]): HashName {
  let hash: HashName = 'SHA-256';
  for (const name of order) if (DIGESTS[name]) hash = DIGESTS[name];
  return hash;
}
