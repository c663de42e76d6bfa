/**
 * Pod IPs of one node, as the host-local IPAM plugin under kindnet hands them
 * out (containernetworking/plugins plugins/ipam/host-local allocator.go): from
 * the node's podCIDR, skipping the network address, the gateway (.1) and the
 * broadcast address, round-robin after the last address handed out, never an
 * address in use. A node's first pod gets .2.
 */

function toNumber(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function toAddress(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export class PodIPAllocator {
  private readonly inUse = new Set<string>();
  private last?: number;

  /** The next free address of `podCIDR` (e.g. 10.244.1.0/24); undefined when the range is full. */
  allocate(podCIDR: string): string | undefined {
    const [network, bitsText] = podCIDR.split('/');
    const bits = Number(bitsText);
    const size = 2 ** (32 - bits);
    const base = toNumber(network) - (toNumber(network) % size);
    const first = base + 2;
    const lastUsable = base + size - 2;
    if (lastUsable < first) return undefined;
    let candidate = this.last !== undefined && this.last >= first && this.last < lastUsable ? this.last + 1 : first;
    for (let tried = 0; tried <= lastUsable - first; tried++) {
      const address = toAddress(candidate);
      if (!this.inUse.has(address)) {
        this.inUse.add(address);
        this.last = candidate;
        return address;
      }
      candidate = candidate >= lastUsable ? first : candidate + 1;
    }
    return undefined;
  }

  release(ip: string): void {
    this.inUse.delete(ip);
  }
}
