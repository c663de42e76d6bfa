/**
 * The EndpointSlice controller (pkg/controller/endpointslice and k8s.io/endpointslice,
 * Kubernetes 1.31; FIDELITY §4). For every Service with a selector (not ExternalName):
 * - slices named by generateName `<service>-`, owned by the Service, addressType IPv4,
 *   labels: the Service's labels plus `kubernetes.io/service-name`,
 *   `endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io` and, headless,
 *   `service.kubernetes.io/headless: ""`; annotation
 *   `endpoints.kubernetes.io/last-change-trigger-time` on what it writes;
 * - one endpoint per selected pod that has an IP and is not Succeeded/Failed, terminating pods
 *   included (utils.go podToEndpoint): conditions serving = Ready, terminating = being deleted,
 *   ready = serving and not terminating (always true with publishNotReadyAddresses); nodeName,
 *   zone, targetRef, hostname;
 * - ports per pod (named targetPorts resolved per pod; utils.go getEndpointPorts), at most 100
 *   endpoints a slice, placement by slice-reconciler.ts, an empty placeholder when nothing matches.
 */
import { deepCopy } from '../../apiserver/deep-copy.ts';
import type { Node, Pod, Service } from '../../api/core.ts';
import type { Endpoint, EndpointSlice, EndpointSlicePort } from '../../api/discovery.ts';
import { ApiError } from '../../apiserver/types.ts';
import type { Controller, ControllerDeps } from '../controller.ts';
import { hasSelector, isHeadless, podIPv4, serviceSelects, shouldPodBeInEndpoints, shouldSetHostname } from '../endpoint-pods.ts';
import { findPort } from '../find-port.ts';
import { objectKey, splitObjectKey } from '../object-key.ts';
import { newControllerRef } from '../owner-references.ts';
import { isPodReady } from '../pod-readiness.ts';
import { LAST_CHANGE_TRIGGER_TIME, TriggerTimeTracker } from '../trigger-time-tracker.ts';
import { Indexer } from '../informers/indexer.ts';
import { SERVICE_NAME_INDEX, serviceNameIndexValues, slicesOfService } from '../informers/service-name-index.ts';
import { SERVICE_SELECTOR_INDEX, serviceSelectorIndexValues, servicesSelecting } from '../informers/service-selector-index.ts';
import { WorkQueue } from '../work-queue.ts';
import { reconcileSlices, type DesiredGroup } from './slice-reconciler.ts';
import { servedApiVersion } from '../served-api-version.ts';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
/** --max-endpoints-per-slice default */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';
  private readonly queue = new WorkQueue();
  private readonly triggerTimes = new TriggerTimeTracker();
  /** Services by selector pair: a pod event finds the Services that select the pod without matching all of them. */
  private readonly services: Indexer<Service>;
  /** EndpointSlices by Service: a sync reads its Service's slices only. */
  private readonly slices: Indexer<EndpointSlice>;
  /** The node lister: an endpoint's zone comes from its node's labels. */
  private readonly nodes: Indexer<Node>;

  constructor(private readonly deps: ControllerDeps) {
    this.services = new Indexer<Service>(deps.api, 'Service', { [SERVICE_SELECTOR_INDEX]: serviceSelectorIndexValues });
    this.slices = new Indexer<EndpointSlice>(deps.api, 'EndpointSlice', { [SERVICE_NAME_INDEX]: serviceNameIndexValues });
    this.nodes = new Indexer<Node>(deps.api, 'Node', {});
    deps.api.watch('Service', (e) => this.queue.add(objectKey(e.object)));
    deps.api.watch('Pod', (e) => {
      this.enqueueServicesOf(e.object as Pod);
      if (e.old) this.enqueueServicesOf(e.old as Pod);
    });
    // A managed slice changed or deleted by someone else is put back.
    deps.api.watch('EndpointSlice', (e) => {
      const labels = e.object.metadata.labels ?? {};
      if (labels[MANAGED_BY_LABEL] === CONTROLLER_NAME && labels[SERVICE_NAME_LABEL] && e.type !== 'ADDED') {
        this.queue.add(`${e.object.metadata.namespace}/${labels[SERVICE_NAME_LABEL]}`);
      }
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
      // Slices go with their owner through the garbage collector.
      this.triggerTimes.forget(namespace, name);
      return;
    }
    if (service.spec.type === 'ExternalName' || !hasSelector(service) || service.metadata.deletionTimestamp) return;
    // The selector as a list option lets the API server read its label index instead of every pod.
    const labelSelector = Object.entries(service.spec.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
    const pods = this.deps.api.listShared<Pod>('Pod', { namespace, labelSelector }).filter((p) => serviceSelects(service, p.metadata.labels));
    const desired = this.desiredEndpoints(service, pods);
    // From the shared lister; only this service's slices are copied (reconciling changes them).
    const existing = slicesOfService(this.slices, namespace, name)
      .filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === CONTROLLER_NAME)
      .filter((s) => s.addressType === 'IPv4')
      .map((s) => deepCopy(s));
    const labels = sliceLabels(service);
    const plan = reconcileSlices({
      existing,
      desired,
      maxEndpointsPerSlice: MAX_ENDPOINTS_PER_SLICE,
      placeholder: true,
      newSlice: (ports) => ({
        apiVersion: servedApiVersion(this.deps.api, 'EndpointSlice', 'discovery.k8s.io/v1'),
        kind: 'EndpointSlice',
        metadata: { generateName: `${name}-`, namespace, labels: { ...labels }, ownerReferences: [newControllerRef(service)] },
        addressType: 'IPv4',
        endpoints: [],
        // An empty port list is stored and read back as null.
        ports: ports && ports.length > 0 ? ports : null,
      }),
      syncMetadata: (slice) => {
        const same = JSON.stringify(sortedEntries(slice.metadata.labels)) === JSON.stringify(sortedEntries(labels));
        if (!same) slice.metadata.labels = { ...labels };
        return !same;
      },
    });
    const triggerTime = this.triggerTimes.compute(service, pods);
    for (const slice of [...plan.create, ...plan.update]) {
      const annotations = { ...(slice.metadata.annotations ?? {}) };
      if (triggerTime) annotations[LAST_CHANGE_TRIGGER_TIME] = triggerTime;
      else delete annotations[LAST_CHANGE_TRIGGER_TIME];
      if (Object.keys(annotations).length) slice.metadata.annotations = annotations;
      else delete slice.metadata.annotations;
    }
    for (const slice of plan.delete) this.write(() => this.deps.api.delete({ kind: 'EndpointSlice', namespace, name: String(slice.metadata.name) }));
    for (const slice of plan.update) this.write(() => this.deps.api.update(slice));
    for (const slice of plan.create) this.write(() => this.deps.api.create(slice));
  }

  private desiredEndpoints(service: Service, pods: Pod[]): DesiredGroup[] {
    const groups = new Map<string, DesiredGroup>();
    const nodes = new Map<string, Node | undefined>();
    const sorted = pods
      .map((pod) => ({ pod, ip: podIPv4(pod) }))
      .filter((p): p is { pod: Pod; ip: string } => p.ip !== undefined && shouldPodBeInEndpoints(p.pod, true))
      .sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
    for (const { pod, ip } of sorted) {
      const ports = endpointPorts(service, pod);
      const key = JSON.stringify(ports);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { ports, endpoints: [] }));
      const nodeName = pod.spec.nodeName;
      if (nodeName && !nodes.has(nodeName)) nodes.set(nodeName, this.nodes.get(nodeName));
      group.endpoints.push(podToEndpoint(pod, ip, service, nodeName ? nodes.get(nodeName) : undefined));
    }
    return [...groups.values()];
  }

  private write(action: () => unknown): void {
    try {
      action();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }
}

