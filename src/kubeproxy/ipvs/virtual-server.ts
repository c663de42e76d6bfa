/**
 * One IPVS virtual service (struct ip_vs_service): protocol, address, port,
 * scheduler, persistence, and its real servers in the kernel's list order
 * (newest first, ip_vs_ctl.c list_add_rcu).
 */
import { parseIPv4 } from '../ipv4.ts';
import type { IpvsDestination, IpvsScheduler } from './schedulers/scheduler.ts';

export interface VirtualServer {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  address: string;
  addressValue: number;
  port: number;
  schedulerName: string;
  scheduler: IpvsScheduler;
  /** Persistence timeout in seconds (ClientIP affinity), 0 when not persistent. */
  persistentSeconds: number;
  /** Kernel list order. */
  destinations: IpvsDestination[];
  /** The service port this virtual service belongs to. */
  portKey: string;
}

/** "TCP/10.96.0.1:443": how virtual services are keyed. */
export function virtualServerKey(protocol: string, address: string, port: number): string {
  return `${protocol}/${address}:${port}`;
}

/**
 * Brings a virtual service's real servers to `wanted` ("ip:port" strings, all
 * weight 1 as kube-proxy sets them), keeping existing destinations (and their
 * connection counts), adding new ones at the head as the kernel does.
 */
export function syncDestinations(vs: VirtualServer, wanted: string[]): boolean {
  const wantedSet = new Set(wanted);
  const before = vs.destinations.length;
  const kept = vs.destinations.filter((d) => wantedSet.has(`${d.address}:${d.port}`));
  const have = new Set(kept.map((d) => `${d.address}:${d.port}`));
  let changed = kept.length !== before;
  for (const endpoint of wanted) {
    if (have.has(endpoint)) continue;
    const colon = endpoint.lastIndexOf(':');
    const address = endpoint.slice(0, colon);
    kept.unshift({ address, addressValue: parseIPv4(address) ?? 0, port: Number(endpoint.slice(colon + 1)), weight: 1, activeConns: 0, inactConns: 0, overloaded: false });
    changed = true;
  }
  if (changed) {
    vs.destinations = kept;
    vs.scheduler.destinationsChanged?.(kept);
  }
  return changed;
}
