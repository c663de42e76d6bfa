/** IPv4 CIDR arithmetic for the service range: addresses as unsigned 32-bit numbers. */
import { parseIPv4 } from '../validation/format-rules.ts';

export interface IPv4CIDR {
  /** As written, normalised to the network address: "10.96.0.0/16". */
  text: string;
  network: number;
  prefix: number;
  /** 2^(32-prefix): every address of the block, network and broadcast included. */
  size: number;
}

export function parseCIDR(text: string): IPv4CIDR {
  const [ip, bits] = text.split('/');
  const octets = parseIPv4(ip ?? '');
  const prefix = Number(bits);
  if (!octets || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) throw new Error(`invalid CIDR address: ${text}`);
  const value = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3];
  const size = 2 ** (32 - prefix);
  const network = value - (value % size);
  return { text: `${formatIPv4(network)}/${prefix}`, network, prefix, size };
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The n-th address of the block (0 is the network address): the `kubernetes` service takes 1, kube-dns 10. */
export function nthAddress(cidr: IPv4CIDR, n: number): string {
  return formatIPv4(cidr.network + n);
}
