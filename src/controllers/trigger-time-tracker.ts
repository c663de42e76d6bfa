/**
 * TriggerTimeTracker (pkg/controller/util/endpoint/trigger_time_tracker.go): the value of the
 * `endpoints.kubernetes.io/last-change-trigger-time` annotation. A pod's trigger time is its
 * Ready condition's lastTransitionTime, a Service's its creationTimestamp; the annotation gets
 * the earliest trigger time that changed since the last sync, or the Service's creation time
 * on its first sync. Undefined means no change was seen (the Endpoints controller then removes
 * the annotation).
 */
import type { Pod, Service } from '../api/core.ts';
import { podReadyCondition } from './pod-readiness.ts';

export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

interface ServiceState {
  podTimes: Map<string, number>;
  serviceTime: number;
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /** The trigger time for this sync of `service` with the pods it selects, as RFC 3339. */
  compute(service: Service, pods: readonly Pod[]): string | undefined {
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    const state = this.states.get(key);
    let min: number | undefined;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = parse(podReadyCondition(pod)?.lastTransitionTime);
      if (t === undefined) continue;
      podTimes.set(String(pod.metadata.name), t);
      if (t > (state?.podTimes.get(String(pod.metadata.name)) ?? -Infinity)) min = min === undefined ? t : Math.min(min, t);
    }
    const serviceTime = parse(service.metadata.creationTimestamp) ?? 0;
    if (serviceTime > (state?.serviceTime ?? -Infinity)) min = min === undefined ? serviceTime : Math.min(min, serviceTime);
    this.states.set(key, { podTimes, serviceTime });
    if (!state) return service.metadata.creationTimestamp;
    return min === undefined ? undefined : format(min);
  }

  forget(namespace: string | undefined, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}

function parse(t: string | undefined): number | undefined {
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isFinite(ms) ? ms : undefined;
}

/** time.RFC3339Nano of a whole-millisecond time: fractional digits only when non-zero, trailing zeros trimmed. */
function format(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.000Z$/, 'Z').replace(/(\.\d*?)0+Z$/, '$1Z');
}
