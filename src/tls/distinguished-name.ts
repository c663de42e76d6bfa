/**
 * Distinguished names as data: a sequence of RDNs, each a set of typed
 * attribute values (usually one). Converts to and from the ASN.1 `Name` of
 * @peculiar/asn1-x509 and compares the way OpenSSL does (X509_NAME_cmp on the
 * canonical encoding of crypto/x509/x_name.c: string types ignored, ASCII case
 * folded, spaces trimmed and collapsed).
 */
import {
  AttributeTypeAndValue,
  AttributeValue,
  Name as AsnName,
  RelativeDistinguishedName as AsnRdn,
} from '@peculiar/asn1-x509';
import { OID_COMMON_NAME, type NameStringType } from './name-attributes.ts';

export interface NameAttribute {
  oid: string;
  value: string;
  stringType: NameStringType;
}

/** One RDN: a set of attributes, written `CN = x + O = y` when it has several. */
export type RelativeDistinguishedName = NameAttribute[];

/** A name, most significant RDN first (the order of the DER encoding). */
export type DistinguishedName = RelativeDistinguishedName[];

const PROPERTY: Record<NameStringType, keyof AttributeValue> = {
  utf8: 'utf8String',
  printable: 'printableString',
  ia5: 'ia5String',
  teletex: 'teletexString',
  bmp: 'bmpString',
  universal: 'universalString',
};

/** The ASN.1 form, for encoding into a certificate or request. */
export function toAsnName(dn: DistinguishedName): AsnName {
  return new AsnName(
    dn.map(
      (rdn) =>
        new AsnRdn(
          rdn.map((a) => new AttributeTypeAndValue({ type: a.oid, value: new AttributeValue({ [PROPERTY[a.stringType]]: a.value }) })),
        ),
    ),
  );
}

/** The data form of a parsed ASN.1 name. Values of types we do not model read as their text. */
export function fromAsnName(name: AsnName): DistinguishedName {
  return name.map((rdn) =>
    rdn.map((atv) => {
      for (const [stringType, property] of Object.entries(PROPERTY) as [NameStringType, keyof AttributeValue][]) {
        const value = atv.value[property];
        if (typeof value === 'string') return { oid: atv.type, value, stringType };
      }
      return { oid: atv.type, value: atv.value.toString(), stringType: 'utf8' as const };
    }),
  );
}

/** The value OpenSSL compares: ASCII lower case, outer spaces trimmed, inner runs of spaces made one. */
function canonicalValue(value: string): string {
  return value
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/^[ \t\n\r\f\v]+|[ \t\n\r\f\v]+$/g, '')
    .replace(/[ \t\n\r\f\v]+/g, ' ');
}

/** A key equal for two names exactly when X509_NAME_cmp finds them equal. */
export function canonicalName(dn: DistinguishedName): string {
  return JSON.stringify(dn.map((rdn) => rdn.map((a) => [a.oid, canonicalValue(a.value)])));
}

export function sameName(a: DistinguishedName, b: DistinguishedName): boolean {
  return canonicalName(a) === canonicalName(b);
}

/** The most specific (last) commonName, as curl takes it for host checks; undefined when there is none. */
export function lastCommonName(dn: DistinguishedName): string | undefined {
  let found: string | undefined;
  for (const rdn of dn) for (const a of rdn) if (a.oid === OID_COMMON_NAME) found = a.value;
  return found;
}
