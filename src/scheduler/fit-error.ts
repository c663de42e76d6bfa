/**
 * The FailedScheduling message (pkg/scheduler/framework/types.go FitError.Error, Kubernetes
 * 1.31): `0/N nodes are available: ` + the per-reason node counts as `"<count> <reason>"`
 * strings sorted as strings and joined with ", ", then "." and the PostFilter (preemption)
 * message. Every reason modelled here is UnschedulableAndUnresolvable, so DefaultPreemption
 * finds preemption useless on every node: `preemption: 0/N nodes are available: N Preemption
 * is not helpful for scheduling.` (pkg/scheduler/framework/preemption/preemption.go).
 */

/** With no nodes at all (pkg/scheduler/schedule_one.go ErrNoNodesAvailable). */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export function fitErrorMessage(reasonsByNode: ReadonlyMap<string, string>): string {
  const total = reasonsByNode.size;
  const counts = new Map<string, number>();
  for (const reason of reasonsByNode.values()) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const histogram = [...counts].map(([reason, n]) => `${n} ${reason}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const preemption = `preemption: 0/${total} nodes are available: ${total} Preemption is not helpful for scheduling.`;
  return `0/${total} nodes are available: ${histogram.join(', ')}. ${preemption}`;
}
