/**
 * X.509 extensions as OpenSSL 3.0 prints them (crypto/x509/v3_*.c i2v/i2r
 * functions; `X509v3 ...` names from crypto/objects/objects.txt): the lines
 * of `openssl x509 -text` and `-ext`.
 */
import {
  EXTENSION_OIDS,
  EXTENDED_KEY_USAGES,
  readAlternativeNames,
  readAuthorityKeyIdentifier,
  readBasicConstraints,
  readExtendedKeyUsage,
  readKeyIdentifier,
  readKeyUsage,
  type CertificateExtension,
  type KeyUsageName,
} from '../../tls/extensions.ts';
import { opensslIpText } from '../../tls/ip-address.ts';

interface ExtensionName {
  oid: string;
  /** The short name `-ext` takes. */
  shortName: string;
  longName: string;
}

export const EXTENSION_NAMES: readonly ExtensionName[] = [
  { oid: EXTENSION_OIDS.subjectKeyIdentifier, shortName: 'subjectKeyIdentifier', longName: 'X509v3 Subject Key Identifier' },
  { oid: EXTENSION_OIDS.keyUsage, shortName: 'keyUsage', longName: 'X509v3 Key Usage' },
  { oid: EXTENSION_OIDS.subjectAltName, shortName: 'subjectAltName', longName: 'X509v3 Subject Alternative Name' },
  { oid: EXTENSION_OIDS.basicConstraints, shortName: 'basicConstraints', longName: 'X509v3 Basic Constraints' },
  { oid: EXTENSION_OIDS.extendedKeyUsage, shortName: 'extendedKeyUsage', longName: 'X509v3 Extended Key Usage' },
  { oid: EXTENSION_OIDS.authorityKeyIdentifier, shortName: 'authorityKeyIdentifier', longName: 'X509v3 Authority Key Identifier' },
];

const KEY_USAGE_TEXT: Record<KeyUsageName, string> = {
  digitalSignature: 'Digital Signature',
  nonRepudiation: 'Non Repudiation',
  keyEncipherment: 'Key Encipherment',
  dataEncipherment: 'Data Encipherment',
  keyAgreement: 'Key Agreement',
  keyCertSign: 'Certificate Sign',
  cRLSign: 'CRL Sign',
  encipherOnly: 'Encipher Only',
  decipherOnly: 'Decipher Only',
};

const PURPOSE_TEXT: Record<string, string> = {
  [EXTENDED_KEY_USAGES.serverAuth]: 'TLS Web Server Authentication',
  [EXTENDED_KEY_USAGES.clientAuth]: 'TLS Web Client Authentication',
  [EXTENDED_KEY_USAGES.codeSigning]: 'Code Signing',
  [EXTENDED_KEY_USAGES.emailProtection]: 'E-mail Protection',
  [EXTENDED_KEY_USAGES.ipsecEndSystem]: 'IPSec End System',
  [EXTENDED_KEY_USAGES.ipsecTunnel]: 'IPSec Tunnel',
  [EXTENDED_KEY_USAGES.ipsecUser]: 'IPSec User',
  [EXTENDED_KEY_USAGES.timeStamping]: 'Time Stamping',
  [EXTENDED_KEY_USAGES.ocspSigning]: 'OCSP Signing',
  [EXTENDED_KEY_USAGES.anyExtendedKeyUsage]: 'Any Extended Key Usage',
  [EXTENDED_KEY_USAGES.microsoftServerGatedCrypto]: 'Microsoft Server Gated Crypto',
  [EXTENDED_KEY_USAGES.netscapeServerGatedCrypto]: 'Netscape Server Gated Crypto',
};

/** Bytes as `AB:CD:...`, upper case, as key identifiers and fingerprints print. */
export function colonHexUpper(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(':');
}

/** The value of an extension, one string per printed line. */
function valueLines(e: CertificateExtension): string[] {
  switch (e.oid) {
    case EXTENSION_OIDS.basicConstraints: {
      const bc = readBasicConstraints(e);
      return [`CA:${bc.ca ? 'TRUE' : 'FALSE'}${bc.pathLength !== undefined ? `, pathlen:${bc.pathLength}` : ''}`];
    }
    case EXTENSION_OIDS.keyUsage:
      return [readKeyUsage(e).map((u) => KEY_USAGE_TEXT[u]).join(', ')];
    case EXTENSION_OIDS.extendedKeyUsage:
      return [readExtendedKeyUsage(e).map((oid) => PURPOSE_TEXT[oid] ?? oid).join(', ')];
    case EXTENSION_OIDS.subjectKeyIdentifier:
      return [colonHexUpper(readKeyIdentifier(e))];
    case EXTENSION_OIDS.authorityKeyIdentifier: {
      const keyId = readAuthorityKeyIdentifier(e);
      return keyId ? [colonHexUpper(keyId)] : [];
    }
    case EXTENSION_OIDS.subjectAltName:
      return [
        readAlternativeNames(e)
          .map((n) => {
            if (n.type === 'dns') return `DNS:${n.value}`;
            if (n.type === 'ip') return `IP Address:${opensslIpText(n.bytes)}`;
            if (n.type === 'email') return `email:${n.value}`;
            if (n.type === 'uri') return `URI:${n.value}`;
            return 'othername:<unsupported>';
          })
          .join(', '),
      ];
    default:
      // ASN1_STRING_print of the raw value: printable ASCII as is, the rest as dots.
      return [String.fromCharCode(...e.value).replace(/[^\x20-\x7e]/g, '.')];
  }
}

/** The name line and value lines of `e`, indented as in `-text` (12 and 16 spaces) or `-ext` (0 and 4). */
export function extensionLines(e: CertificateExtension, indent: number): string[] {
  const name = EXTENSION_NAMES.find((n) => n.oid === e.oid)?.longName ?? e.oid;
  const pad = ' '.repeat(indent);
  return [`${pad}${name}: ${e.critical ? 'critical' : ''}`, ...valueLines(e).map((l) => `${pad}    ${l}`)];
}
