/**
 * Distinguished names as text, the way OpenSSL's X509_NAME_print_ex
 * (crypto/x509/x_name.c, crypto/asn1/a_strex.c) writes them for the flag sets
 * our tools use:
 * - `oneline`: OpenSSL 3's default for `openssl x509 -subject` and `-text`
 *   (XN_FLAG_ONELINE): `CN = my-nginx, O = my-nginx`; a value with `,+<>;`,
 *   a leading `#` or an outer space is quoted, `"` and `\` are backslashed,
 *   control and non-ASCII bytes print as `\XX` of their UTF-8 encoding.
 * - `rfc2253`: `-nameopt RFC2253`: last RDN first, `O=my-nginx,CN=my-nginx`,
 *   special characters backslashed instead of quoted.
 * - `curl`: curl's x509_name_oneline (lib/vtls/openssl.c, curl 7.88) with
 *   XN_FLAG_SEP_SPLUS_SPC only: `CN=my-nginx; O=my-nginx`, nothing escaped.
 * Checked against OpenSSL 3.0.19 and curl 7.88.1 on this machine.
 */
import { attributeShortName } from './name-attributes.ts';
import type { DistinguishedName, NameAttribute } from './distinguished-name.ts';

export type NameStyle = 'oneline' | 'rfc2253' | 'curl';

const QUOTABLE = ',+<>;';
const hex = (b: number) => `\\${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** ASN1_STRFLGS_RFC2253 escaping, with quotes (ESC_QUOTE, as in oneline) or backslashes. */
function escapeValue(value: string, quote: boolean): string {
  const bytes = Buffer.from(value, 'utf8');
  let needsQuotes = false;
  let out = '';
  bytes.forEach((b, i) => {
    const c = String.fromCharCode(b);
    const outerSpace = c === ' ' && (i === 0 || i === bytes.length - 1);
    if (b > 0x7f || b < 0x20 || b === 0x7f) out += hex(b);
    else if (QUOTABLE.includes(c) || outerSpace || (c === '#' && i === 0)) {
      if (quote) {
        needsQuotes = true;
        out += c;
      } else out += `\\${c}`;
    } else if (c === '"' || c === '\\') out += `\\${c}`;
    else out += c;
  });
  return needsQuotes ? `"${out}"` : out;
}

/** Code points above 0xff as `\UXXXX` / `\WXXXXXXXX`, the rest as their byte (do_esc_char without escaping flags). */
function rawValue(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0xffff) out += `\\W${cp.toString(16).toUpperCase().padStart(8, '0')}`;
    else if (cp > 0xff) out += `\\U${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

function attributeText(a: NameAttribute, style: NameStyle): string {
  const name = attributeShortName(a.oid);
  if (style === 'oneline') return `${name} = ${escapeValue(a.value, true)}`;
  if (style === 'rfc2253') return `${name}=${escapeValue(a.value, false)}`;
  return `${name}=${rawValue(a.value)}`;
}

/** `dn` as OpenSSL or curl prints it. */
export function formatName(dn: DistinguishedName, style: NameStyle): string {
  const rdns = style === 'rfc2253' ? [...dn].reverse() : dn;
  const plus = style === 'rfc2253' ? '+' : ' + ';
  const comma = style === 'oneline' ? ', ' : style === 'rfc2253' ? ',' : '; ';
  return rdns.map((rdn) => rdn.map((a) => attributeText(a, style)).join(plus)).join(comma);
}
