/**
 * IPv4 addresses as the proxiers handle them: parsing to 32-bit numbers, CIDR
 * membership and the canonical "a.b.c.d/len" text iptables prints (the address
 * masked to its prefix, as iptables-restore stores it).
 */

/** The address as an unsigned 32-bit number, or undefined when it is not dotted-quad IPv4. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** Dotted-quad text of an unsigned 32-bit number. */
export function formatIPv4(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

export interface Cidr {
  /** Network address, already masked. */
  network: number;
  prefix: number;
}

/** "10.0.0.0/8" or a bare address (a /32); undefined when malformed. Leading and trailing blanks are ignored, as kube-proxy trims loadBalancerSourceRanges. */
export function parseCidr(text: string): Cidr | undefined {
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = parseIPv4(slash < 0 ? trimmed : trimmed.slice(0, slash));
  if (address === undefined) return undefined;
  const prefix = slash < 0 ? 32 : Number(trimmed.slice(slash + 1));
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return undefined;
  return { network: (address & maskOf(prefix)) >>> 0, prefix };
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function cidrContains(cidr: Cidr, address: number): boolean {
  return ((address & maskOf(cidr.prefix)) >>> 0) === cidr.network;
}

/** iptables-save's text of an address match: always with its prefix length, "10.96.0.1/32". */
export function formatCidr(cidr: Cidr): string {
  return `${formatIPv4(cidr.network)}/${cidr.prefix}`;
}

/** `iptables -L -n`'s text: the bare address for a /32, else "net/len". */
export function formatCidrForListing(cidr: Cidr): string {
  return cidr.prefix === 32 ? formatIPv4(cidr.network) : formatCidr(cidr);
}

/** Dotted-quad netmask of a prefix length, as `ip`/`recent` print masks. */
export function netmaskOf(prefix: number): string {
  return formatIPv4(maskOf(prefix));
}
