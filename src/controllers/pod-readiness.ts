/**
 * Pod readiness and availability as controllers judge them (pkg/api/v1/pod/util.go IsPodReady,
 * IsPodAvailable; pkg/controller/controller_utils.go IsPodActive). The kubelet writes the Ready
 * condition; controllers only read it.
 */
import type { Pod } from '../api/core.ts';
import type { Condition } from '../api/meta.ts';

export function podReadyCondition(pod: Pod): Condition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** Ready for at least minReadySeconds (strictly before now, as metav1.Time.Before). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadyCondition(pod)?.lastTransitionTime;
  return since !== undefined && Date.parse(since) + minReadySeconds * 1000 < nowMs;
}

/** Neither Succeeded nor Failed, and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}
