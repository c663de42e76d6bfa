/**
 * The host name check curl makes after the handshake (curl 7.88.1,
 * lib/vtls/openssl.c Curl_ossl_verifyhost and lib/vtls/hostcheck.c): subject
 * alternative names of the host's kind (DNS names for a name, IP addresses for
 * an address literal) decide; the last commonName counts only when the
 * certificate has neither a DNS nor an IP alternative name. Wildcards follow
 * RFC 6125 6.4.3: `*.` as the whole leftmost label of a pattern with at least
 * two dots, never for an IP address; trailing dots are ignored. The texts are
 * curl's `infof`/`failf` lines; each was checked with curl 7.88.1 on this machine.
 */
import type { Certificate } from './certificate.ts';
import { lastCommonName } from './distinguished-name.ts';
import { ipAddressBytes } from './ip-address.ts';

export type HostCheck =
  /** `info`: the `-v` lines (without the `* ` prefix) that tell what matched. */
  | { ok: true; info: string[] }
  /** `info` lines, then the failure message curl reports with exit status 60. */
  | { ok: false; info: string[]; message: string };

const sameIgnoringCase = (a: string, b: string) => a.length === b.length && a.toLowerCase() === b.toLowerCase();

/** Curl_cert_hostcheck: does certificate name `pattern` cover `host`. */
export function hostMatchesPattern(pattern: string, host: string): boolean {
  if (!pattern || !host) return false;
  const h = host.endsWith('.') ? host.slice(0, -1) : host;
  const p = pattern.endsWith('.') ? pattern.slice(0, -1) : pattern;
  if (!p.startsWith('*.')) return sameIgnoringCase(h, p);
  if (ipAddressBytes(h)) return false;
  const firstDot = p.indexOf('.');
  if (p.lastIndexOf('.') === firstDot) return sameIgnoringCase(h, p);
  const hostDot = h.indexOf('.');
  if (hostDot < 0) return false;
  return sameIgnoringCase(h.slice(hostDot), p.slice(firstDot));
}

/** Checks `host` (as in the URL, without IPv6 brackets) against the server's certificate. */
export function checkCertificateHost(cert: Certificate, host: string): HostCheck {
  const address = ipAddressBytes(host);
  const info: string[] = [];
  let hasDnsName = false;
  let hasIpAddress = false;
  let matched = false;
  let dnsMatched = false;
  for (const name of cert.alternativeNames ?? []) {
    if (dnsMatched) break;
    if (name.type === 'dns') {
      hasDnsName = true;
      if (!address && hostMatchesPattern(name.value, host)) {
        dnsMatched = matched = true;
        info.push(`subjectAltName: host "${host}" matched cert's "${name.value}"`);
      }
    } else if (name.type === 'ip') {
      hasIpAddress = true;
      if (address && Buffer.from(address).equals(Buffer.from(name.bytes))) {
        matched = true;
        info.push(`subjectAltName: host "${host}" matched cert's IP address!`);
      }
    }
  }
  if (matched) return { ok: true, info };
  if (hasDnsName || hasIpAddress) {
    info.push(`subjectAltName does not match ${host}`);
    return { ok: false, info, message: `SSL: no alternative certificate subject name matches target host name '${host}'` };
  }
  const commonName = lastCommonName(cert.subject);
  if (commonName === undefined) return { ok: false, info, message: 'SSL: unable to obtain common name from peer certificate' };
  if (!hostMatchesPattern(commonName, host)) {
    return { ok: false, info, message: `SSL: certificate subject name '${commonName}' does not match target host name '${host}'` };
  }
  return { ok: true, info: [`common name: ${commonName} (matched)`] };
}
