/**
 * The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring, Kubernetes
 * 1.31): a selectorless Service's manual Endpoints (seed 001's external-service) are mirrored
 * into EndpointSlices so that kube-proxy, which reads only slices, routes to them.
 * - Mirrored when the Service exists without a selector and the Endpoints are not labelled
 *   `endpointslice.kubernetes.io/skip-mirror: "true"`; otherwise mirrored slices are removed.
 * - Slices: generateName `<endpoints>-`, owned by the Endpoints, the Endpoints' labels plus
 *   `kubernetes.io/service-name` and `endpointslice.kubernetes.io/managed-by:
 *   endpointslicemirroring-controller.k8s.io`, its annotations except last-applied-configuration
 *   and the trigger time (utils.go newEndpointSlice).
 * - One endpoint per address, ready = listed in addresses (not notReadyAddresses), with
 *   hostname, nodeName and targetRef (utils.go addressToEndpoint); ports from each subset;
 *   at most 1000 endpoints a slice.
 */
import type { EndpointAddress, Endpoints, Service } from '../../api/core.ts';
import type { Endpoint, EndpointSlice, EndpointSlicePort } from '../../api/discovery.ts';
import { ApiError } from '../../apiserver/types.ts';
import type { Controller, ControllerDeps } from '../controller.ts';
import { hasSelector } from '../endpoint-pods.ts';
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from '../endpointslice/endpointslice-controller.ts';
import { reconcileSlices, type DesiredGroup } from '../endpointslice/slice-reconciler.ts';
import { objectKey, splitObjectKey } from '../object-key.ts';
import { newControllerRef } from '../owner-references.ts';
import { LAST_CHANGE_TRIGGER_TIME } from '../trigger-time-tracker.ts';
import { deepCopy } from '../../apiserver/deep-copy.ts';
import { Indexer } from '../informers/indexer.ts';
import { SERVICE_NAME_INDEX, serviceNameIndexValues, slicesOfService } from '../informers/service-name-index.ts';
import { WorkQueue } from '../work-queue.ts';
import { servedApiVersion } from '../served-api-version.ts';

export const MIRRORING_CONTROLLER_NAME = 'endpointslicemirroring-controller.k8s.io';
export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
/** --mirroring-max-endpoints-per-subset default */
export const MAX_ENDPOINTS_PER_SUBSET = 1000;

export class EndpointSliceMirroringController implements Controller {
  readonly name = 'endpointslice-mirroring-controller';
  private readonly queue = new WorkQueue();
  /** EndpointSlices by Service: a sync reads the slices of its Endpoints only. */
  private readonly slices: Indexer<EndpointSlice>;

  constructor(private readonly deps: ControllerDeps) {
    this.slices = new Indexer<EndpointSlice>(deps.api, 'EndpointSlice', { [SERVICE_NAME_INDEX]: serviceNameIndexValues });
    deps.api.watch('Endpoints', (e) => this.queue.add(objectKey(e.object)));
    deps.api.watch('Service', (e) => this.queue.add(objectKey(e.object)));
    deps.api.watch('EndpointSlice', (e) => {
      const labels = e.object.metadata.labels ?? {};
      if (labels[MANAGED_BY_LABEL] === MIRRORING_CONTROLLER_NAME && labels[SERVICE_NAME_LABEL] && e.type !== 'ADDED') {
        this.queue.add(`${e.object.metadata.namespace}/${labels[SERVICE_NAME_LABEL]}`);
      }
    });
  }

  processQueue(): boolean {
    return this.queue.drain((key) => this.syncEndpoints(key));
  }

