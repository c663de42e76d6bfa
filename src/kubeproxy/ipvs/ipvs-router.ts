/**
 * The packet path in IPVS mode: the virtual service at the destination, a real
 * server from the persistence template or the scheduler, a connection entry,
 * and the iptables marks IPVS mode still uses to decide masquerading
 * (pkg/proxy/ipvs/proxier.go writeIptablesRules: KUBE-CLUSTER-IP with
 * `! -s <cluster CIDR>`, KUBE-NODE-PORT, KUBE-LOAD-BALANCER, KUBE-EXTERNAL-IP,
 * and KUBE-LOOP-BACK for hairpin traffic).
 */
import { cidrContains, parseCidr, parseIPv4 } from '../ipv4.ts';
import type { Packet } from '../iptables/packet-walker.ts';
import type { IpvsConnection } from './connection-table.ts';
import type { IpvsProxier } from './ipvs-proxier.ts';
import type { IpvsDestination } from './schedulers/scheduler.ts';

export interface IpvsRouteResult {
  /** "ip:port" of the real server, undefined when no virtual service or no destination is available. */
  realServer?: string;
  destination?: IpvsDestination;
  connection?: IpvsConnection;
  /** Whether KUBE-MARK-MASQ (or KUBE-LOOP-BACK) asks for masquerading. */
  masqueraded: boolean;
  /** What the packet met, in order, for the trace: iptables rules in iptables-save form and the IPVS lookup. */
  rulesSeen: string[];
  /** Rules/lookups a kernel performs: IPVS finds the service by a hash lookup. */
  kernelLookups: number;
}

/** Routes the first packet of a connection. */
export function routeIpvs(proxier: IpvsProxier, packet: Packet, nowMs: number): IpvsRouteResult {
  proxier.connections.expire(nowMs);
  const vs = proxier.virtualServer(packet.protocol, packet.dst, packet.dstPort);
  const rulesSeen = ['-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES'];
  if (!vs) return { masqueraded: false, rulesSeen, kernelLookups: 1 };
  const port = proxier.state.servicePort(vs.portKey)!;
  const config = proxier.state.config;
  const src = parseIPv4(packet.src) ?? 0;
  const clusterCidr = parseCidr(config.clusterCIDR)!;
  let masqueraded = false;
  if (vs.address === port.clusterIP && vs.port === port.port) {
    if (!cidrContains(clusterCidr, src)) {
      masqueraded = true;
      rulesSeen.push(`-A KUBE-SERVICES ! -s ${config.clusterCIDR} -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ`);
    }
    rulesSeen.push('-A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT');
  } else if (port.externalIPs.includes(vs.address)) {
    if (!port.externalPolicyLocal) {
      masqueraded = true;
      rulesSeen.push('-A KUBE-SERVICES -m comment --comment "Kubernetes service external ip + port for masquerade and filter purpose" -m set --match-set KUBE-EXTERNAL-IP dst,dst -j KUBE-MARK-MASQ');
    }
  } else if (port.loadBalancerVIPs.includes(vs.address)) {
    rulesSeen.push('-A KUBE-SERVICES -m comment --comment "Kubernetes service lb portal" -m set --match-set KUBE-LOAD-BALANCER dst,dst -j KUBE-LOAD-BALANCER');
    if (!port.externalPolicyLocal) {
      masqueraded = true;
      rulesSeen.push('-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ');
    }
  } else {
    rulesSeen.push('-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT');
    if (!port.externalPolicyLocal) {
      masqueraded = true;
      rulesSeen.push(`-A KUBE-NODE-PORT -p ${vs.protocol.toLowerCase()} -m comment --comment "Kubernetes nodeport ${vs.protocol} port for masquerade purpose" -m set --match-set KUBE-NODE-PORT-${vs.protocol} dst -j KUBE-MARK-MASQ`);
    }
  }
  let destination = vs.persistentSeconds > 0 ? proxier.connections.persistentDestination(vs, packet.src, nowMs) : undefined;
  const via = destination ? `persistence template (persistent ${vs.persistentSeconds})` : `scheduler ${vs.schedulerName}`;
  destination ??= vs.scheduler.schedule(vs.destinations, { source: src, sourcePort: 0, destination: vs.addressValue, nowMs });
  rulesSeen.push(`IPVS ${vs.protocol}  ${vs.address}:${vs.port} ${vs.schedulerName}: ${destination ? `${via} -> ${destination.address}:${destination.port}` : 'no destination available'}`);
  if (!destination) return { masqueraded, rulesSeen, kernelLookups: 1 };
  // KUBE-LOOP-BACK: a pod reaching itself through the service is masqueraded (hairpin).
  if (destination.address === packet.src) {
    masqueraded = true;
    rulesSeen.push('-A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE');
  } else if (masqueraded) {
    rulesSeen.push('-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully');
  }
  const connection = proxier.connections.open(vs, destination, packet.src, nowMs);
  return { realServer: `${destination.address}:${destination.port}`, destination, connection, masqueraded, rulesSeen, kernelLookups: 1 };
}
