/**
 * `kubectl describe ingress` (describeIngressV1 and describeBackendV1 in
 * k8s.io/kubectl/pkg/describe/describe.go, 1.31/1.32): backends as `svc:port (endpoints)` from the
 * service's EndpointSlices, `svc:port (<error: services "svc" not found>)` for a missing service.
 */
import type { Service } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import type { Ingress, IngressBackend, IngressServiceBackend } from '../../api/networking.ts';
import { loadBalancerStatusString } from '../printers/table/load-balancer-status.ts';
import { formatEndpointSlices, slicesOfService } from './endpoint-slices.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer.ts';

/** serviceBackendStringer: `name:port`. */
function serviceBackendString(backend: IngressServiceBackend): string {
  return `${backend.name}:${backend.port.number ? backend.port.number : (backend.port.name ?? '')}`;
}

function describeBackend(api: ApiServer, namespace: string, backend: IngressBackend): string {
  if (backend.service) {
    const sb = serviceBackendString(backend.service);
    const slices = slicesOfService(api, namespace, backend.service.name);
    const service = api.tryGet<Service>({ kind: 'Service', namespace, name: backend.service.name });
    if (!service) return `${sb} (<error: services "${backend.service.name}" not found>)`;
    let portName = '';
    for (const port of service.spec.ports ?? []) {
      if (backend.service.port.number && backend.service.port.number === port.port) portName = port.name ?? '';
      else if (backend.service.port.name && backend.service.port.name === port.name) portName = port.name ?? '';
    }
    return `${sb} (${formatEndpointSlices(slices, portName)})`;
  }
  if (backend.resource) {
    return `APIGroup: ${backend.resource.apiGroup ?? '<none>'}, Kind: ${backend.resource.kind}, Name: ${backend.resource.name}`;
  }
  return '';
}

export function describeIngress(ing: Ingress, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const namespace = ing.metadata.namespace ?? '';
  const events = searchEvents(api, targetOf(ing), settings);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ing.metadata.labels);
    w.write(LEVEL_0, `Namespace:\t${namespace}\n`);
    w.write(LEVEL_0, `Address:\t${loadBalancerStatusString(ing.status?.loadBalancer?.ingress ?? [])}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${ing.spec.ingressClassName ?? '<none>'}\n`);
    const defaultBackend = ing.spec.defaultBackend ? describeBackend(api, namespace, ing.spec.defaultBackend) : '<default>';
    w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
    if ((ing.spec.tls ?? []).length > 0) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const tls of ing.spec.tls ?? []) {
        const hosts = (tls.hosts ?? []).join(',');
        w.write(LEVEL_1, tls.secretName ? `${tls.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    let count = 0;
    for (const rule of ing.spec.rules ?? []) {
      if (!rule.http) continue;
      count++;
      w.write(LEVEL_1, `${rule.host || '*'}\t\n`);
      for (const path of rule.http.paths) w.write(LEVEL_2, `\t${path.path ?? ''} \t${describeBackend(api, namespace, path.backend)}\n`);
    }
    if (count === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
    printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations);
    describeEvents(events, w, now);
  });
}
