/**
 * kindnetd's IP masquerade agent (kubernetes-sigs/kind
 * images/kindnetd/cmd/kindnetd/masq.go; the rules' text as `iptables-save`
 * prints them on a kind v0.2x node, the capture the memory backend keeps in
 * src/kubeproxy/iptables/kind-node-rules.ts): in the node's nat table, traffic
 * for a non-local destination goes through KIND-MASQ-AGENT, which leaves the
 * cluster's pod network alone and masquerades the rest behind the node's
 * address. So a pod's packets to the bridge's gateway (the nodes' resolver,
 * control-plane/upstream-dns.ts) or to another node's address come back to
 * the node, as on kind. The rules live in the node's network namespace and
 * go with it.
 */
import { runInNetns } from './run-command.ts';

export const MASQ_CHAIN = 'KIND-MASQ-AGENT';

/** The rules as iptables-restore input, in the order and words a kind node's iptables-save shows. */
export function masqueradeRules(noMasqueradeCidrs: string[]): string {
  const lines = [
    '*nat',
    `:${MASQ_CHAIN} - [0:0]`,
    `-A POSTROUTING -m addrtype ! --dst-type LOCAL -m comment --comment "kind-masq-agent: ensure nat POSTROUTING directs all non-LOCAL destination traffic to our custom ${MASQ_CHAIN} chain" -j ${MASQ_CHAIN}`,
    ...noMasqueradeCidrs.map((cidr) => `-A ${MASQ_CHAIN} -d ${cidr} -m comment --comment "kind-masq-agent: local traffic is not subject to MASQUERADE" -j RETURN`),
    `-A ${MASQ_CHAIN} -m comment --comment "kind-masq-agent: outbound traffic is subject to MASQUERADE (must be last in chain)" -j MASQUERADE`,
    'COMMIT',
  ];
  return `${lines.join('\n')}\n`;
}

/** Installs the rules in `netns` unless its POSTROUTING already jumps to the chain; `podSubnet` is the cluster's (kindnetd's POD_SUBNET). */
export async function ensureMasquerade(netns: string, podSubnet: string): Promise<void> {
  const present = await runInNetns(netns, 'iptables', ['-w', '-t', 'nat', '-S', 'POSTROUTING'], { allowFailure: true });
  if (present.stdout.includes(`-j ${MASQ_CHAIN}`)) return;
  await runInNetns(netns, 'iptables-restore', ['-w', '--noflush'], { input: masqueradeRules([podSubnet]) });
}
