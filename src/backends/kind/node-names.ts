/**
 * kind's node names (pkg/cluster/internal/providers/common, MakeNodeNamer and
 * its test): CLUSTER-control-plane, then CLUSTER-worker, CLUSTER-worker2,
 * CLUSTER-worker3 ... The container name is also the hostname and the
 * Kubernetes node name.
 */

export type NodeRole = 'control-plane' | 'worker';

export interface PlannedNode {
  name: string;
  role: NodeRole;
}

/** The nodes of a cluster with one control plane and `workers` workers, control plane first. */
export function plannedNodes(cluster: string, workers: number): PlannedNode[] {
  const nodes: PlannedNode[] = [{ name: `${cluster}-control-plane`, role: 'control-plane' }];
  for (let i = 1; i <= workers; i++) nodes.push({ name: `${cluster}-worker${i === 1 ? '' : i}`, role: 'worker' });
  return nodes;
}

/** The kubeconfig context (and cluster and user) kind names after a cluster (kubeconfig.KINDClusterKey). */
export function kindContextName(cluster: string): string {
  return `kind-${cluster}`;
}
