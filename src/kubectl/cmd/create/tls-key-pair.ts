/**
 * The check `kubectl create secret tls` makes before sending anything: Go's
 * crypto/tls X509KeyPair, with its error texts (crypto/tls/tls.go). Parsing
 * and the public-key comparison use node:crypto.
 */
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';

interface PemBlock {
  type: string;
  text: string;
}

/** encoding/pem Decode, repeatedly: every well-formed block in order. */
function pemBlocks(input: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const re = /-----BEGIN ([^-\r\n]*)-----\r?\n[\s\S]*?-----END \1-----/g;
  for (let m = re.exec(input); m; m = re.exec(input)) blocks.push({ type: m[1], text: m[0] });
  return blocks;
}

/** Throws Error with Go's message when the pair would not load. */
export function checkX509KeyPair(certPem: string, keyPem: string): void {
  const certBlocks = pemBlocks(certPem);
  const certs = certBlocks.filter((b) => b.type === 'CERTIFICATE');
  if (certs.length === 0) {
    const skipped = certBlocks.map((b) => b.type);
    if (skipped.length === 0) throw new Error('tls: failed to find any PEM data in certificate input');
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY')) {
      throw new Error('tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched');
    }
    throw new Error(`tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
  }
  const keyBlocks = pemBlocks(keyPem);
  const keyIndex = keyBlocks.findIndex((b) => b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY'));
  if (keyIndex < 0) {
    const skipped = keyBlocks.map((b) => b.type);
    if (skipped.length === 0) throw new Error('tls: failed to find any PEM data in key input');
    if (skipped.length === 1 && skipped[0] === 'CERTIFICATE') throw new Error('tls: found a certificate rather than a key in the PEM for the private key');
    throw new Error(`tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`);
  }
  let certKey: string;
  try {
    certKey = new X509Certificate(certs[0].text).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    throw new Error('x509: malformed certificate');
  }
  let ownKey: string;
  try {
    ownKey = createPublicKey(createPrivateKey(keyBlocks[keyIndex].text)).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    throw new Error('tls: failed to parse private key');
  }
  if (certKey !== ownKey) throw new Error('tls: private key does not match public key');
}
