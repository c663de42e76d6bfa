/**
 * An X.509 certificate, parsed with @peculiar/asn1-x509: the fields the tools
 * print and the checks of verification need.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate as AsnCertificate } from '@peculiar/asn1-x509';
import { fromAsnName, type DistinguishedName } from './distinguished-name.ts';
import {
  EXTENSION_OIDS,
  readAlternativeNames,
  readAuthorityKeyIdentifier,
  readBasicConstraints,
  readExtendedKeyUsage,
  readKeyIdentifier,
  readKeyUsage,
  type AlternativeName,
  type CertificateExtension,
  type KeyUsageName,
} from './extensions.ts';
import { decodePem, encodePem } from './pem.ts';
import { x509 } from './webcrypto.ts';

export class Certificate {
  readonly version: number;
  /** The serial number's magnitude, big-endian, without DER's sign padding. */
  readonly serialNumber: Uint8Array;
  readonly signatureAlgorithm: string;
  readonly issuer: DistinguishedName;
  readonly subject: DistinguishedName;
  /** Milliseconds since the epoch. */
  readonly notBefore: number;
  readonly notAfter: number;
  /** SubjectPublicKeyInfo DER. */
  readonly spki: Uint8Array;
  readonly extensions: CertificateExtension[];
  readonly signature: Uint8Array;

  constructor(readonly der: Uint8Array) {
    const asn = AsnConvert.parse(der, AsnCertificate);
    const tbs = asn.tbsCertificate;
    this.version = tbs.version + 1;
    const serial = new Uint8Array(tbs.serialNumber);
    let start = 0;
    while (start < serial.length - 1 && serial[start] === 0) start++;
    this.serialNumber = serial.slice(start);
    this.signatureAlgorithm = asn.signatureAlgorithm.algorithm;
    this.issuer = fromAsnName(tbs.issuer);
    this.subject = fromAsnName(tbs.subject);
    this.notBefore = tbs.validity.notBefore.getTime().getTime();
    this.notAfter = tbs.validity.notAfter.getTime().getTime();
    this.spki = new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo));
    this.extensions = (tbs.extensions ?? []).map((e) => ({ oid: e.extnID, critical: e.critical, value: new Uint8Array(e.extnValue.buffer) }));
    this.signature = new Uint8Array(asn.signatureValue);
  }

  /** PEM as OpenSSL writes it. */
  get pem(): string {
    return encodePem('CERTIFICATE', this.der);
  }

  /** Serial number as `openssl x509 -serial` prints it: upper-case hex, two digits a byte. */
  get serialHex(): string {
    return Buffer.from(this.serialNumber).toString('hex').toUpperCase();
  }

  extension(oid: string): CertificateExtension | undefined {
    return this.extensions.find((e) => e.oid === oid);
  }

  get basicConstraints(): { ca: boolean; pathLength?: number } | undefined {
    const e = this.extension(EXTENSION_OIDS.basicConstraints);
    return e && readBasicConstraints(e);
  }

  get keyUsage(): KeyUsageName[] | undefined {
    const e = this.extension(EXTENSION_OIDS.keyUsage);
    return e && readKeyUsage(e);
  }

  get extendedKeyUsage(): string[] | undefined {
    const e = this.extension(EXTENSION_OIDS.extendedKeyUsage);
    return e && readExtendedKeyUsage(e);
  }

  get subjectKeyIdentifier(): Uint8Array | undefined {
    const e = this.extension(EXTENSION_OIDS.subjectKeyIdentifier);
    return e && readKeyIdentifier(e);
  }

  get authorityKeyIdentifier(): Uint8Array | undefined {
    const e = this.extension(EXTENSION_OIDS.authorityKeyIdentifier);
    return e && readAuthorityKeyIdentifier(e);
  }

  /** The subjectAltName entries in order; undefined when the extension is absent. */
  get alternativeNames(): AlternativeName[] | undefined {
    const e = this.extension(EXTENSION_OIDS.subjectAltName);
    return e && readAlternativeNames(e);
  }

  /** Whether the signature verifies with the public key `spki` (the issuer's). */
  async isSignedBy(spki: Uint8Array): Promise<boolean> {
    try {
      return await new x509.X509Certificate(this.der).verify({ publicKey: new x509.PublicKey(spki), signatureOnly: true });
    } catch {
      return false;
    }
  }

  /** Byte-for-byte the same certificate. */
  equals(other: Certificate): boolean {
    return Buffer.from(this.der).equals(Buffer.from(other.der));
  }
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);

/** Every readable certificate in a PEM text (a bundle, a chain), in order; others are skipped. */
export function parseCertificatesPem(text: string): Certificate[] {
  const out: Certificate[] = [];
  for (const block of decodePem(text)) {
    if (!CERTIFICATE_LABELS.has(block.label)) continue;
    const cert = tryParseCertificate(block.der);
    if (cert) out.push(cert);
  }
  return out;
}

/** The certificate in `der`; undefined when it is not one. */
export function tryParseCertificate(der: Uint8Array): Certificate | undefined {
  try {
    return new Certificate(der);
  } catch {
    return undefined;
  }
}
