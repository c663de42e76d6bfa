/**
 * The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go, Kubernetes 1.31):
 * for every Service with a selector it writes an Endpoints object of the same name:
 * - one address per selected pod that should be in endpoints (endpoint-pods.ts), with ip,
 *   nodeName, hostname (pod hostname + subdomain = Service), targetRef {Pod, namespace, name, uid};
 *   ready pods (or all, with publishNotReadyAddresses) in addresses, the others in notReadyAddresses;
 * - one port per Service port the pod has (find-port.ts), repacked and sorted (repack-subsets.ts);
 * - the Service's labels, plus `service.kubernetes.io/headless: ""` for a headless Service;
 * - `endpoints.kubernetes.io/last-change-trigger-time`, and beyond 1000 addresses
 *   `endpoints.kubernetes.io/over-capacity: truncated` with the addresses cut to 1000;
 * - no write when nothing changed. Selectorless Services' Endpoints are left to the user; a
 *   deleted Service's Endpoints are deleted.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Pod, Service } from '../../api/core.ts';
import { ApiError } from '../../apiserver/types.ts';
import type { Controller, ControllerDeps } from '../controller.ts';
import { hasSelector, isHeadless, podIPv4, serviceSelects, shouldPodBeInEndpoints, shouldSetHostname } from '../endpoint-pods.ts';
import { findPort } from '../find-port.ts';
import { isPodReady } from '../pod-readiness.ts';
import { objectKey, splitObjectKey } from '../object-key.ts';
import { LAST_CHANGE_TRIGGER_TIME, TriggerTimeTracker } from '../trigger-time-tracker.ts';
import { Indexer } from '../informers/indexer.ts';
import { SERVICE_SELECTOR_INDEX, serviceSelectorIndexValues, servicesSelecting } from '../informers/service-selector-index.ts';
import { WorkQueue } from '../work-queue.ts';
import { repackSubsets } from './repack-subsets.ts';

export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
/** maxCapacity in endpoints_controller.go */
export const MAX_ENDPOINTS_CAPACITY = 1000;

