/**
 * The Endpoints line of `describe service` and the backends of `describe ingress`: since kubectl
 * 1.31 they come from the service's EndpointSlices (kubernetes/kubernetes#124598; formatEndpointSlices
 * in k8s.io/kubectl/pkg/describe/describe.go): `ip:port` of the slices' ports with the service port's
 * name, at most three then ` + N more...`, `<none>` without slices. Not-ready endpoints are listed
 * (the readiness filter of #126932 came after 1.32; kubectl v1.32.4 on this machine lists them).
 */
import type { EndpointSlice } from '../../api/discovery.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { joinHostPort } from '../printers/table/endpoints.ts';

const MAX_SHOWN = 3;

/** The slices labelled `kubernetes.io/service-name=<service>` in a namespace. */
export function slicesOfService(api: ApiServer, namespace: string, service: string): EndpointSlice[] {
  try {
    return api
      .list<EndpointSlice>('EndpointSlice', { namespace })
      .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
  } catch {
    return [];
  }
}

export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    const endpoints = slice.endpoints ?? [];
    if (ports.length === 0) {
      // headless services may have no ports
      for (const endpoint of endpoints) {
        if (list.length === MAX_SHOWN) more = true;
        if (!more) list.push(endpoint.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const endpoint of endpoints) {
        if (list.length === MAX_SHOWN) more = true;
        if (!more) list.push(joinHostPort(endpoint.addresses[0], port.port ?? 0));
        count++;
      }
    }
  }
  const joined = list.join(',');
  return more ? `${joined} + ${count - MAX_SHOWN} more...` : joined;
}
