/**
 * The attribute types a distinguished name is made of, with the names OpenSSL
 * prints and accepts (crypto/objects/objects.txt short and long names) and the
 * string type and size limit `openssl req` gives each value under the default
 * `string_mask = utf8only` (crypto/asn1/a_strnid.c tbl_standard; checked with
 * `openssl asn1parse` on OpenSSL 3.0.19).
 */

/** How an attribute value is encoded in ASN.1. */
export type NameStringType = 'utf8' | 'printable' | 'ia5' | 'teletex' | 'bmp' | 'universal';

export interface NameAttributeType {
  oid: string;
  /** OpenSSL's short name, printed by `-subject` and curl: `CN`, `O`, `emailAddress`. */
  shortName: string;
  longName: string;
  /** The type `openssl req` encodes the value with. */
  opensslStringType: NameStringType;
  /** ASN1_mbstring_ncopy's maxsize; undefined: no limit. */
  maxLength?: number;
}

const TYPES: NameAttributeType[] = [
  { oid: '2.5.4.6', shortName: 'C', longName: 'countryName', opensslStringType: 'printable', maxLength: 2 },
  { oid: '2.5.4.8', shortName: 'ST', longName: 'stateOrProvinceName', opensslStringType: 'utf8', maxLength: 128 },
  { oid: '2.5.4.7', shortName: 'L', longName: 'localityName', opensslStringType: 'utf8', maxLength: 128 },
  { oid: '2.5.4.10', shortName: 'O', longName: 'organizationName', opensslStringType: 'utf8', maxLength: 64 },
  { oid: '2.5.4.11', shortName: 'OU', longName: 'organizationalUnitName', opensslStringType: 'utf8', maxLength: 64 },
  { oid: '2.5.4.3', shortName: 'CN', longName: 'commonName', opensslStringType: 'utf8', maxLength: 64 },
  { oid: '1.2.840.113549.1.9.1', shortName: 'emailAddress', longName: 'emailAddress', opensslStringType: 'ia5', maxLength: 128 },
  { oid: '2.5.4.5', shortName: 'serialNumber', longName: 'serialNumber', opensslStringType: 'printable', maxLength: 64 },
  { oid: '0.9.2342.19200300.100.1.25', shortName: 'DC', longName: 'domainComponent', opensslStringType: 'ia5' },
  { oid: '2.5.4.9', shortName: 'street', longName: 'streetAddress', opensslStringType: 'utf8' },
  { oid: '2.5.4.17', shortName: 'postalCode', longName: 'postalCode', opensslStringType: 'utf8' },
  { oid: '2.5.4.12', shortName: 'title', longName: 'title', opensslStringType: 'utf8' },
  { oid: '0.9.2342.19200300.100.1.1', shortName: 'UID', longName: 'userId', opensslStringType: 'utf8' },
  { oid: '2.5.4.42', shortName: 'GN', longName: 'givenName', opensslStringType: 'utf8', maxLength: 32768 },
  { oid: '2.5.4.4', shortName: 'SN', longName: 'surname', opensslStringType: 'utf8', maxLength: 32768 },
  { oid: '2.5.4.43', shortName: 'initials', longName: 'initials', opensslStringType: 'utf8', maxLength: 32768 },
  { oid: '2.5.4.41', shortName: 'name', longName: 'name', opensslStringType: 'utf8', maxLength: 32768 },
  { oid: '2.5.4.46', shortName: 'dnQualifier', longName: 'dnQualifier', opensslStringType: 'printable' },
  { oid: '2.5.4.65', shortName: 'pseudonym', longName: 'pseudonym', opensslStringType: 'utf8' },
  { oid: '2.5.4.15', shortName: 'businessCategory', longName: 'businessCategory', opensslStringType: 'utf8' },
];

const BY_OID = new Map(TYPES.map((t) => [t.oid, t]));
const BY_NAME = new Map<string, NameAttributeType>();
for (const t of TYPES) {
  BY_NAME.set(t.shortName, t);
  BY_NAME.set(t.longName, t);
}

/** The type of `oid`, if OpenSSL knows a name for it. */
export function attributeTypeByOid(oid: string): NameAttributeType | undefined {
  return BY_OID.get(oid);
}

/** The type named `name` (short or long name, case-sensitive as OBJ_txt2nid), or given as a dotted OID. */
export function attributeTypeByName(name: string): NameAttributeType | undefined {
  const known = BY_NAME.get(name);
  if (known) return known;
  if (/^\d+(\.\d+)+$/.test(name)) return BY_OID.get(name) ?? { oid: name, shortName: name, longName: name, opensslStringType: 'utf8' };
  return undefined;
}

/** The short name OpenSSL prints for `oid`; the dotted OID when it has none. */
export function attributeShortName(oid: string): string {
  return BY_OID.get(oid)?.shortName ?? oid;
}

export const OID_COMMON_NAME = '2.5.4.3';