export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller';
  private readonly queue = new WorkQueue();
  private readonly triggerTimes = new TriggerTimeTracker();
  /** Services by selector pair: a pod event finds the Services that select the pod without matching all of them. */
  private readonly services: Indexer<Service>;

  constructor(private readonly deps: ControllerDeps) {
    this.services = new Indexer<Service>(deps.api, 'Service', { [SERVICE_SELECTOR_INDEX]: serviceSelectorIndexValues });
    deps.api.watch('Service', (e) => this.queue.add(objectKey(e.object)));
    deps.api.watch('Pod', (e) => {
      this.enqueueServicesOf(e.object as Pod);
      if (e.old) this.enqueueServicesOf(e.old as Pod);
    });
    // A change to an Endpoints object this controller manages is undone (endpoints_controller.go
    // onEndpointsUpdate / onEndpointsDelete; creations are not watched).
    deps.api.watch('Endpoints', (e) => {
      if (e.type === 'ADDED') return;
      const svc = deps.api.tryGet<Service>({ kind: 'Service', namespace: e.object.metadata.namespace, name: String(e.object.metadata.name) });
      if (svc && hasSelector(svc)) this.queue.add(objectKey(e.object));
    });
  }

  processQueue(): boolean {
    return this.queue.drain((key) => this.syncService(key));
  }

  private enqueueServicesOf(pod: Pod): void {
    for (const svc of servicesSelecting(this.services, pod)) this.queue.add(objectKey(svc));
  }

  private syncService(key: string): void {
    const { namespace, name } = splitObjectKey(key);
    const service = this.deps.api.tryGet<Service>({ kind: 'Service', namespace, name });
    if (!service) {
      this.triggerTimes.forget(namespace, name);
      // The Service is gone: so are its Endpoints, whoever wrote them.
      this.write(() => this.deps.api.delete({ kind: 'Endpoints', namespace, name }));
      return;
    }
    if (service.spec.type === 'ExternalName' || !hasSelector(service)) return;
    // The selector as a list option lets the API server read its label index instead of every pod.
    const labelSelector = Object.entries(service.spec.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
    const pods = this.deps.api.listShared<Pod>('Pod', { namespace, labelSelector }).filter((p) => serviceSelects(service, p.metadata.labels));
    const tolerateUnready = Boolean(service.spec.publishNotReadyAddresses);
    let subsets: EndpointSubset[] = [];
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
      const ip = podIPv4(pod);
      if (!ip) continue;
      const address: EndpointAddress = { ip };
      if (pod.spec.nodeName) address.nodeName = pod.spec.nodeName;
      if (shouldSetHostname(pod, service)) address.hostname = pod.spec.hostname;
      address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: String(pod.metadata.name), uid: pod.metadata.uid };
      const ready = tolerateUnready || isPodReady(pod);
      const ports = service.spec.ports ?? [];
      if (ports.length === 0) {
        if (isHeadless(service)) subsets.push(subsetOf(address, undefined, ready));
        continue;
      }
      for (const sp of ports) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        const ep: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
        if (sp.appProtocol !== undefined) ep.appProtocol = sp.appProtocol;
        subsets.push(subsetOf(address, ep, ready));
      }
    }
    subsets = repackSubsets(subsets);
    const triggerTime = this.triggerTimes.compute(service, pods);

    const current = this.deps.api.tryGet<Endpoints>({ kind: 'Endpoints', namespace, name });
    const labels: Record<string, string> = { ...(service.metadata.labels ?? {}) };
    if (isHeadless(service)) labels[HEADLESS_LABEL] = '';
    else delete labels[HEADLESS_LABEL];
    const overCapacity = countAddresses(subsets) > MAX_ENDPOINTS_CAPACITY;
    if (overCapacity) subsets = truncate(subsets, MAX_ENDPOINTS_CAPACITY);

    if (current && sameSubsets(current.subsets, subsets) && sameMap(current.metadata.labels, labels) && (current.metadata.annotations?.[OVER_CAPACITY] === 'truncated') === overCapacity) {
      return;
    }
    const endpoints: Endpoints = current ?? { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace } };
    const annotations = { ...(endpoints.metadata.annotations ?? {}) };
    if (triggerTime) annotations[LAST_CHANGE_TRIGGER_TIME] = triggerTime;
    else delete annotations[LAST_CHANGE_TRIGGER_TIME];
    if (overCapacity) annotations[OVER_CAPACITY] = 'truncated';
    else delete annotations[OVER_CAPACITY];
    endpoints.metadata.annotations = Object.keys(annotations).length ? annotations : undefined;
    if (!endpoints.metadata.annotations) delete endpoints.metadata.annotations;
    endpoints.metadata.labels = labels;
    if (subsets.length) endpoints.subsets = subsets;
    else delete endpoints.subsets;
    this.write(() => (current ? this.deps.api.update(endpoints) : this.deps.api.create(endpoints)));
  }

  private write(action: () => unknown): void {
    try {
      action();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }
}

function subsetOf(address: EndpointAddress, port: EndpointPort | undefined, ready: boolean): EndpointSubset {
  const subset: EndpointSubset = ready ? { addresses: [address] } : { notReadyAddresses: [address] };
  if (port) subset.ports = [port];
  return subset;
}

function countAddresses(subsets: EndpointSubset[]): number {
  return subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
}

/**
 * truncateEndpoints: keeps `max` addresses, ready ones first, each subset keeping a share
 * proportional to its size.
 */
function truncate(subsets: EndpointSubset[], max: number): EndpointSubset[] {
  const total = countAddresses(subsets);
  let remaining = max;
  return subsets.map((s, i) => {
    const size = (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0);
    const share = i === subsets.length - 1 ? remaining : Math.floor((size * max) / total);
    remaining -= share;
    const ready = (s.addresses ?? []).slice(0, share);
    const notReady = (s.notReadyAddresses ?? []).slice(0, share - ready.length);
    const out: EndpointSubset = {};
    if (ready.length) out.addresses = ready;
    if (notReady.length) out.notReadyAddresses = notReady;
    if (s.ports) out.ports = s.ports;
    return out;
  });
}

function sameSubsets(a: EndpointSubset[] | undefined, b: EndpointSubset[]): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b);
}

function sameMap(a: Record<string, string> | undefined, b: Record<string, string>): boolean {
  const ka = Object.keys(a ?? {}).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a![k] === b[k]);
}
