/**
 * cfssl's certificate request JSON (csr/csr.go of cfssl 1.2: CertificateRequest,
 * Name, BasicKeyRequest, CAConfig) and what cfssl makes of it: the subject as
 * Go's pkix.Name.ToRDNSequence orders it (C, ST, L, O, OU, CN; several values of
 * one type share an RDN), Go's choice of PrintableString or UTF8String, the
 * hosts split into DNS names, e-mail addresses and IP addresses, and the key
 * (ECDSA P-256 when the request has no "key").
 */
import type { DistinguishedName } from '../../tls/distinguished-name.ts';
import type { AlternativeName } from '../../tls/extensions.ts';
import { ipAddressBytes } from '../../tls/ip-address.ts';
import { attributeTypeByName, type NameStringType } from '../../tls/name-attributes.ts';
import type { KeyAlgorithm } from '../../tls/private-key.ts';
import { goBool, goInt, goString, type GoType } from './go-json.ts';

const NAME_FIELDS = ['C', 'ST', 'L', 'O', 'OU'] as const;

export const CERTIFICATE_REQUEST_TYPE: Extract<GoType, { kind: 'struct' }> = {
  kind: 'struct',
  name: 'csr.CertificateRequest',
  fields: {
    CN: goString,
    names: { kind: 'slice', of: { kind: 'struct', name: 'csr.Name', fields: Object.fromEntries(NAME_FIELDS.map((f) => [f, goString])) } },
    hosts: { kind: 'slice', of: goString },
    key: { kind: 'struct', name: 'csr.BasicKeyRequest', fields: { algo: goString, size: goInt } },
    ca: { kind: 'struct', name: 'csr.CAConfig', fields: { pathlen: goInt, pathlenzero: goBool, expiry: goString } },
  },
};

export interface CfsslRequest {
  CN?: string;
  names?: Array<Partial<Record<(typeof NAME_FIELDS)[number], string>>>;
  hosts?: string[];
  key?: { algo?: string; size?: number };
  ca?: { pathlen?: number; pathlenzero?: boolean; expiry?: string };
}

/** encoding/asn1's choice for a Go string: PrintableString when every byte is printable ('*' allowed), else UTF8String. */
function goStringType(value: string): NameStringType {
  return /^[A-Za-z0-9 '()+,\-./:=?*]*$/.test(value) ? 'printable' : 'utf8';
}

export function requestSubject(request: CfsslRequest): DistinguishedName {
  const dn: DistinguishedName = [];
  for (const field of NAME_FIELDS) {
    const values = (request.names ?? []).map((n) => n[field]).filter((v): v is string => !!v);
    if (values.length === 0) continue;
    const oid = attributeTypeByName(field)!.oid;
    dn.push(values.map((value) => ({ oid, value, stringType: goStringType(value) })));
  }
  if (request.CN) dn.push([{ oid: attributeTypeByName('CN')!.oid, value: request.CN, stringType: goStringType(request.CN) }]);
  return dn;
}

/** Hosts as x509.CreateCertificate writes them: DNS names, then e-mail addresses, then IP addresses. */
export function hostNames(hosts: readonly string[]): AlternativeName[] {
  const dns: AlternativeName[] = [];
  const email: AlternativeName[] = [];
  const ip: AlternativeName[] = [];
  for (const host of hosts) {
    const bytes = ipAddressBytes(host);
    if (bytes) ip.push({ type: 'ip', bytes });
    else if (/^[^@\s<>]+@[^@\s<>]+$/.test(host)) email.push({ type: 'email', value: host });
    else dns.push({ type: 'dns', value: host });
  }
  return [...dns, ...email, ...ip];
}

export interface RequestedKey {
  /** `rsa-2048`, as "generating key:" logs it. */
  label: string;
  algorithm?: KeyAlgorithm;
  /** BasicKeyRequest.Generate's error. */
  error?: string;
}

export function requestedKey(request: CfsslRequest): RequestedKey {
  const algo = request.key ? (request.key.algo ?? '') : 'ecdsa';
  const size = request.key ? (request.key.size ?? 0) : 256;
  const label = `${algo}-${size}`;
  if (algo === 'rsa') {
    if (size < 2048) return { label, error: 'RSA key is too weak' };
    if (size > 8192) return { label, error: 'RSA key size too large' };
    return { label, algorithm: { name: 'rsa', bits: size } };
  }
  if (algo === 'ecdsa') {
    const curve = ({ 256: 'P-256', 384: 'P-384', 521: 'P-521' } as const)[size as 256 | 384 | 521];
    return curve ? { label, algorithm: { name: 'ec', curve } } : { label, error: 'invalid curve' };
  }
  return { label, error: 'invalid algorithm' };
}
