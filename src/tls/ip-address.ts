/**
 * IP addresses as the 4 or 16 bytes an iPAddress GeneralName holds, and back.
 */
import { isIPv4, isIPv6 } from 'node:net';

/** The address bytes of `text`; undefined when it is not an IPv4 or IPv6 literal. */
export function ipAddressBytes(text: string): Uint8Array | undefined {
  if (isIPv4(text)) return new Uint8Array(text.split('.').map(Number));
  if (!isIPv6(text)) return undefined;
  let groups: string[];
  let tail: number[] = [];
  let body = text;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(body);
  if (v4) {
    tail = v4[1].split('.').map(Number);
    body = body.slice(0, -v4[1].length) + '0:0';
  }
  if (body.includes('::')) {
    const [left, right] = body.split('::');
    const l = left ? left.split(':') : [];
    const r = right ? right.split(':') : [];
    groups = [...l, ...Array(8 - l.length - r.length).fill('0'), ...r];
  } else groups = body.split(':');
  const bytes = groups.flatMap((g) => [(parseInt(g, 16) >> 8) & 0xff, parseInt(g, 16) & 0xff]);
  if (v4) bytes.splice(12, 4, ...tail);
  return new Uint8Array(bytes);
}

/** OpenSSL 3.0's GENERAL_NAME_print form: dotted IPv4, IPv6 as eight `%X` groups, uncompressed. */
export function opensslIpText(bytes: Uint8Array): string {
  if (bytes.length === 4) return [...bytes].join('.');
  if (bytes.length === 16) {
    const groups: string[] = [];
    for (let i = 0; i < 16; i += 2) groups.push(((bytes[i] << 8) | bytes[i + 1]).toString(16).toUpperCase());
    return groups.join(':');
  }
  return '<invalid>';
}

/** The usual text form (IPv6 compressed), e.g. for a GeneralName's string value. */
export function ipText(bytes: Uint8Array): string {
  if (bytes.length === 4) return [...bytes].join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
