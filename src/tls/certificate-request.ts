/**
 * PKCS#10 certificate signing requests (RFC 2986), made with
 * @peculiar/asn1-csr: the subject, the public key and, when there are any,
 * requested extensions (the PKCS#9 extensionRequest attribute). OpenSSL's
 * `req -new` and cfssl's csr.Generate both write version 0 and an attribute
 * set that is empty unless extensions are requested.
 */
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { Attributes, CertificationRequest, CertificationRequestInfo } from '@peculiar/asn1-csr';
import { AlgorithmIdentifier, Attribute, Extension, Extensions, SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import { fromAsnName, toAsnName, type DistinguishedName } from './distinguished-name.ts';
import type { CertificateExtension } from './extensions.ts';
import { decodePem, encodePem } from './pem.ts';
import type { HashName, PrivateKey } from './private-key.ts';
import { signatureAlgorithmFor } from './signature-algorithms.ts';
import { x509 } from './webcrypto.ts';

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';

export class CertificateRequest {
  readonly subject: DistinguishedName;
  readonly spki: Uint8Array;
  readonly extensions: CertificateExtension[];
  readonly signatureAlgorithm: string;

  constructor(readonly der: Uint8Array) {
    const asn = AsnConvert.parse(der, CertificationRequest);
    const info = asn.certificationRequestInfo;
    this.subject = fromAsnName(info.subject);
    this.spki = new Uint8Array(AsnConvert.serialize(info.subjectPKInfo));
    this.signatureAlgorithm = asn.signatureAlgorithm.algorithm;
    this.extensions = [];
    for (const attribute of info.attributes ?? []) {
      if (attribute.type !== EXTENSION_REQUEST) continue;
      for (const value of attribute.values) {
        for (const e of AsnConvert.parse(value, Extensions)) {
          this.extensions.push({ oid: e.extnID, critical: e.critical, value: new Uint8Array(e.extnValue.buffer) });
        }
      }
    }
  }

  get pem(): string {
    return encodePem('CERTIFICATE REQUEST', this.der);
  }

  /** Whether the request is signed by the key it carries (OpenSSL's "self-signature"). */
  async hasValidSelfSignature(): Promise<boolean> {
    try {
      return await new x509.Pkcs10CertificateRequest(this.der).verify();
    } catch {
      return false;
    }
  }
}

/** Makes a request for `subject` signed by `key`, asking for `extensions` if any. */
export async function createCertificateRequest(
  subject: DistinguishedName,
  key: PrivateKey,
  hash: HashName,
  extensions: readonly CertificateExtension[] = [],
): Promise<CertificateRequest> {
  const attributes = new Attributes(
    extensions.length === 0
      ? []
      : [
          new Attribute({
            type: EXTENSION_REQUEST,
            values: [
              AsnConvert.serialize(
                new Extensions(extensions.map((e) => new Extension({ extnID: e.oid, critical: e.critical, extnValue: new OctetString(e.value) }))),
              ),
            ],
          }),
        ],
  );
  const info = new CertificationRequestInfo({
    version: 0,
    subject: toAsnName(subject),
    subjectPKInfo: AsnConvert.parse(key.spki, SubjectPublicKeyInfo),
    attributes,
  });
  const infoDer = new Uint8Array(AsnConvert.serialize(info));
  const algorithm = signatureAlgorithmFor(key.algorithm, hash);
  const identifier = new AlgorithmIdentifier({ algorithm: algorithm.oid, parameters: algorithm.key === 'rsa' ? new Uint8Array([5, 0]).buffer : undefined });
  const signature = await key.sign(infoDer, hash);
  const request = new CertificationRequest({ certificationRequestInfo: info, signatureAlgorithm: identifier, signature: signature.slice().buffer as ArrayBuffer });
  return new CertificateRequest(new Uint8Array(AsnConvert.serialize(request)));
}

/** The first request in a PEM text (`CERTIFICATE REQUEST` or `NEW CERTIFICATE REQUEST`); undefined when none reads. */
export function parseCertificateRequestPem(text: string): CertificateRequest | undefined {
  for (const block of decodePem(text)) {
    if (block.label !== 'CERTIFICATE REQUEST' && block.label !== 'NEW CERTIFICATE REQUEST') continue;
    try {
      return new CertificateRequest(block.der);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
