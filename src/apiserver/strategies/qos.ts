/**
 * A pod's QoS class (pkg/apis/core/helper/qos/qos.go, 1.31), set in
 * status.qosClass when the pod is created: BestEffort without any cpu or
 * memory request or limit, Guaranteed when every container limits both and
 * requests equal limits, Burstable otherwise.
 */
import type { Pod } from '../../api/core.ts';

type Resources = { limits?: Record<string, string>; requests?: Record<string, string> };

export function podQOSClass(pod: Pod): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const containers = [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])];
  const tracked = ['cpu', 'memory'];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const r = (c.resources ?? {}) as Resources;
    const limits = r.limits ?? {};
    const requests = r.requests ?? {};
    for (const name of tracked) {
      if (limits[name] !== undefined || requests[name] !== undefined) any = true;
      if (limits[name] === undefined || (requests[name] !== undefined && requests[name] !== limits[name])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
