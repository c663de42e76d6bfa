/**
 * Makes and signs certificates: self-signed (issuer = subject, signed by the
 * subject's own key) or signed by a CA's key. The caller decides every field,
 * so that each tool reproduces what its real counterpart writes (version,
 * serial, validity, extensions and their order).
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  Certificate as AsnCertificate,
  Extension,
  Extensions,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
} from '@peculiar/asn1-x509';
import { OctetString } from '@peculiar/asn1-schema';
import { Certificate } from './certificate.ts';
import { toAsnName, type DistinguishedName } from './distinguished-name.ts';
import type { CertificateExtension } from './extensions.ts';
import type { HashName, PrivateKey } from './private-key.ts';
import { signatureAlgorithmFor } from './signature-algorithms.ts';

export interface CertificateTemplate {
  /** 1 for a certificate without extensions (`openssl x509 -req` in OpenSSL 3.0), else 3. */
  version: 1 | 3;
  serialNumber: bigint;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  /** Milliseconds since the epoch; whole seconds are kept. */
  notBefore: number;
  notAfter: number;
  /** The subject's public key, SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
  /** In the order they are written. */
  extensions?: CertificateExtension[];
}

/** DER INTEGER content for a non-negative serial: big-endian, a zero byte ahead of a set high bit. */
export function serialNumberBytes(serial: bigint): Uint8Array {
  let hex = serial.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = Buffer.from(hex, 'hex');
  return bytes[0] & 0x80 ? new Uint8Array([0, ...bytes]) : new Uint8Array(bytes);
}

/** Signs `template` with `signer` (the issuer's key) using `hash`. */
export async function issueCertificate(template: CertificateTemplate, signer: PrivateKey, hash: HashName): Promise<Certificate> {
  const algorithm = signatureAlgorithmFor(signer.algorithm, hash);
  // RSA signature identifiers carry an explicit NULL parameter, ECDSA ones none (RFC 4055 5, RFC 5758 3.2).
  const identifier = new AlgorithmIdentifier({
    algorithm: algorithm.oid,
    parameters: algorithm.key === 'rsa' ? new Uint8Array([5, 0]).buffer : undefined,
  });
  const extensions = template.extensions ?? [];
  const tbs = new TBSCertificate({
    version: template.version - 1,
    serialNumber: serialNumberBytes(template.serialNumber).buffer as ArrayBuffer,
    signature: identifier,
    issuer: toAsnName(template.issuer),
    validity: new Validity({ notBefore: new Date(template.notBefore), notAfter: new Date(template.notAfter) }),
    subject: toAsnName(template.subject),
    subjectPublicKeyInfo: AsnConvert.parse(template.spki, SubjectPublicKeyInfo),
    extensions:
      template.version === 3 && extensions.length > 0
        ? new Extensions(extensions.map((e) => new Extension({ extnID: e.oid, critical: e.critical, extnValue: new OctetString(e.value) })))
        : undefined,
  });
  const tbsDer = new Uint8Array(AsnConvert.serialize(tbs));
  const signature = await signer.sign(tbsDer, hash);
  const cert = new AsnCertificate({ tbsCertificate: tbs, signatureAlgorithm: identifier, signatureValue: signature.slice().buffer as ArrayBuffer });
  return new Certificate(new Uint8Array(AsnConvert.serialize(cert)));
}
