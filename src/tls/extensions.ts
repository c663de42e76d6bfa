/**
 * The X.509 v3 extensions our tools write and read (RFC 5280 4.2): basic
 * constraints, key usage, extended key usage, subject and authority key
 * identifiers, subject alternative names. Encoded with @peculiar/asn1-x509.
 */
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AuthorityKeyIdentifier,
  BasicConstraints,
  ExtendedKeyUsage,
  GeneralName,
  KeyIdentifier,
  KeyUsage,
  KeyUsageFlags,
  SubjectAlternativeName,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { ipAddressBytes, ipText } from './ip-address.ts';

/** One extension as a certificate carries it: `value` is the DER inside extnValue. */
export interface CertificateExtension {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

export const EXTENSION_OIDS = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  extendedKeyUsage: '2.5.29.37',
  authorityKeyIdentifier: '2.5.29.35',
} as const;

/** Key usage bits in DER order (bit 0 first). */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsageName = (typeof KEY_USAGES)[number];

/** Extended key usage purposes by OID (RFC 5280 4.2.1.12 and the vendor ones cfssl knows). */
export const EXTENDED_KEY_USAGES = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  ipsecEndSystem: '1.3.6.1.5.5.7.3.5',
  ipsecTunnel: '1.3.6.1.5.5.7.3.6',
  ipsecUser: '1.3.6.1.5.5.7.3.7',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
  anyExtendedKeyUsage: '2.5.29.37.0',
  microsoftServerGatedCrypto: '1.3.6.1.4.1.311.10.3.3',
  netscapeServerGatedCrypto: '2.16.840.1.113730.4.1',
} as const;

/** A subject alternative name. IP addresses keep their bytes, as host checks compare bytes. */
export type AlternativeName =
  | { type: 'dns'; value: string }
  | { type: 'ip'; bytes: Uint8Array }
  | { type: 'email'; value: string }
  | { type: 'uri'; value: string }
  | { type: 'other' };

function extension(oid: string, critical: boolean, value: unknown): CertificateExtension {
  return { oid, critical, value: new Uint8Array(AsnConvert.serialize(value)) };
}

export function basicConstraintsExtension(options: { ca: boolean; pathLength?: number; critical: boolean }): CertificateExtension {
  const value = new BasicConstraints({ cA: options.ca, pathLenConstraint: options.pathLength });
  return extension(EXTENSION_OIDS.basicConstraints, options.critical, value);
}

export function keyUsageExtension(usages: readonly KeyUsageName[], critical: boolean): CertificateExtension {
  let flags = 0;
  for (const u of usages) flags |= KeyUsageFlags[u];
  return extension(EXTENSION_OIDS.keyUsage, critical, new KeyUsage(flags));
}

export function extendedKeyUsageExtension(oids: readonly string[], critical = false): CertificateExtension {
  return extension(EXTENSION_OIDS.extendedKeyUsage, critical, new ExtendedKeyUsage([...oids]));
}

export function subjectKeyIdentifierExtension(keyId: Uint8Array): CertificateExtension {
  return extension(EXTENSION_OIDS.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
}

export function authorityKeyIdentifierExtension(keyId: Uint8Array): CertificateExtension {
  return extension(EXTENSION_OIDS.authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(keyId) }));
}

export function subjectAltNameExtension(names: readonly AlternativeName[], critical = false): CertificateExtension {
  const general = names.map((n) => {
    switch (n.type) {
      case 'dns':
        return new GeneralName({ dNSName: n.value });
      case 'ip':
        return new GeneralName({ iPAddress: ipText(n.bytes) });
      case 'email':
        return new GeneralName({ rfc822Name: n.value });
      case 'uri':
        return new GeneralName({ uniformResourceIdentifier: n.value });
      default:
        throw new Error('cannot encode an unknown alternative name');
    }
  });
  return extension(EXTENSION_OIDS.subjectAltName, critical, new SubjectAlternativeName(general));
}

export function readBasicConstraints(e: CertificateExtension): { ca: boolean; pathLength?: number } {
  const bc = AsnConvert.parse(e.value, BasicConstraints);
  return { ca: bc.cA, pathLength: bc.pathLenConstraint };
}

export function readKeyUsage(e: CertificateExtension): KeyUsageName[] {
  const flags = AsnConvert.parse(e.value, KeyUsage).toNumber();
  return KEY_USAGES.filter((u) => flags & KeyUsageFlags[u]);
}

export function readExtendedKeyUsage(e: CertificateExtension): string[] {
  return [...AsnConvert.parse(e.value, ExtendedKeyUsage)];
}

export function readKeyIdentifier(e: CertificateExtension): Uint8Array {
  return new Uint8Array(AsnConvert.parse(e.value, OctetString).buffer);
}

/** The keyIdentifier of an authority key identifier; undefined when it names the issuer only. */
export function readAuthorityKeyIdentifier(e: CertificateExtension): Uint8Array | undefined {
  const aki = AsnConvert.parse(e.value, AuthorityKeyIdentifier);
  return aki.keyIdentifier ? new Uint8Array(aki.keyIdentifier.buffer) : undefined;
}

export function readAlternativeNames(e: CertificateExtension): AlternativeName[] {
  return [...AsnConvert.parse(e.value, SubjectAlternativeName)].map((n): AlternativeName => {
    if (n.dNSName !== undefined) return { type: 'dns', value: n.dNSName };
    if (n.iPAddress !== undefined) {
      const bytes = ipAddressBytes(n.iPAddress);
      return bytes ? { type: 'ip', bytes } : { type: 'other' };
    }
    if (n.rfc822Name !== undefined) return { type: 'email', value: n.rfc822Name };
    if (n.uniformResourceIdentifier !== undefined) return { type: 'uri', value: n.uniformResourceIdentifier };
    return { type: 'other' };
  });
}
