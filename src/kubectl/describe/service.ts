/**
 * `kubectl describe service` (describeService in k8s.io/kubectl/pkg/describe/describe.go, 1.31/1.32;
 * FIDELITY.md §7): per port `Port:  name  80/TCP` with the port name in its own column, TargetPort,
 * NodePort and the EndpointSlice-based Endpoints; traffic policies only when set.
 */
import type { LoadBalancerIngress, Service } from '../../api/core.ts';
import type { ApiServer } from '../../apiserver/types.ts';
import { formatLabels } from '../printers/label-format.ts';
import { formatEndpointSlices, slicesOfService } from './endpoint-slices.ts';
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings, describeEvents, searchEvents, targetOf } from './events.ts';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts';
import { LEVEL_0, tabbedString } from './prefix-writer.ts';

/** buildIngressString: `ip (ipMode)` or the hostname, joined by `, `. */
function ingressString(ingress: LoadBalancerIngress[]): string {
  return ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ');
}

export function describeService(svc: Service, api: ApiServer, now: number, settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS): string {
  const namespace = svc.metadata.namespace ?? '';
  const slices = slicesOfService(api, namespace, svc.metadata.name ?? '');
  const events = searchEvents(api, targetOf(svc), settings);
  const spec = svc.spec;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${namespace}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies!.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs!.join(',') : '<none>'}\n`);
    if ((spec.externalIPs ?? []).length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs!.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingressString(ingress)}\n`);
    for (const port of spec.ports ?? []) {
      const name = port.name || '<unset>';
      const protocol = port.protocol ?? 'TCP';
      w.write(LEVEL_0, `Port:\t${name}\t${port.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${port.targetPort ?? 0}/${protocol}\n`);
      if (port.appProtocol) w.write(LEVEL_0, `AppProtocol:\t${port.appProtocol}\n`);
      if (port.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, port.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges!.join(',')}\n`);
    const trafficDistribution = (spec as { trafficDistribution?: string }).trafficDistribution;
    if (trafficDistribution) w.write(LEVEL_0, `Traffic Distribution:\t${trafficDistribution}\n`);
    describeEvents(events, w, now);
  });
}
