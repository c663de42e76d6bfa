/**
 * `openssl x509 -text`: the certificate laid out as OpenSSL 3.0's X509_print_ex
 * does it (crypto/x509/t_x509.c, crypto/rsa/rsa_ameth.c, crypto/ec/ec_ameth.c),
 * checked line by line against OpenSSL 3.0.19 on this machine.
 */
import { formatAsn1Time } from '../../tls/asn1-time.ts';
import type { Certificate } from '../../tls/certificate.ts';
import { formatName } from '../../tls/name-format.ts';
import { publicKeyDetails } from '../../tls/public-key.ts';
import { signatureAlgorithmName } from '../../tls/signature-algorithms.ts';
import { extensionLines } from './extension-text.ts';

const CURVE_OIDS: Record<string, string> = { 'P-256': 'prime256v1', 'P-384': 'secp384r1', 'P-521': 'secp521r1' };

/** `bytes` as `aa:bb:...`, `perLine` a line, each line indented by `indent` (BIO hex dumps of t_x509.c and ASN1_buf_print). */
function hexBlock(bytes: Uint8Array, perLine: number, indent: number): string[] {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0'));
  const lines: string[] = [];
  for (let i = 0; i < hex.length; i += perLine) {
    const last = i + perLine >= hex.length;
    lines.push(`${' '.repeat(indent)}${hex.slice(i, i + perLine).join(':')}${last ? '' : ':'}`);
  }
  return lines;
}

/** A positive integer's bytes with a leading zero when the high bit is set, as BN printing shows them. */
function withSignByte(bytes: Uint8Array): Uint8Array {
  return bytes[0] & 0x80 ? new Uint8Array([0, ...bytes]) : bytes;
}

function serialLines(cert: Certificate): string[] {
  const value = BigInt(`0x${Buffer.from(cert.serialNumber).toString('hex') || '0'}`);
  // Serials that fit in a long print as decimal and hex on one line.
  if (cert.serialNumber.length <= 8 && value < 2n ** 63n) return [`        Serial Number: ${value} (0x${value.toString(16)})`];
  return ['        Serial Number:', ...hexBlock(cert.serialNumber, cert.serialNumber.length, 12)];
}

function publicKeyLines(spki: Uint8Array): string[] {
  const key = publicKeyDetails(spki);
  if (key.algorithm === 'rsa') {
    return [
      '            Public Key Algorithm: rsaEncryption',
      `                Public-Key: (${key.bits} bit)`,
      '                Modulus:',
      ...hexBlock(withSignByte(key.modulus), 15, 20),
      `                Exponent: ${key.exponent} (0x${key.exponent.toString(16)})`,
    ];
  }
  if (key.algorithm === 'ec') {
    return [
      '            Public Key Algorithm: id-ecPublicKey',
      `                Public-Key: (${key.bits} bit)`,
      '                pub:',
      ...hexBlock(key.point, 15, 20),
      `                ASN1 OID: ${CURVE_OIDS[key.curve]}`,
      `                NIST CURVE: ${key.curve}`,
    ];
  }
  return [`            Public Key Algorithm: ${key.oid}`, '                Unable to load Public Key'];
}

/** The full `-text` output, ending with a newline. */
export function certificateText(cert: Certificate): string {
  const signature = signatureAlgorithmName(cert.signatureAlgorithm);
  const lines = [
    'Certificate:',
    '    Data:',
    `        Version: ${cert.version} (0x${(cert.version - 1).toString(16)})`,
    ...serialLines(cert),
    `        Signature Algorithm: ${signature}`,
    `        Issuer: ${formatName(cert.issuer, 'oneline')}`,
    '        Validity',
    `            Not Before: ${formatAsn1Time(cert.notBefore)}`,
    `            Not After : ${formatAsn1Time(cert.notAfter)}`,
    `        Subject: ${formatName(cert.subject, 'oneline')}`,
    '        Subject Public Key Info:',
    ...publicKeyLines(cert.spki),
  ];
  if (cert.extensions.length > 0) {
    lines.push('        X509v3 extensions:');
    for (const e of cert.extensions) lines.push(...extensionLines(e, 12));
  }
  lines.push(`    Signature Algorithm: ${signature}`, '    Signature Value:', ...hexBlock(cert.signature, 18, 8));
  return `${lines.join('\n')}\n`;
}
