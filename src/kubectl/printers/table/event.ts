/**
 * `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE, wide adding SUBOBJECT SOURCE FIRST SEEN
 * COUNT NAME (printEvent, formatEventSource in pkg/printers/internalversion/printers.go). The Name
 * column is wide-only. OBJECT is `kind/name` with the kind lower-cased.
 */
import type { Event } from '../../../api/core.ts';
import type { KubeObject } from '../../../api/meta.ts';
import { translateTimestampSince } from '../age.ts';
import { column, type Cell, type KindTable, type RowContext } from './table.ts';

function firstNonEmpty(...values: (string | undefined)[]): string {
  return values.find((v) => v !== undefined && v.length > 0) ?? '';
}

/** formatEventSource: `component, host`, or the reporting controller and instance of events.k8s.io events. */
export function formatEventSource(event: Event): string {
  const component = firstNonEmpty(event.source?.component, event.reportingComponent);
  const instance = firstNonEmpty(event.source?.host, event.reportingInstance);
  return instance === '' ? component : `${component}, ${instance}`;
}

export const eventTable: KindTable = {
  columns: [
    column('Last Seen'),
    column('Type'),
    column('Reason'),
    column('Object'),
    column('Subobject', { wide: true }),
    column('Source', { wide: true }),
    column('Message'),
    column('First Seen', { wide: true }),
    column('Count', { wide: true }),
    column('Name', { wide: true, format: 'name' }),
  ],
  row(object: KubeObject, ctx: RowContext): Cell[] {
    const event = object as Event;
    const firstSeen = event.firstTimestamp
      ? translateTimestampSince(event.firstTimestamp, ctx.now)
      : translateTimestampSince(event.eventTime, ctx.now);
    let lastSeen = event.lastTimestamp ? translateTimestampSince(event.lastTimestamp, ctx.now) : firstSeen;
    let count = event.count ?? 0;
    if (event.series) {
      lastSeen = translateTimestampSince(event.series.lastObservedTime, ctx.now);
      count = event.series.count;
    } else if (count === 0) {
      // singleton events of the events.k8s.io API carry no count
      count = 1;
    }
    const kind = (event.involvedObject.kind ?? '').toLowerCase();
    const target = event.involvedObject.name ? `${kind}/${event.involvedObject.name}` : kind;
    return [
      lastSeen,
      event.type ?? '',
      event.reason ?? '',
      target,
      event.involvedObject.fieldPath ?? '',
      formatEventSource(event),
      (event.message ?? '').trim(),
      firstSeen,
      count,
      event.metadata.name ?? '',
    ];
  },
};
