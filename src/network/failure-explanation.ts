/**
 * Why a request failed, in words a person can act on, computed from the API
 * state at the moment of failure (only on the failure path: it lists
 * objects). The facts behind each sentence are the ones kube-proxy acted on:
 * a service port without endpoints is REJECTed, a port the service does not
 * define matches no rule, a Local-policy service drops traffic on nodes
 * without a local endpoint.
 */
import type { Pod, Service } from '../api/core.ts';
import type { ApiServer } from '../apiserver/types.ts';
import type { Listener } from '../kubelet/runtime/listener.ts';
import type { PodRuntime } from '../kubelet/runtime/pod-runtime.ts';

function selectorText(selector: Record<string, string>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function portsText(service: Service): string {
  return (service.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(', ') || 'none';
}

/** The service whose cluster IP (or external IP or LoadBalancer address) is `ip`. */
export function serviceAt(api: ApiServer, ip: string): Service | undefined {
  return api
    .list<Service>('Service')
    .find((s) => s.spec.clusterIP === ip || (s.spec.externalIPs ?? []).includes(ip) || (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip));
}

/** "ns/name" of a kube-proxy service port name ("ns/name:port" or "ns/name"). */
export function serviceOfPortName(servicePortName: string): { namespace: string; name: string } {
  const [namespace, rest] = servicePortName.split('/');
  return { namespace, name: rest.split(':')[0] };
}

/** Why a service port has no endpoint to send to: its selector, the pods it matches and their readiness. */
export function explainNoEndpoints(api: ApiServer, namespace: string, name: string): string {
  const service = api.tryGet<Service>({ kind: 'Service', namespace, name });
  const id = `service ${namespace}/${name}`;
  if (!service) return `${id} no longer exists`;
  const selector = service.spec.selector;
  if (!selector || Object.keys(selector).length === 0) {
    return `${id} has no selector and no ready address was written into its Endpoints or EndpointSlices`;
  }
  const pods = api.list<Pod>('Pod', { namespace, labelSelector: selectorText(selector) }).filter((p) => !p.metadata.deletionTimestamp);
  if (pods.length === 0) return `${id} has no ready endpoints: its selector ${selectorText(selector)} matches no pod in namespace ${namespace}`;
  const ready = pods.filter(isReady).length;
  const plural = pods.length === 1 ? 'pod matches' : 'pods match';
  if (ready === 0) return `${id} has no ready endpoints: ${pods.length} ${plural} the selector, 0 ready`;
  return `${id} has no endpoint for this port: ${pods.length} ${plural} the selector, ${ready} ready, but none exposes the service's targetPort`;
}

/** A destination kube-proxy has no rule for, described by what owns the address. */
export function explainUnmatched(api: ApiServer, ip: string, port: number, protocol: string): string {
  const service = serviceAt(api, ip);
  if (service) {
    const id = `${service.metadata.namespace}/${service.metadata.name}`;
    return `${ip} belongs to service ${id}, which has no port ${port}/${protocol} (its ports: ${portsText(service)}): no kube-proxy rule matches, the packet leaves by the default route and is lost`;
  }
  return `no pod, node or service has the address ${ip}: the packet leaves by the default route and nothing answers`;
}

/** Traffic dropped because a Local-policy service has no endpoint on the node that received it. */
export function explainLocalDrop(api: ApiServer, namespace: string, name: string, node: string): string {
  return `service ${namespace}/${name} has externalTrafficPolicy Local and node ${node} runs none of its ready endpoints: kube-proxy drops the packet there (${explainNoEndpointsShort(api, namespace, name)})`;
}

function explainNoEndpointsShort(api: ApiServer, namespace: string, name: string): string {
  const service = api.tryGet<Service>({ kind: 'Service', namespace, name });
  const selector = service?.spec.selector;
  if (!selector) return 'no selector';
  const pods = api.list<Pod>('Pod', { namespace, labelSelector: selectorText(selector) });
  const where = pods.filter(isReady).map((p) => p.spec.nodeName ?? '?');
  return where.length ? `ready endpoints run on ${[...new Set(where)].join(', ')}` : 'it has no ready endpoint anywhere';
}

/** A pod reached at a port nothing listens on: the kernel answers RST. */
export function explainNotListening(pod: PodRuntime, port: number, protocol: string, listeners: readonly Listener[]): string {
  const open = listeners.map((l) => `${l.port}/${l.protocol}`);
  const what = open.length ? `it listens on ${[...new Set(open)].join(', ')}` : 'no container of it is listening on any port yet';
  return `pod ${pod.namespace}/${pod.name} (${pod.ip}) has nothing listening on port ${port}/${protocol}: ${what}`;
}

/** A pod reached on its IP at a port its server bound to 127.0.0.1 only: the kernel answers RST. */
export function explainLoopbackOnly(pod: PodRuntime, port: number, protocol: string): string {
  return `pod ${pod.namespace}/${pod.name} (${pod.ip}) listens on 127.0.0.1:${port}/${protocol} only: connections to ${pod.ip} are refused`;
}
