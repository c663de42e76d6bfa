/**
 * `Pods Status:` of ReplicaSets and ReplicationControllers (getPodStatusForController in
 * k8s.io/kubectl/pkg/describe/describe.go): the pods matching the selector whose controller is the
 * described object, counted by phase.
 */
import type { Pod } from '../../api/core.ts';
import type { KubeObject } from '../../api/meta.ts';
import type { ApiServer } from '../../apiserver/types.ts';

export function podStatusForController(api: ApiServer, owner: KubeObject, selector: string): string {
  let pods: Pod[] = [];
  try {
    pods = api.list<Pod>('Pod', { namespace: owner.metadata.namespace, labelSelector: selector || undefined });
  } catch {
    pods = [];
  }
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of pods) {
    const controller = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    if (!controller || controller.uid !== owner.metadata.uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running' || phase === 'Pending' || phase === 'Succeeded' || phase === 'Failed') counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}