/** setEndpointSliceLabels */
function sliceLabels(service: Service): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(service.metadata.labels ?? {})) {
    if (k === SERVICE_NAME_LABEL || k === MANAGED_BY_LABEL || k === HEADLESS_LABEL) continue;
    labels[k] = v;
  }
  if (isHeadless(service)) labels[HEADLESS_LABEL] = '';
  labels[SERVICE_NAME_LABEL] = String(service.metadata.name);
  labels[MANAGED_BY_LABEL] = CONTROLLER_NAME;
  return labels;
}

/** getEndpointPorts: every Service port the pod has; unnamed ports carry the name "". */
function endpointPorts(service: Service, pod: Pod): EndpointSlicePort[] {
  const ports: EndpointSlicePort[] = [];
  for (const sp of service.spec.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const p: EndpointSlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol !== undefined) p.appProtocol = sp.appProtocol;
    ports.push(p);
  }
  return ports;
}

/** podToEndpoint */
function podToEndpoint(pod: Pod, ip: string, service: Service, node: Node | undefined): Endpoint {
  const serving = isPodReady(pod);
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const ready = Boolean(service.spec.publishNotReadyAddresses) || (serving && !terminating);
  const ep: Endpoint = { addresses: [ip], conditions: { ready, serving, terminating } };
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: String(pod.metadata.name), uid: pod.metadata.uid };
  const zone = node?.metadata.labels?.['topology.kubernetes.io/zone'];
  if (zone) ep.zone = zone;
  if (shouldSetHostname(pod, service)) ep.hostname = pod.spec.hostname;
  return ep;
}

function sortedEntries(m: Record<string, string> | undefined): [string, string][] {
  return Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
