/**
 * Certificate times as OpenSSL's ASN1_TIME_print writes them (crypto/asn1/a_time.c):
 * `Nov 22 05:57:44 2026 GMT`, the day padded with a space. `openssl x509 -dates`,
 * `-text` and curl's `start date:` / `expire date:` lines all use it.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatAsn1Time(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${MONTHS[d.getUTCMonth()]} ${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${d.getUTCFullYear()} GMT`;
}
