/**
 * Whether the control-plane bench's workload has converged, judged from the API state only (what
 * `kubectl get deploy,endpoints,endpointslices,pods` would show), never from elapsed time: every
 * Deployment reports all its replicas ready, every Service has all of them as ready endpoints in
 * its EndpointSlices and as addresses in its Endpoints, and every pod is Running and Ready.
 */
import type { Deployment } from '../src/api/apps.ts';
import type { Endpoints, Pod } from '../src/api/core.ts';
import type { EndpointSlice } from '../src/api/discovery.ts';
import type { ApiServer } from '../src/apiserver/types.ts';

export interface Workload {
  namespace: string;
  /** Each Deployment has a Service of the same name selecting its pods. */
  names: readonly string[];
  replicas: number;
}

export interface Convergence {
  /** Deployments whose status.readyReplicas is the replica count. */
  deploymentsReady: number;
  /** Services with every replica ready in their EndpointSlices and Endpoints. */
  servicesFull: number;
  /** Pods in phase Running with condition Ready True. */
  podsRunningReady: number;
  done: boolean;
}

/** Reads the workload's state from the API server. */
export function convergence(api: ApiServer, workload: Workload): Convergence {
  const { namespace, names, replicas } = workload;
  const wanted = new Set(names);
  const deploymentsReady = api
    .listShared<Deployment>('Deployment', { namespace })
    .filter((d) => wanted.has(String(d.metadata.name)) && d.status?.readyReplicas === replicas).length;

  const sliceReady = new Map<string, number>();
  for (const slice of api.listShared<EndpointSlice>('EndpointSlice', { namespace })) {
    const service = slice.metadata.labels?.['kubernetes.io/service-name'];
    if (!service || !wanted.has(service)) continue;
    const ready = (slice.endpoints ?? []).filter((e) => e.conditions.ready).length;
    sliceReady.set(service, (sliceReady.get(service) ?? 0) + ready);
  }
  const addresses = new Map<string, number>();
  for (const endpoints of api.listShared<Endpoints>('Endpoints', { namespace })) {
    const name = String(endpoints.metadata.name);
    if (wanted.has(name)) addresses.set(name, (endpoints.subsets ?? []).reduce((n, s) => n + (s.addresses?.length ?? 0), 0));
  }
  const servicesFull = names.filter((name) => sliceReady.get(name) === replicas && addresses.get(name) === replicas).length;

  const podsRunningReady = api
    .listShared<Pod>('Pod', { namespace })
    .filter((p) => p.status?.phase === 'Running' && p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;

  const done = deploymentsReady === names.length && servicesFull === names.length && podsRunningReady === names.length * replicas;
  return { deploymentsReady, servicesFull, podsRunningReady, done };
}
