/**
 * Which pods back a Service (pkg/controller/util/endpoint/controller_utils.go
 * ShouldPodBeInEndpoints, ShouldSetHostname): not Succeeded or Failed, with an IP, and
 * terminating pods only when asked; a hostname is published for a pod whose subdomain names the
 * Service in its namespace.
 */
import type { Pod, Service } from '../api/core.ts';

export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs ?? []).length) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

export function shouldSetHostname(pod: Pod, service: Service): boolean {
  return Boolean(pod.spec.hostname) && pod.spec.subdomain === service.metadata.name && service.metadata.namespace === pod.metadata.namespace;
}

/** The pod's IPv4 address (podIPs first, then podIP). */
export function podIPv4(pod: Pod): string | undefined {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip);
  if (pod.status?.podIP) ips.push(pod.status.podIP);
  return ips.find((ip) => !ip.includes(':'));
}

/** A Service selector that selects: non-empty (an empty or missing one means the Service is selectorless). */
export function serviceSelects(service: Service, labels: Record<string, string> | undefined): boolean {
  const selector = service.spec.selector;
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

export function hasSelector(service: Service): boolean {
  return Boolean(service.spec.selector && Object.keys(service.spec.selector).length > 0);
}

export function isHeadless(service: Service): boolean {
  return service.spec.clusterIP === 'None';
}
