/**
 * Which pods a ReplicaSet deletes first when it has too many (pkg/controller/replicaset/
 * replica_set.go getPodsToDelete, getPodsRankedByRelatedPodsOnSameNode; pkg/controller/
 * controller_utils.go ActivePodsWithRanks.Less, Kubernetes 1.31 with the PodDeletionCost and
 * LogarithmicScaleDown features on, as they are by default):
 *  1. unscheduled before scheduled;
 *  2. Pending before Unknown before Running;
 *  3. not ready before ready;
 *  4. lower `controller.kubernetes.io/pod-deletion-cost` first;
 *  5. more active sibling pods on the same node first (doubled up);
 *  6. both ready: ready for less time first, compared on a log2 scale of the time since, then by UID;
 *  7. more container restarts first;
 *  8. newer first, on a log2 scale of the age, then by UID.
 */
import type { Pod } from '../../api/core.ts';
import { isPodActive, isPodReady, podReadyCondition } from '../pod-readiness.ts';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** The `count` pods of `pods` to delete, best candidates first. `related` are the active pods used for the doubled-up rank. */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], count: number, nowMs: number): Pod[] {
  if (count >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => (preferForDeletion(a, b, nowMs) ? -1 : preferForDeletion(b, a, nowMs) ? 1 : 0));
  return ranked.slice(0, count).map((r) => r.pod);
}

interface RankedPod {
  pod: Pod;
  rank: number;
}

/** ActivePodsWithRanks.Less: whether `a` should be deleted before `b`. */
export function preferForDeletion(a: RankedPod, b: RankedPod, nowMs: number): boolean {
  const na = a.pod.spec.nodeName ?? '';
  const nb = b.pod.spec.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const pa = PHASE_ORDINAL[a.pod.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[b.pod.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa < pb;
  const ra = isPodReady(a.pod);
  const rb = isPodReady(b.pod);
  if (ra !== rb) return !ra;
  const ca = deletionCost(a.pod);
  const cb = deletionCost(b.pod);
  if (ca !== cb) return ca < cb;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (ra && rb) {
    const ta = podReadyCondition(a.pod)?.lastTransitionTime;
    const tb = podReadyCondition(b.pod)?.lastTransitionTime;
    if (ta !== tb) return compareTimes(ta, tb, a.pod, b.pod, nowMs);
  }
  const restartsA = maxRestarts(a.pod);
  const restartsB = maxRestarts(b.pod);
  if (restartsA !== restartsB) return restartsA > restartsB;
  const createdA = a.pod.metadata.creationTimestamp;
  const createdB = b.pod.metadata.creationTimestamp;
  if (createdA !== createdB) return compareTimes(createdA, createdB, a.pod, b.pod, nowMs);
  return false;
}

/** Empty time first; else the more recent first on a log2 scale of the time elapsed, ties by UID. */
function compareTimes(ta: string | undefined, tb: string | undefined, a: Pod, b: Pod, nowMs: number): boolean {
  if (!ta || !tb) return !ta;
  const rank = (t: string) => {
    const elapsedNs = (nowMs - Date.parse(t)) * 1e6;
    return elapsedNs > 0 ? Math.floor(Math.log2(elapsedNs)) : -1;
  };
  const diff = rank(ta) - rank(tb);
  if (diff === 0) return String(a.metadata.uid) < String(b.metadata.uid);
  return diff < 0;
}

function deletionCost(pod: Pod): number {
  const v = Number.parseInt(pod.metadata.annotations?.[DELETION_COST] ?? '', 10);
  return Number.isFinite(v) ? v : 0;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount));
}
