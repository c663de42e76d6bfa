/**
 * The endpoints of a Service as the kubernetes plugin stores them: one subset
 * per EndpointSlice, holding only ready endpoints (a missing `ready` condition
 * counts as ready) and the slice's ports, or a port -1 sentinel when the slice
 * has none (coredns plugin/kubernetes/object/endpoint.go, EndpointSliceToEndpoints).
 * publishNotReadyAddresses needs nothing here: the endpointslice controller
 * already marks such endpoints ready.
 */
import type { EndpointSlice } from '../api/discovery.ts';

export interface EndpointAddress {
  ip: string;
  hostname?: string;
  /** The backing pod's name (endpoint_pod_names mode, off in kind's Corefile). */
  targetRefName?: string;
}

export interface EndpointPort {
  /** -1 when the slice lists no port. */
  port: number;
  name: string;
  protocol: string;
}

export interface EndpointSubset {
  /** The slice this subset came from. */
  sliceName: string;
  addresses: EndpointAddress[];
  ports: EndpointPort[];
}

/** The label that ties a slice to its Service (discovery/v1 LabelServiceName). */
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The subset an EndpointSlice contributes; FQDN slices carry names, not addresses, and contribute none. */
export function subsetOfSlice(slice: EndpointSlice): EndpointSubset | undefined {
  if (slice.addressType === 'FQDN') return undefined;
  const ports: EndpointPort[] =
    slice.ports && slice.ports.length > 0
      ? slice.ports.map((p) => ({ port: p.port ?? -1, name: p.name ?? '', protocol: p.protocol ?? '' }))
      : [{ port: -1, name: '', protocol: '' }];
  const addresses: EndpointAddress[] = [];
  for (const endpoint of slice.endpoints ?? []) {
    if (endpoint.conditions?.ready === false) continue;
    for (const ip of endpoint.addresses) {
      addresses.push({
        ip,
        hostname: endpoint.hostname,
        // Pod names too long for a DNS label are ignored (same file).
        targetRefName: endpoint.targetRef && endpoint.targetRef.name.length < 64 ? endpoint.targetRef.name : undefined,
      });
    }
  }
  return { sliceName: slice.metadata.name ?? '', addresses, ports };
}

/**
 * The label an endpoint answers to under its service: its hostname, else its
 * IP with dashes (coredns plugin/kubernetes/kubernetes.go, endpointHostname).
 */
export function endpointHostname(address: EndpointAddress): string {
  if (address.hostname) return address.hostname;
  if (address.ip.includes('.')) return address.ip.replace(/\./g, '-');
  if (address.ip.includes(':')) return address.ip.replace(/:/g, '-');
  return '';
}
