/**
 * How a LoadBalancer address reaches a node from the Docker network. The
 * provider model is MetalLB in layer 2 mode (kind's LoadBalancer guide): one
 * node answers ARP for the address and receives all its traffic. MetalLB's
 * speakers agree on that node by sorting the usable nodes on
 * sha256(nodeName + "#" + address) and taking the first; with
 * externalTrafficPolicy Local only nodes with a ready local endpoint are
 * usable. Nodes labelled node.kubernetes.io/exclude-from-external-load-balancers
 * (kind's control plane) never announce.
 */
import { createHash } from 'node:crypto';
import type { ProxyState, ServicePortInfo } from '../kubeproxy/proxy-state.ts';
import type { NodeInfo } from './node-directory.ts';

const EXCLUDE_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';

/** The service ports that publish `address` as a LoadBalancer ingress IP. */
export function loadBalancerPorts(state: ProxyState, address: string): ServicePortInfo[] {
  return state.servicePorts().filter((p) => p.loadBalancerVIPs.includes(address));
}

/** The node that announces `address`, or undefined when no node may (no one answers ARP: the client times out). */
export function announcingNode(address: string, nodes: readonly NodeInfo[], ports: readonly ServicePortInfo[]): NodeInfo | undefined {
  if (ports.length === 0) return undefined;
  const local = ports.some((p) => p.externalPolicyLocal);
  const usable = nodes.filter((n) => {
    if (EXCLUDE_LABEL in n.labels) return false;
    if (!local) return true;
    return ports.some((p) => p.endpoints.some((e) => e.nodeName === n.name && e.ready));
  });
  const ranked = usable
    .map((n) => ({ node: n, hash: createHash('sha256').update(`${n.name}#${address}`).digest('hex') }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return ranked[0]?.node;
}
