/**
 * Domain-name syntax: absolute names, labels, zones and the reverse-lookup
 * names of the in-addr.arpa and ip6.arpa trees (RFC 1035, RFC 3596).
 */
import { isIPv4, isIPv6 } from 'node:net';

/** `name` as an absolute, lower-case name with one trailing dot ("." for the root). */
export function fqdn(name: string): string {
  const lower = name.toLowerCase();
  if (lower === '' || lower === '.') return '.';
  return lower.endsWith('.') ? lower : `${lower}.`;
}

/** The labels of a name, leftmost first, without the root. */
export function labels(name: string): string[] {
  const absolute = fqdn(name);
  return absolute === '.' ? [] : absolute.slice(0, -1).split('.');
}

/** Whether `name` is `zone` or lies below it. */
export function isInZone(name: string, zone: string): boolean {
  const n = fqdn(name);
  const z = fqdn(zone);
  return z === '.' || n === z || n.endsWith(`.${z}`);
}

/** `name` without the `zone` suffix and without the dot between them ("" for the apex). */
export function trimZone(name: string, zone: string): string {
  const n = fqdn(name);
  const z = fqdn(zone);
  if (n === z) return '';
  return n.slice(0, n.length - z.length - 1);
}

/** `1.2.3.4` -> `4.3.2.1.in-addr.arpa.`; IPv6 addresses give their nibble name under ip6.arpa. */
export function reverseName(ip: string): string | undefined {
  if (isIPv4(ip)) return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
  if (isIPv6(ip)) return `${expandIPv6(ip).replace(/:/g, '').split('').reverse().join('.')}.ip6.arpa.`;
  return undefined;
}

/**
 * The address a full reverse name stands for, or undefined for partial names
 * (coredns plugin/pkg/dnsutil/reverse.go ExtractAddressFromReverse does the same).
 */
export function addressFromReverseName(name: string): string | undefined {
  const parts = labels(name);
  if (parts.length === 6 && parts[4] === 'in-addr' && parts[5] === 'arpa') {
    const ip = parts.slice(0, 4).reverse().join('.');
    return isIPv4(ip) ? ip : undefined;
  }
  if (parts.length === 34 && parts[32] === 'ip6' && parts[33] === 'arpa') {
    const nibbles = parts.slice(0, 32).reverse();
    if (!nibbles.every((n) => /^[0-9a-f]$/.test(n))) return undefined;
    const groups: string[] = [];
    for (let i = 0; i < 32; i += 4) groups.push(nibbles.slice(i, i + 4).join(''));
    return compressIPv6(groups.join(':'));
  }
  return undefined;
}

/** Whether a name lies in a reverse-lookup tree. */
export function isReverseName(name: string): boolean {
  return isInZone(name, 'in-addr.arpa.') || isInZone(name, 'ip6.arpa.');
}

/** Eight four-digit groups, e.g. `fd00::1` -> `fd00:0000:...:0001`. */
export function expandIPv6(ip: string): string {
  const [head, tail] = ip.includes('::') ? ip.split('::') : [ip, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  return groups.map((g) => g.padStart(4, '0')).join(':');
}

/** The RFC 5952 text form of an IPv6 address (lower case, longest zero run as `::`). */
export function compressIPv6(ip: string): string {
  const groups = expandIPv6(ip).split(':').map((g) => g.replace(/^0+(?=.)/, ''));
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLength && j - i > 1) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}
