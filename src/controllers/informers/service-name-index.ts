/**
 * EndpointSlices by the Service they belong to (the `kubernetes.io/service-name` label), as the
 * EndpointSlice controllers list them (reconciler: endpointSliceLister with a service-name
 * selector): a sync reads its Service's slices, not every slice of the namespace.
 */
import type { EndpointSlice } from '../../api/discovery.ts';
import type { Indexer } from './indexer.ts';

export const SERVICE_NAME_INDEX = 'serviceName';
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The IndexFunc: `namespace/service` from the label, nothing without it. */
export function serviceNameIndexValues(slice: EndpointSlice): string[] {
  const service = slice.metadata.labels?.[SERVICE_NAME_LABEL];
  return service === undefined ? [] : [`${slice.metadata.namespace ?? ''}/${service}`];
}

/** The slices of the Service `namespace/name` (whoever manages them), in list order. */
export function slicesOfService(slices: Indexer<EndpointSlice>, namespace: string | undefined, name: string): EndpointSlice[] {
  return slices.byIndex(SERVICE_NAME_INDEX, `${namespace ?? ''}/${name}`);
}
