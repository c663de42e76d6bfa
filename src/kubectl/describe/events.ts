/**
 * The Events section of describe output (DescribeEvents and searchEvents in
 * k8s.io/kubectl/pkg/describe/describe.go, SortableEvents in k8s.io/kubectl/pkg/util/event):
 * the events whose involvedObject is the described object, oldest first, as
 * `Type  Reason  Age  From  Message` with ages like `2m (x3 over 5m)`; `Events:  <none>` when none.
 */
import type { Event } from '../../api/core.ts';
import type { KubeObject } from '../../api/meta.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { parseTimestamp, translateTimestampSince } from '../printers/age.ts';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.ts';

/** DescriberSettings of k8s.io/kubectl/pkg/describe: `kubectl describe --show-events=false` leaves the Events section out. */
export interface DescriberSettings {
  showEvents: boolean;
}

export const DEFAULT_DESCRIBER_SETTINGS: DescriberSettings = { showEvents: true };

/** What an event must refer to: the field selector searchEvents sends. kind and uid are skipped when empty. */
export interface EventTarget {
  name: string;
  namespace: string;
  kind: string;
  uid: string;
}

/** The reference of an object as reference.GetReference builds it. */
export function targetOf(object: KubeObject): EventTarget {
  return { name: object.metadata.name ?? '', namespace: object.metadata.namespace ?? '', kind: object.kind, uid: object.metadata.uid ?? '' };
}

function listEvents(api: ApiServer): Event[] {
  try {
    return api.list<Event>('Event');
  } catch {
    return [];
  }
}

/** searchEvents: events about a target, in API list order; undefined when events are not shown. */
export function searchEvents(api: ApiServer, target: EventTarget, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): Event[] | undefined {
  if (!settings.showEvents) return undefined;
  return listEvents(api).filter((event) => {
    const ref = event.involvedObject ?? {};
    if ((ref.name ?? '') !== target.name) return false;
    if ((ref.namespace ?? '') !== target.namespace) return false;
    if (target.kind !== '' && (ref.kind ?? '') !== target.kind) return false;
    if (target.uid !== '' && (ref.uid ?? '') !== target.uid) return false;
    return true;
  });
}

/** eventTime (util/event): series last observation, else lastTimestamp, else eventTime. */
function eventTime(event: Event): number {
  if (event.series) return parseTimestamp(event.series.lastObservedTime) ?? 0;
  return parseTimestamp(event.lastTimestamp) ?? parseTimestamp(event.eventTime) ?? 0;
}

function interval(event: Event, now: number): string {
  const first = event.eventTime ? translateTimestampSince(event.eventTime, now) : translateTimestampSince(event.firstTimestamp, now);
  if (event.series) return `${translateTimestampSince(event.series.lastObservedTime, now)} (x${event.series.count} over ${first})`;
  if ((event.count ?? 0) > 1) return `${translateTimestampSince(event.lastTimestamp, now)} (x${event.count} over ${first})`;
  return first;
}

/** DescribeEvents; nothing at all when the events were not searched. */
export function describeEvents(events: Event[] | undefined, w: PrefixWriter, now: number): void {
  if (!events) return;
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  // sort.Sort on up to 12 events is an insertion sort, which keeps the list order of equal times
  const sorted = events.map((event, index) => ({ event, index })).sort((a, b) => eventTime(a.event) - eventTime(b.event) || a.index - b.index);
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const { event } of sorted) {
    const source = event.source?.component || event.reportingComponent || '';
    w.write(LEVEL_1, `${event.type ?? ''}\t${event.reason ?? ''}\t${interval(event, now)}\t${source}\t${(event.message ?? '').trim()}\n`);
  }
}