  private syncEndpoints(key: string): void {
    const { namespace, name } = splitObjectKey(key);
    // Only this Endpoints' slices are copied (reconciling changes them).
    const mirrored = slicesOfService(this.slices, namespace, name)
      .filter((s) => s.metadata.labels?.[MANAGED_BY_LABEL] === MIRRORING_CONTROLLER_NAME)
      .map((s) => deepCopy(s));
    const endpoints = this.deps.api.tryGet<Endpoints>({ kind: 'Endpoints', namespace, name });
    const service = this.deps.api.tryGet<Service>({ kind: 'Service', namespace, name });
    if (!endpoints || !service || hasSelector(service) || endpoints.metadata.labels?.[SKIP_MIRROR_LABEL] === 'true') {
      for (const s of mirrored) this.write(() => this.deps.api.delete({ kind: 'EndpointSlice', namespace, name: String(s.metadata.name) }));
      return;
    }
    const labels: Record<string, string> = { ...(endpoints.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, [MANAGED_BY_LABEL]: MIRRORING_CONTROLLER_NAME };
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(endpoints.metadata.annotations ?? {})) {
      if (k === LAST_CHANGE_TRIGGER_TIME || k === 'kubectl.kubernetes.io/last-applied-configuration') continue;
      annotations[k] = v;
    }
    const plan = reconcileSlices({
      existing: mirrored,
      desired: desiredGroups(endpoints),
      maxEndpointsPerSlice: MAX_ENDPOINTS_PER_SUBSET,
      placeholder: false,
      newSlice: (ports) => {
        const slice: EndpointSlice = {
          apiVersion: servedApiVersion(this.deps.api, 'EndpointSlice', 'discovery.k8s.io/v1'),
          kind: 'EndpointSlice',
          metadata: { generateName: `${name}-`, namespace, labels: { ...labels }, ownerReferences: [newControllerRef(endpoints)] },
          addressType: 'IPv4',
          endpoints: [],
          ports: ports && ports.length > 0 ? ports : null,
        };
        if (Object.keys(annotations).length) slice.metadata.annotations = { ...annotations };
        return slice;
      },
      syncMetadata: (slice) => {
        const want = JSON.stringify([sorted(labels), sorted(annotations)]);
        const have = JSON.stringify([sorted(slice.metadata.labels), sorted(slice.metadata.annotations)]);
        if (want === have) return false;
        slice.metadata.labels = { ...labels };
        if (Object.keys(annotations).length) slice.metadata.annotations = { ...annotations };
        else delete slice.metadata.annotations;
        return true;
      },
    });
    for (const s of plan.delete) this.write(() => this.deps.api.delete({ kind: 'EndpointSlice', namespace, name: String(s.metadata.name) }));
    for (const s of plan.update) this.write(() => this.deps.api.update(s));
    for (const s of plan.create) this.write(() => this.deps.api.create(s));
  }

  private write(action: () => unknown): void {
    try {
      action();
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }
}

function desiredGroups(endpoints: Endpoints): DesiredGroup[] {
  const groups: DesiredGroup[] = [];
  for (const subset of endpoints.subsets ?? []) {
    const ports: EndpointSlicePort[] = (subset.ports ?? []).map((p) => {
      const port: EndpointSlicePort = { name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' };
      if (p.appProtocol !== undefined) port.appProtocol = p.appProtocol;
      return port;
    });
    const eps: Endpoint[] = [];
    for (const a of subset.addresses ?? []) if (!a.ip.includes(':')) eps.push(addressToEndpoint(a, true));
    for (const a of subset.notReadyAddresses ?? []) if (!a.ip.includes(':')) eps.push(addressToEndpoint(a, false));
    groups.push({ ports, endpoints: eps.slice(0, MAX_ENDPOINTS_PER_SUBSET) });
  }
  return groups;
}

function addressToEndpoint(a: EndpointAddress, ready: boolean): Endpoint {
  const ep: Endpoint = { addresses: [a.ip], conditions: { ready } };
  if (a.hostname) ep.hostname = a.hostname;
  if (a.nodeName) ep.nodeName = a.nodeName;
  if (a.targetRef) {
    const ref: NonNullable<Endpoint['targetRef']> = { kind: a.targetRef.kind, name: a.targetRef.name };
    if (a.targetRef.namespace) ref.namespace = a.targetRef.namespace;
    if (a.targetRef.uid) ref.uid = a.targetRef.uid;
    ep.targetRef = ref;
  }
  return ep;
}

function sorted(m: Record<string, string> | undefined): [string, string][] {
  return Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
