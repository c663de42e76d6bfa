/**
 * An event recorder that writes core/v1 Events the way client-go's legacy recorder does
 * (k8s.io/client-go tools/record/event.go makeEvent and generateEvent, events_cache.go
 * EventCorrelator):
 * - name `<involved object name>.<creation time in Unix nanoseconds, hex>`, in the object's
 *   namespace (`default` for cluster-scoped objects);
 * - count 1, firstTimestamp = lastTimestamp = now, source {component, host},
 *   reportingComponent = component, reportingInstance = host;
 * - an identical event again (same source, object, type, reason, message) updates the first one:
 *   count + 1 and a new lastTimestamp (eventLogger.eventObserve).
 * Used by the controllers, the scheduler and the kubelet.
 */
import type { Event, ObjectReference } from '../api/core.ts';
import type { KubeObject } from '../api/meta.ts';
import { ApiError, type ApiServer } from '../apiserver/types.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { SeededRandom } from '../random/seeded-random.ts';

export type EventType = 'Normal' | 'Warning';

/** v1.EventSource: who reports, e.g. {component: 'kubelet', host: 'kind-worker'}. */
export interface EventSource {
  component: string;
  host?: string;
}

interface Recorded {
  namespace: string;
  name: string;
  count: number;
}

export class EventRecorder {
  private readonly recorded = new Map<string, Recorded>();
  private readonly subMillisecond: SeededRandom;
  private lastNanos = 0n;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
    random: SeededRandom,
    readonly source: EventSource,
  ) {
    // The virtual clock has millisecond resolution; the nanoseconds below it, which only show in
    // event names, come from a stream of their own.
    this.subMillisecond = random.derive(`events/${source.component}/${source.host ?? ''}`);
  }

  /** Records `reason` / `message` about `obj` (and, for container events, `fieldPath` like `spec.containers{nginx}`). */
  event(obj: KubeObject, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const ref = referenceTo(obj, fieldPath);
    const namespace = ref.namespace || 'default';
    const now = this.clock.nowRFC3339();
    const key = JSON.stringify([this.source.component, this.source.host ?? '', ref.kind, ref.namespace, ref.name, ref.uid, ref.apiVersion, ref.fieldPath ?? '', type, reason, message]);
    const previous = this.recorded.get(key);
    if (previous && this.bump(previous, now)) return;
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${ref.name}.${this.nextNanos().toString(16)}`, namespace },
      involvedObject: ref,
      reason,
      message,
      source: this.source.host ? { component: this.source.component, host: this.source.host } : { component: this.source.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? '',
    };
    const created = this.createWithUniqueName(event);
    if (created) this.recorded.set(key, { namespace, name: String(created.metadata.name), count: 1 });
  }

  /** Updates a recorded event's count and lastTimestamp; false when it no longer exists. */
  private bump(previous: Recorded, now: string): boolean {
    const current = this.api.tryGet<Event>({ kind: 'Event', namespace: previous.namespace, name: previous.name });
    if (!current) return false;
    previous.count = (current.count ?? previous.count) + 1;
    current.count = previous.count;
    current.lastTimestamp = now;
    try {
      this.api.update(current);
      return true;
    } catch (err) {
      if (err instanceof ApiError) return false;
      throw err;
    }
  }

  private createWithUniqueName(event: Event): Event | undefined {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return this.api.create(event).object;
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        // A terminating namespace refuses new events, as a real one does: the event is dropped.
        if (err.reason !== 'AlreadyExists') return undefined;
        event.metadata.name = `${event.involvedObject.name}.${this.nextNanos().toString(16)}`;
      }
    }
    return undefined;
  }

  private nextNanos(): bigint {
    let nanos = BigInt(this.clock.now()) * 1_000_000n + BigInt(this.subMillisecond.int(0, 999_999));
    if (nanos <= this.lastNanos) nanos = this.lastNanos + BigInt(this.subMillisecond.int(1, 999));
    this.lastNanos = nanos;
    return nanos;
  }
}

/** reference.GetReference: what an event's involvedObject holds. */
export function referenceTo(obj: KubeObject, fieldPath?: string): ObjectReference {
  const ref: ObjectReference = {
    kind: obj.kind,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    uid: obj.metadata.uid,
    apiVersion: obj.apiVersion,
    resourceVersion: obj.metadata.resourceVersion,
  };
  if (!ref.namespace) delete ref.namespace;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}
