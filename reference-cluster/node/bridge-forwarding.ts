/**
 * Lets packets between node namespaces cross the machine's bridge.
 *
 * With br_netfilter loaded and net.bridge.bridge-nf-call-iptables=1 in the
 * machine's namespace (dockerd sets both), frames bridged on ks-br0 traverse
 * the machine's iptables FORWARD chain, whose policy dockerd sets to DROP:
 * node-to-node and node-to-API-server traffic would vanish. The per-bridge
 * nf_call_iptables option cannot turn the global one off (the kernel checks
 * either), so one ACCEPT rule for traffic that enters and leaves ks-br0 is
 * inserted, marked with a comment, and removed with the last node.
 */
import { runCommand } from './run-command.ts';

const COMMENT = 'kube-scenarios reference-cluster: nodes talk across the bridge';

/** The rule, as iptables arguments after the chain name. */
export function bridgeForwardRule(bridge: string): string[] {
  return ['-i', bridge, '-o', bridge, '-m', 'comment', '--comment', COMMENT, '-j', 'ACCEPT'];
}

/** Inserts the rule unless present. */
export async function allowBridgeForwarding(bridge: string): Promise<void> {
  const rule = bridgeForwardRule(bridge);
  const present = await runCommand('iptables', ['-w', '-C', 'FORWARD', ...rule], { allowFailure: true });
  if (present.code !== 0) await runCommand('iptables', ['-w', '-I', 'FORWARD', '1', ...rule]);
}

/** Removes the rule (every copy). */
export async function removeBridgeForwarding(bridge: string): Promise<void> {
  const rule = bridgeForwardRule(bridge);
  for (let i = 0; i < 10; i++) {
    const r = await runCommand('iptables', ['-w', '-D', 'FORWARD', ...rule], { allowFailure: true });
    if (r.code !== 0) break;
  }
}
