/**
 * Private keys: RSA and the NIST EC curves, read from any PEM form OpenSSL and
 * cfssl write (PKCS#8 `PRIVATE KEY`, PKCS#1 `RSA PRIVATE KEY`, SEC1
 * `EC PRIVATE KEY`), written in those forms, and used to sign through
 * WebCrypto. node:crypto only converts between the encodings.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { decodePem } from './pem.ts';
import { subtle } from './webcrypto.ts';

export type EcCurve = 'P-256' | 'P-384' | 'P-521';

export type KeyAlgorithm = { name: 'rsa'; bits: number } | { name: 'ec'; curve: EcCurve };

export type HashName = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

const CURVE_BY_OPENSSL_NAME: Record<string, EcCurve> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const CURVE_BYTES: Record<EcCurve, number> = { 'P-256': 32, 'P-384': 48, 'P-521': 66 };

export class PrivateKey {
  private constructor(
    readonly algorithm: KeyAlgorithm,
    private readonly keyObject: KeyObject,
    /** PKCS#8 DER. */
    readonly pkcs8: Uint8Array,
    /** The public half as SubjectPublicKeyInfo DER. */
    readonly spki: Uint8Array,
  ) {}

  /** Wraps a node:crypto key; undefined for algorithms other than RSA and P-256/384/521. */
  static fromKeyObject(key: KeyObject): PrivateKey | undefined {
    let algorithm: KeyAlgorithm;
    const details = key.asymmetricKeyDetails ?? {};
    if (key.asymmetricKeyType === 'rsa') algorithm = { name: 'rsa', bits: details.modulusLength ?? 0 };
    else if (key.asymmetricKeyType === 'ec' && details.namedCurve && CURVE_BY_OPENSSL_NAME[details.namedCurve]) {
      algorithm = { name: 'ec', curve: CURVE_BY_OPENSSL_NAME[details.namedCurve] };
    } else return undefined;
    const pkcs8 = new Uint8Array(key.export({ type: 'pkcs8', format: 'der' }));
    const spki = new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' }));
    return new PrivateKey(algorithm, key, pkcs8, spki);
  }

  static fromPkcs8(der: Uint8Array): PrivateKey | undefined {
    return PrivateKey.fromKeyObject(createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }));
  }

  /** `-----BEGIN PRIVATE KEY-----`: what OpenSSL 3 `genrsa` and `req -newkey` write. */
  toPkcs8Pem(): string {
    return String(this.keyObject.export({ type: 'pkcs8', format: 'pem' }));
  }

  /** `RSA PRIVATE KEY` (PKCS#1) or `EC PRIVATE KEY` (SEC1): what Go's x509.Marshal*PrivateKey, and so cfssl, write. */
  toTraditionalPem(): string {
    const type = this.algorithm.name === 'rsa' ? 'pkcs1' : 'sec1';
    return String(this.keyObject.export({ type, format: 'pem' }));
  }

  /** A signature over `data`: PKCS#1 v1.5 for RSA, DER `Ecdsa-Sig-Value` for EC, as X.509 carries them. */
  async sign(data: Uint8Array, hash: HashName): Promise<Uint8Array> {
    if (this.algorithm.name === 'rsa') {
      const key = await subtle.importKey('pkcs8', this.pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash }, false, ['sign']);
      return new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', key, data));
    }
    const key = await subtle.importKey('pkcs8', this.pkcs8, { name: 'ECDSA', namedCurve: this.algorithm.curve }, false, ['sign']);
    const raw = new Uint8Array(await subtle.sign({ name: 'ECDSA', hash }, key, data));
    return ecdsaRawToDer(raw, CURVE_BYTES[this.algorithm.curve]);
  }

  /** Whether `spki` is this key's public half. */
  matchesPublicKey(spki: Uint8Array): boolean {
    return Buffer.from(spki).equals(Buffer.from(this.spki));
  }
}

/** WebCrypto's r||s as the DER SEQUENCE { INTEGER r, INTEGER s } of RFC 3279. */
function ecdsaRawToDer(raw: Uint8Array, size: number): Uint8Array {
  const integer = (bytes: Uint8Array): number[] => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const body = [...bytes.slice(start)];
    if (body[0] & 0x80) body.unshift(0);
    return [0x02, ...derLength(body.length), ...body];
  };
  const content = [...integer(raw.slice(0, size)), ...integer(raw.slice(size))];
  return new Uint8Array([0x30, ...derLength(content.length), ...content]);
}

function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  if (n < 0x100) return [0x81, n];
  return [0x82, n >> 8, n & 0xff];
}

/**
 * The first private key in `text`, whatever its PEM form; undefined when there
 * is none or it cannot be read (encrypted, malformed, unsupported algorithm).
 */
export function parsePrivateKeyPem(text: string): PrivateKey | undefined {
  const types: Record<string, 'pkcs8' | 'pkcs1' | 'sec1'> = { 'PRIVATE KEY': 'pkcs8', 'RSA PRIVATE KEY': 'pkcs1', 'EC PRIVATE KEY': 'sec1' };
  const block = decodePem(text).find((b) => b.label.endsWith('PRIVATE KEY'));
  if (!block || !types[block.label]) return undefined;
  try {
    return PrivateKey.fromKeyObject(createPrivateKey({ key: Buffer.from(block.der), format: 'der', type: types[block.label] }));
  } catch {
    return undefined;
  }
}
