/**
 * The contract of an IPVS scheduler (net/netfilter/ipvs/ip_vs_sched.c): pick a
 * real server of a virtual service for a new connection. Destinations are in
 * the kernel's list order: ip_vs_ctl.c adds each new destination at the head
 * of svc->destinations (list_add_rcu).
 */
export interface IpvsDestination {
  address: string;
  /** The address as a 32-bit number, for hashing. */
  addressValue: number;
  port: number;
  weight: number;
  activeConns: number;
  inactConns: number;
  /** IP_VS_DEST_F_OVERLOAD: never set by kube-proxy (no thresholds). */
  overloaded: boolean;
}

export interface ScheduleRequest {
  /** Client address as a 32-bit number (sh hashes it). */
  source: number;
  sourcePort: number;
  /** Virtual address as a 32-bit number (dh, lblc, lblcr hash it). */
  destination: number;
  nowMs: number;
}

export interface IpvsScheduler {
  readonly name: string;
  /** The destination for a new connection; undefined is "no destination available". */
  schedule(dests: readonly IpvsDestination[], request: ScheduleRequest): IpvsDestination | undefined;
  /** Called after destinations were added, removed or re-weighted (add_dest/del_dest/upd_dest). */
  destinationsChanged?(dests: readonly IpvsDestination[]): void;
}

/** ip_vs_dest_conn_overhead: active connections weigh 256 times an inactive one (include/net/ip_vs.h). */
export function connectionOverhead(dest: IpvsDestination): number {
  return dest.activeConns * 256 + dest.inactConns;
}

export function usable(dest: IpvsDestination): boolean {
  return !dest.overloaded && dest.weight > 0;
}
