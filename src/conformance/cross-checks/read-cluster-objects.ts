/** Reads a cluster's Services, pods, EndpointSlices and nodes through its kubectl. */
import type { ClusterObjects } from './cluster-objects.ts';
import { clusterObjectsFromList } from './cluster-objects.ts';
import type { ClusterUnderCheck } from './cluster-under-check.ts';

export async function readClusterObjects(cluster: ClusterUnderCheck): Promise<ClusterObjects> {
  const r = await cluster.kubectl(['get', 'services,endpointslices,pods,nodes', '--all-namespaces', '-o', 'json']);
  if (r.exitCode !== 0) throw new Error(`${cluster.side}: kubectl get failed: ${r.stderr.trim()}`);
  return clusterObjectsFromList(JSON.parse(r.stdout) as { items: { kind?: string }[] });
}
