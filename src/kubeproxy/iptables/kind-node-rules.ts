/**
 * The iptables rules a kind node has besides kube-proxy's, kept as data:
 * Docker's embedded-DNS redirection (kind rewrites 127.0.0.11 to the network
 * gateway; chains DOCKER_OUTPUT / DOCKER_POSTROUTING), kindnet's masquerade
 * agent (KIND-MASQ-AGENT) and kubelet's chains (KUBE-IPTABLES-HINT,
 * KUBE-KUBELET-CANARY, KUBE-FIREWALL). Taken from `iptables -S` of a kind node
 * (kind v0.2x, Kubernetes 1.2x-1.31; see the tests) and kubelet's
 * pkg/kubelet/kubelet_network_linux.go.
 */
import type { Rule, TableName } from './rule.ts';

/** The parts of a kind node's network that appear in its rules. */
export interface KindNodeNetwork {
  /** The docker network's gateway, where containers reach Docker's DNS (172.18.0.1 for kind's default network). */
  dockerGateway: string;
  /** Docker's embedded DNS listener ports behind 127.0.0.11 (random per container). */
  dockerDnsTcpPort: number;
  dockerDnsUdpPort: number;
  /** The cluster pod range kindnet does not masquerade. */
  podSubnet: string;
}

export const DEFAULT_KIND_NODE_NETWORK: KindNodeNetwork = {
  dockerGateway: '172.18.0.1',
  dockerDnsTcpPort: 37389,
  dockerDnsUdpPort: 37347,
  podSubnet: '10.244.0.0/16',
};

/** User chains that exist on every kind node whatever the proxy mode, per table. */
export const KIND_NODE_CHAINS: Record<TableName, string[]> = {
  mangle: ['KUBE-IPTABLES-HINT', 'KUBE-KUBELET-CANARY'],
  filter: ['KUBE-FIREWALL', 'KUBE-KUBELET-CANARY'],
  nat: ['DOCKER_OUTPUT', 'DOCKER_POSTROUTING', 'KIND-MASQ-AGENT', 'KUBE-KUBELET-CANARY'],
};

/** Docker's rules in nat PREROUTING/OUTPUT (placed after kube-proxy's, which it prepends). */
export function dockerDnsJumpRules(net: KindNodeNetwork): { prerouting: Rule[]; output: Rule[]; postrouting: Rule[] } {
  const toGateway = { k: 'dst' as const, addr: `${net.dockerGateway}/32` };
  return {
    prerouting: [{ chain: 'PREROUTING', args: [toGateway], target: { k: 'jump', chain: 'DOCKER_OUTPUT' } }],
    output: [{ chain: 'OUTPUT', args: [toGateway], target: { k: 'jump', chain: 'DOCKER_OUTPUT' } }],
    postrouting: [
      { chain: 'POSTROUTING', args: [toGateway], target: { k: 'jump', chain: 'DOCKER_POSTROUTING' } },
      {
        chain: 'POSTROUTING',
        args: [
          { k: 'addrtype', dir: 'dst', type: 'LOCAL', neg: true },
          { k: 'comment', text: 'kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom KIND-MASQ-AGENT chain' },
        ],
        target: { k: 'jump', chain: 'KIND-MASQ-AGENT' },
      },
    ],
  };
}

/** The bodies of DOCKER_OUTPUT, DOCKER_POSTROUTING and KIND-MASQ-AGENT. */
export function kindNatChains(net: KindNodeNetwork): Record<string, Rule[]> {
  const gw = `${net.dockerGateway}/32`;
  return {
    DOCKER_OUTPUT: [
      { chain: 'DOCKER_OUTPUT', args: [{ k: 'dst', addr: gw }, { k: 'proto', p: 'tcp', module: true }, { k: 'dport', port: 53 }], target: { k: 'DNAT', to: `127.0.0.11:${net.dockerDnsTcpPort}` } },
      { chain: 'DOCKER_OUTPUT', args: [{ k: 'dst', addr: gw }, { k: 'proto', p: 'udp', module: true }, { k: 'dport', port: 53 }], target: { k: 'DNAT', to: `127.0.0.11:${net.dockerDnsUdpPort}` } },
    ],
    DOCKER_POSTROUTING: [
      { chain: 'DOCKER_POSTROUTING', args: [{ k: 'src', addr: '127.0.0.11/32' }, { k: 'proto', p: 'tcp', module: true }, { k: 'sport', port: net.dockerDnsTcpPort }], target: { k: 'SNAT', to: `${net.dockerGateway}:53` } },
      { chain: 'DOCKER_POSTROUTING', args: [{ k: 'src', addr: '127.0.0.11/32' }, { k: 'proto', p: 'udp', module: true }, { k: 'sport', port: net.dockerDnsUdpPort }], target: { k: 'SNAT', to: `${net.dockerGateway}:53` } },
    ],
    'KIND-MASQ-AGENT': [
      { chain: 'KIND-MASQ-AGENT', args: [{ k: 'dst', addr: net.podSubnet }, { k: 'comment', text: 'kind-masq-agent: local traffic is not subject to MASQUERADE' }], target: { k: 'RETURN' } },
      { chain: 'KIND-MASQ-AGENT', args: [{ k: 'comment', text: 'kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)' }], target: { k: 'MASQUERADE' } },
    ],
  };
}

/** kubelet's anti-martian rule, the same text kube-proxy writes (kubelet_network_linux.go). */
export const LOCALNET_DROP_RULE: Rule = {
  chain: 'KUBE-FIREWALL',
  args: [
    { k: 'comment', text: 'block incoming localnet connections' },
    { k: 'dst', addr: '127.0.0.0/8' },
    { k: 'src', addr: '127.0.0.0/8', neg: true },
    { k: 'ctstate', states: 'RELATED,ESTABLISHED,DNAT', neg: true },
  ],
  target: { k: 'DROP' },
};

/** kubelet's jumps to KUBE-FIREWALL, appended after kube-proxy's in INPUT and OUTPUT. */
export const KUBELET_FIREWALL_JUMPS: { input: Rule; output: Rule } = {
  input: { chain: 'INPUT', args: [], target: { k: 'jump', chain: 'KUBE-FIREWALL' } },
  output: { chain: 'OUTPUT', args: [], target: { k: 'jump', chain: 'KUBE-FIREWALL' } },
};
