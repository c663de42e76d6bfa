/**
 * An events.k8s.io/v1 recorder, as kube-scheduler uses (k8s.io/client-go tools/events
 * event_recorder.go generateEvent, event_broadcaster.go): the Event it writes is read back as
 * core/v1 with
 * - name `<regarding name>.<Unix nanoseconds, hex>`, eventTime in microseconds,
 * - action (`Binding`, `Scheduling`), reportingComponent, reportingInstance
 *   (`default-scheduler-<host>`), no source, no first/lastTimestamp, no count;
 * - an isomorphic event again (same regarding object, action, reason, note, type) becomes a
 *   series: series.count and series.lastObservedTime on the first event.
 */
import type { Event } from '../api/core.ts';
import type { KubeObject } from '../api/meta.ts';
import { ApiError, type ApiServer } from '../apiserver/types.ts';
import type { VirtualClock } from '../clock/virtual-clock.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import { referenceTo, type EventType } from './events.ts';

interface Recorded {
  namespace: string;
  name: string;
  count: number;
}

export class EventsV1Recorder {
  private readonly recorded = new Map<string, Recorded>();
  private readonly subMillisecond: SeededRandom;
  private lastNanos = 0n;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
    random: SeededRandom,
    readonly reportingController: string,
    readonly reportingInstance: string,
  ) {
    this.subMillisecond = random.derive(`events/${reportingInstance}`);
  }

  /** Records an event about `regarding`; `action` says what the component was doing. */
  eventf(regarding: KubeObject, type: EventType, reason: string, action: string, note: string): void {
    const ref = referenceTo(regarding);
    const namespace = ref.namespace || 'default';
    const nanos = this.nextNanos();
    const key = JSON.stringify([ref.kind, ref.namespace, ref.name, ref.uid, action, reason, note, type, this.reportingController, this.reportingInstance]);
    const previous = this.recorded.get(key);
    if (previous && this.extendSeries(previous, nanos)) return;
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${ref.name}.${nanos.toString(16)}`, namespace },
      involvedObject: ref,
      reason,
      message: note,
      type,
      eventTime: microTime(nanos),
      action,
      reportingComponent: this.reportingController,
      reportingInstance: this.reportingInstance,
    };
    try {
      const created = this.api.create(event).object;
      this.recorded.set(key, { namespace, name: String(created.metadata.name), count: 1 });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }

  private extendSeries(previous: Recorded, nanos: bigint): boolean {
    const current = this.api.tryGet<Event>({ kind: 'Event', namespace: previous.namespace, name: previous.name });
    if (!current) return false;
    previous.count = (current.series?.count ?? 1) + 1;
    current.series = { count: previous.count, lastObservedTime: microTime(nanos) };
    try {
      this.api.update(current);
      return true;
    } catch (err) {
      if (err instanceof ApiError) return false;
      throw err;
    }
  }

  private nextNanos(): bigint {
    let nanos = BigInt(this.clock.now()) * 1_000_000n + BigInt(this.subMillisecond.int(0, 999_999));
    if (nanos <= this.lastNanos) nanos = this.lastNanos + BigInt(this.subMillisecond.int(1, 999));
    this.lastNanos = nanos;
    return nanos;
  }
}

/** metav1.MicroTime's RFC 3339 form: six fractional digits. */
function microTime(nanos: bigint): string {
  const ms = Number(nanos / 1_000_000n);
  const micros = Number((nanos / 1000n) % 1_000_000n);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, `.${String(micros).padStart(6, '0')}Z`);
}
