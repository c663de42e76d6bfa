/**
 * Stage 2's nodes: kind's three nodes as real nodes (kubelet, containerd,
 * kube-proxy: reference-cluster/node/), each in its network namespace:
 * kind-control-plane beside the control plane's processes, registered with
 * kubeadm's taint and then marked, kind-worker and kind-worker2, each
 * resolving through the bridge's gateway as a kind node does
 * (upstream-dns.ts). They start in kind's order and get the pod CIDRs kind's
 * nodes have (10.244.0.0/24, .1.0/24, .2.0/24: pod-cidrs.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Layout } from '../layout.ts';
import type { NodeNetwork } from '../network.ts';
import { CONTROL_PLANE, ensureNodeNamespace, workerNetworks } from '../network.ts';
import { buildImages, startNode } from '../node/node.ts';
import { API_SERVER_URL } from './components.ts';
import { CONTROL_PLANE_TAINT, markControlPlane } from './mark-control-plane.ts';
import { assignPodCidr } from './pod-cidrs.ts';
import { nodeResolvConf } from './upstream-dns.ts';

export interface RealNode extends NodeNetwork {
  role: 'control-plane' | 'worker';
  /** The node's pod CIDR (pod-cidrs.ts gives it to the Node). */
  podCidr: string;
}

/** kind's default profile: the control plane and `workers` workers, in start order. */
export function realNodes(workers = 2): RealNode[] {
  return [CONTROL_PLANE, ...workerNetworks(workers)].map((n, i) => ({ ...n, role: i === 0 ? 'control-plane' : 'worker', podCidr: `10.244.${i}.0/24` }));
}

/** Where a node keeps its state (containerd, kubelet, logs): under the run dir, so `down` finds it. */
export function nodeStateDir(l: Layout, netns: string): string {
  return join(l.runDir, 'nodes', netns);
}

/** Builds the pod images (cached), then starts every node; returns lines saying what runs. */
export async function startRealNodes(l: Layout, log: (line: string) => void): Promise<string[]> {
  await buildImages({ cacheDir: join(l.cacheDir, 'images'), binDir: l.binDir, log });
  const resolvConf = nodeResolvConf(readFileSync('/etc/resolv.conf', 'utf8'));
  const lines: string[] = [];
  for (const n of realNodes()) {
    const started = Date.now();
    ensureNodeNamespace(n);
    // startNode waits for the Node's pod CIDR; this gives it (pod-cidrs.ts).
    const assigned = assignPodCidr(l.kubeconfig, n.node, n.podCidr);
    // Handled below, after startNode; a failure of startNode comes first.
    assigned.catch(() => {});
    const node = await startNode({
      name: n.node,
      netns: n.netns,
      address: n.address,
      podCidr: n.podCidr,
      apiServer: API_SERVER_URL,
      pkiDir: l.pkiDir,
      stateDir: nodeStateDir(l, n.netns),
      binDir: l.binDir,
      taints: n.role === 'control-plane' ? [CONTROL_PLANE_TAINT] : undefined,
      resolvConf,
      log,
    });
    await assigned;
    if (n.role === 'control-plane') markControlPlane(l.kubeconfig, n.node);
    log(`${n.node} started in ${Math.round((Date.now() - started) / 1000)}s`);
    lines.push(...node.describe);
  }
  return lines;
}
