/**
 * Where LoadBalancer addresses come from, standing in for a cloud provider: an address pool
 * (MetalLB / cloud-provider-kind on kind, e.g. 172.18.255.200-172.18.255.250, lowest free first)
 * or AWS-like ELB hostnames `a<32 hex>-<10 digits>.us-east-1.elb.amazonaws.com` drawn from a
 * seeded stream.
 */
import type { LoadBalancerIngress } from '../../api/core.ts';
import type { SeededRandom } from '../../random/seeded-random.ts';

export type LoadBalancerProviderConfig =
  /** `first-last` or a CIDR, e.g. `172.18.255.200-172.18.255.250` or `172.18.255.192/26`. */
  | { kind: 'ip-pool'; cidr: string }
  | { kind: 'hostname'; pattern: 'aws-elb' };

export interface LoadBalancerProvider {
  /** An ingress for a service, or undefined when the pool is exhausted. */
  allocate(serviceKey: string): LoadBalancerIngress | undefined;
  release(serviceKey: string): void;
}

export function createLoadBalancerProvider(config: LoadBalancerProviderConfig, random: SeededRandom): LoadBalancerProvider {
  return config.kind === 'ip-pool' ? new IpPool(config.cidr) : new ElbHostnames(random);
}

function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** The usable range of a pool: a CIDR without its network and broadcast addresses, or an explicit range. */
export function poolRange(spec: string): [number, number] {
  if (spec.includes('-')) {
    const [a, b] = spec.split('-').map((s) => s.trim());
    return [ipToInt(a), ipToInt(b)];
  }
  const [base, bits] = spec.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = Math.floor(ipToInt(base) / size) * size;
  return size <= 2 ? [start, start + size - 1] : [start + 1, start + size - 2];
}

class IpPool implements LoadBalancerProvider {
  private readonly first: number;
  private readonly last: number;
  private readonly assigned = new Map<string, number>();

  constructor(spec: string) {
    [this.first, this.last] = poolRange(spec);
  }

  allocate(serviceKey: string): LoadBalancerIngress | undefined {
    const existing = this.assigned.get(serviceKey);
    if (existing !== undefined) return { ip: intToIp(existing), ipMode: 'VIP' };
    const used = new Set(this.assigned.values());
    for (let n = this.first; n <= this.last; n++) {
      if (used.has(n)) continue;
      this.assigned.set(serviceKey, n);
      return { ip: intToIp(n), ipMode: 'VIP' };
    }
    return undefined;
  }

  release(serviceKey: string): void {
    this.assigned.delete(serviceKey);
  }
}

class ElbHostnames implements LoadBalancerProvider {
  private readonly assigned = new Map<string, string>();

  constructor(private readonly random: SeededRandom) {}

  allocate(serviceKey: string): LoadBalancerIngress {
    let hostname = this.assigned.get(serviceKey);
    if (!hostname) {
      hostname = `a${this.random.string('0123456789abcdef', 32)}-${this.random.string('0123456789', 10)}.us-east-1.elb.amazonaws.com`;
      this.assigned.set(serviceKey, hostname);
    }
    return { hostname };
  }

  release(serviceKey: string): void {
    this.assigned.delete(serviceKey);
  }
}
