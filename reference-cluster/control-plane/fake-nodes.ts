/**
 * Stage 1's nodes: kind's three nodes as Node objects that kwok keeps Ready
 * (the annotation kwok.x-k8s.io/node=fake selects them), with kind's labels,
 * taint, addresses and capacity (the memory backend's bootstrap, so `kubectl get
 * nodes` reads alike). kwok then gives their pods IPs from each node's podCIDR
 * (kube-controller-manager allocates it) and marks them Running and Ready.
 */
import type { KubeObject } from '../../src/api/meta.ts';
import { kindNode } from '../../src/cluster/bootstrap/kind-nodes.ts';
import { defaultProfile } from '../../src/cluster/profile.ts';
import type { Layout } from '../layout.ts';
import { KUBERNETES_VERSION } from '../layout.ts';
import { join } from 'node:path';
import type { Component } from './components.ts';
import { CONTROL_PLANE } from '../network.ts';

export const FAKE_NODE_ANNOTATION = 'kwok.x-k8s.io/node';

/** Node objects for the profile's nodes (stage 1 only: in stage 2 every kubelet registers its own). */
export function fakeNodes(): KubeObject[] {
  const profile = defaultProfile();
  return profile.nodes.map((n) => {
    const node = kindNode(profile, n, '1970-01-01T00:00:00Z');
    const { conditions: _c, daemonEndpoints: _d, nodeInfo, ...status } = (node.status ?? {}) as Record<string, unknown>;
    // The kubelet reports its own version: this cluster's, not the memory backend's kind image.
    status.nodeInfo = { ...(nodeInfo as object), kubeletVersion: KUBERNETES_VERSION, kubeProxyVersion: KUBERNETES_VERSION };
    return {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: n.name, labels: node.metadata.labels, annotations: { [FAKE_NODE_ANNOTATION]: 'fake', 'node.alpha.kubernetes.io/ttl': '0' } },
      spec: { taints: (node.spec as { taints?: unknown })?.taints },
      status,
    } as KubeObject;
  });
}

/** kwok, managing only the annotated nodes (a real kubelet may register others). */
export function kwokComponent(l: Layout): Component {
  return {
    name: 'kwok',
    binary: join(l.binDir, 'kwok'),
    netns: CONTROL_PLANE.netns,
    args: [
      `--kubeconfig=${join(l.runDir, 'admin-local.conf')}`,
      '--manage-all-nodes=false',
      `--manage-nodes-with-annotation-selector=${FAKE_NODE_ANNOTATION}=fake`,
      '--node-lease-duration-seconds=40',
      `--node-ip=${CONTROL_PLANE.address}`,
      '--cidr=10.244.0.0/16',
      '--server-address=127.0.0.1:10247',
    ],
    ready: { http: 'http://127.0.0.1:10247/healthz' },
  };
}
