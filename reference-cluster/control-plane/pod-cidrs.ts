/**
 * Stage 2 gives each node its pod CIDR itself, the one kind's node has
 * (10.244.0.0/24 for kind-control-plane, then .1, .2: the memory backend's
 * profile), as soon as the kubelet has registered the Node.
 *
 * Why not the controller-manager's range allocator (node-ipam): it can
 * allocate twice for one node when the kubelet's first status update reaches
 * its queue before its informer has seen the first patch; the second patch
 * fails ("Failed to update node PodCIDR after multiple attempts") and the
 * CIDR is released, but the allocator's next candidate has moved on
 * (pkg/controller/nodeipam/ipam/cidrset: nextCandidate), so the next node
 * gets 10.244.3.0/24. Seen here on kind-worker2. The allocator is therefore
 * off in stage 2 (components.ts, -node-ipam-controller) and this takes its
 * place: spec.podCIDR may be set once, from "" (Node validation).
 */
import { runCommand } from '../node/run-command.ts';

/** The merge patch that sets a node's pod CIDR. */
export function podCidrPatch(cidr: string): string {
  return JSON.stringify({ spec: { podCIDR: cidr, podCIDRs: [cidr] } });
}

/**
 * Waits for Node `node` to exist, then gives it `cidr` unless it has one.
 * @param kubeconfig the admin's
 */
export async function assignPodCidr(kubeconfig: string, node: string, cidr: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // Asynchronous: the node's image import streams through this process meanwhile.
  for (;;) {
    const got = await runCommand('kubectl', ['--kubeconfig', kubeconfig, 'get', 'node', node, '-o', 'jsonpath={.spec.podCIDR}'], { allowFailure: true });
    if (got.code === 0 && got.stdout.trim()) return;
    if (got.code === 0) {
      await runCommand('kubectl', ['--kubeconfig', kubeconfig, 'patch', 'node', node, '--type=merge', '-p', podCidrPatch(cidr)]);
      return;
    }
    if (Date.now() > deadline) throw new Error(`Node ${node} was not registered within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
