/**
 * The rules kube-proxy's iptables proxier writes whatever the services
 * (pkg/proxy/iptables/proxier.go, Kubernetes 1.31): the jumps from the
 * built-in chains (iptablesJumpChains, prepended with EnsureRule), KUBE-POSTROUTING,
 * KUBE-MARK-MASQ, KUBE-FORWARD, the localnet KUBE-FIREWALL rule and the final
 * KUBE-SERVICES rule to KUBE-NODEPORTS.
 */
import type { Rule } from './rule.ts';
import { INVALID_DROPPED_NFACCT, KUBE_EXTERNAL_SERVICES, KUBE_FORWARD, KUBE_MARK_MASQ, KUBE_NODEPORTS, KUBE_POSTROUTING, KUBE_PROXY_FIREWALL, KUBE_SERVICES } from './service-rules.ts';

/** kube-proxy's default masquerade bit 14. */
export const MASQUERADE_MARK = '0x4000';

const ctNew = { k: 'ctstate' as const, states: 'NEW' };
const jump = (chain: string) => ({ k: 'jump' as const, chain });
const comment = (text: string) => ({ k: 'comment' as const, text });

/** Jumps in the filter table's built-in chains, in the order a kind node lists them. */
export function filterJumpRules(): Record<string, Rule[]> {
  return {
    INPUT: [
      { chain: 'INPUT', args: [ctNew, comment('kubernetes load balancer firewall')], target: jump(KUBE_PROXY_FIREWALL) },
      { chain: 'INPUT', args: [comment('kubernetes health check service ports')], target: jump(KUBE_NODEPORTS) },
      { chain: 'INPUT', args: [ctNew, comment('kubernetes externally-visible service portals')], target: jump(KUBE_EXTERNAL_SERVICES) },
    ],
    FORWARD: [
      { chain: 'FORWARD', args: [ctNew, comment('kubernetes load balancer firewall')], target: jump(KUBE_PROXY_FIREWALL) },
      { chain: 'FORWARD', args: [comment('kubernetes forwarding rules')], target: jump(KUBE_FORWARD) },
      { chain: 'FORWARD', args: [ctNew, comment('kubernetes service portals')], target: jump(KUBE_SERVICES) },
      { chain: 'FORWARD', args: [ctNew, comment('kubernetes externally-visible service portals')], target: jump(KUBE_EXTERNAL_SERVICES) },
    ],
    OUTPUT: [
      { chain: 'OUTPUT', args: [ctNew, comment('kubernetes load balancer firewall')], target: jump(KUBE_PROXY_FIREWALL) },
      { chain: 'OUTPUT', args: [ctNew, comment('kubernetes service portals')], target: jump(KUBE_SERVICES) },
    ],
  };
}

/** Jumps in the nat table's built-in chains. */
export function natJumpRules(): Record<string, Rule[]> {
  return {
    PREROUTING: [{ chain: 'PREROUTING', args: [comment('kubernetes service portals')], target: jump(KUBE_SERVICES) }],
    OUTPUT: [{ chain: 'OUTPUT', args: [comment('kubernetes service portals')], target: jump(KUBE_SERVICES) }],
    POSTROUTING: [{ chain: 'POSTROUTING', args: [comment('kubernetes postrouting rules')], target: jump(KUBE_POSTROUTING) }],
  };
}

/** KUBE-POSTROUTING: masquerade what KUBE-MARK-MASQ marked (iptables on kind supports --random-fully). */
export function postroutingRules(randomFully = true): Rule[] {
  return [
    { chain: KUBE_POSTROUTING, args: [{ k: 'mark', value: `${MASQUERADE_MARK}/${MASQUERADE_MARK}`, neg: true }], target: { k: 'RETURN' } },
    { chain: KUBE_POSTROUTING, args: [], target: { k: 'MARK', op: 'xor', value: MASQUERADE_MARK } },
    { chain: KUBE_POSTROUTING, args: [comment('kubernetes service traffic requiring SNAT')], target: { k: 'MASQUERADE', randomFully } },
  ];
}

export function markMasqRules(): Rule[] {
  return [{ chain: KUBE_MARK_MASQ, args: [], target: { k: 'MARK', op: 'or', value: MASQUERADE_MARK } }];
}

/** KUBE-FORWARD; the INVALID drop only when nf_conntrack_tcp_be_liberal is off. */
export function forwardRules(conntrackTCPLiberal: boolean, nfacctCounters: boolean): Rule[] {
  const rules: Rule[] = [];
  if (!conntrackTCPLiberal) {
    const args: Rule['args'] = [{ k: 'ctstate', states: 'INVALID' }];
    if (nfacctCounters) args.push({ k: 'nfacct', name: INVALID_DROPPED_NFACCT });
    rules.push({ chain: KUBE_FORWARD, args, target: { k: 'DROP' } });
  }
  rules.push({ chain: KUBE_FORWARD, args: [comment('kubernetes forwarding rules'), { k: 'mark', value: `${MASQUERADE_MARK}/${MASQUERADE_MARK}` }], target: { k: 'ACCEPT' } });
  rules.push({ chain: KUBE_FORWARD, args: [comment('kubernetes forwarding conntrack rule'), { k: 'ctstate', states: 'RELATED,ESTABLISHED' }], target: { k: 'ACCEPT' } });
  return rules;
}

/** The tail call to KUBE-NODEPORTS; localhost is excluded when localhost NodePorts are off. */
export function nodePortsTailRule(localhostNodePorts: boolean): Rule {
  const args: Rule['args'] = [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { k: 'addrtype', dir: 'dst', type: 'LOCAL' }];
  if (!localhostNodePorts) args.push({ k: 'dst', addr: '127.0.0.0/8', neg: true });
  return { chain: KUBE_SERVICES, args, target: jump(KUBE_NODEPORTS) };
}
