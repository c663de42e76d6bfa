/**
 * The EndpointSlice reconciler's placement rules (k8s.io/endpointslice reconciler.go
 * reconcileByAddressType, placeEndpoints, finalize; Kubernetes 1.31), shared by the
 * EndpointSlice and mirroring controllers:
 * - endpoints are grouped by their port list; each group fills slices of at most
 *   `maxEndpointsPerSlice`;
 * - existing slices keep their endpoints in place: gone endpoints are removed, changed ones
 *   replaced, new ones go first into slices already being updated, then into new slices;
 * - a slice left empty is deleted, but when a slice would be created in the same pass the
 *   deletion becomes an update of that slice (its name survives);
 * - with nothing to publish one placeholder slice (no ports, no endpoints) remains.
 */
import type { Endpoint, EndpointSlice, EndpointSlicePort } from '../../api/discovery.ts';

export interface DesiredGroup {
  ports: EndpointSlicePort[];
  endpoints: Endpoint[];
}

export interface SlicePlan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
}

export interface ReconcileInput {
  existing: EndpointSlice[];
  desired: DesiredGroup[];
  maxEndpointsPerSlice: number;
  /** A new, empty slice with the right metadata (generateName, labels, owner). */
  newSlice: (ports: EndpointSlicePort[] | null) => EndpointSlice;
  /** Brings an existing slice's metadata (labels, owner) up to date; true when it changed. */
  syncMetadata: (slice: EndpointSlice) => boolean;
  /** Whether the mirroring controller's placeholder rule applies (the EndpointSlice controller's does). */
  placeholder: boolean;
}

export function portsKey(ports: readonly EndpointSlicePort[] | null | undefined): string {
  return JSON.stringify((ports ?? []).map((p) => [p.name ?? '', p.port ?? 0, p.protocol ?? '', p.appProtocol ?? '']).sort());
}

/** The identity of an endpoint within a Service: its pod, or its address when there is no pod. */
export function endpointKey(ep: Endpoint): string {
  return ep.targetRef?.uid ? `uid:${ep.targetRef.uid}` : `ip:${ep.addresses.join(',')}`;
}

export function reconcileSlices(input: ReconcileInput): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  const unchanged: EndpointSlice[] = [];
  const desiredByPorts = new Map<string, { ports: EndpointSlicePort[]; remaining: Map<string, Endpoint> }>();
  for (const g of input.desired) {
    const key = portsKey(g.ports);
    let entry = desiredByPorts.get(key);
    if (!entry) desiredByPorts.set(key, (entry = { ports: g.ports, remaining: new Map() }));
    for (const ep of g.endpoints) entry.remaining.set(endpointKey(ep), ep);
  }

  for (const slice of input.existing) {
    const entry = desiredByPorts.get(portsKey(slice.ports));
    let changed = input.syncMetadata(slice);
    const kept: Endpoint[] = [];
    for (const ep of slice.endpoints ?? []) {
      const want = entry?.remaining.get(endpointKey(ep));
      if (!want) {
        changed = true;
        continue;
      }
      entry!.remaining.delete(endpointKey(ep));
      if (JSON.stringify(want) !== JSON.stringify(ep)) changed = true;
      kept.push(want);
    }
    if (kept.length === 0 && !(entry && entry.remaining.size > 0)) {
      plan.delete.push(slice);
      continue;
    }
    slice.endpoints = kept;
    if (changed) plan.update.push(slice);
    else unchanged.push(slice);
  }

  for (const [key, entry] of desiredByPorts) {
    const left = [...entry.remaining.values()];
    // First into slices with these ports that are being written anyway, then into unchanged ones.
    for (const pool of [plan.update, unchanged]) {
      for (const slice of pool) {
        if (left.length === 0) break;
        if (portsKey(slice.ports) !== key) continue;
        const room = input.maxEndpointsPerSlice - (slice.endpoints ?? []).length;
        if (room <= 0) continue;
        slice.endpoints = [...(slice.endpoints ?? []), ...left.splice(0, room)];
        if (pool === unchanged) {
          unchanged.splice(unchanged.indexOf(slice), 1);
          plan.update.push(slice);
        }
      }
    }
    while (left.length > 0) {
      const slice = input.newSlice(entry.ports);
      slice.endpoints = left.splice(0, input.maxEndpointsPerSlice);
      plan.create.push(slice);
    }
  }

  if (input.placeholder && input.existing.length === plan.delete.length && plan.create.length === 0) {
    const placeholder = input.newSlice(null);
    placeholder.endpoints = null;
    if (plan.delete.length === 1 && isPlaceholder(plan.delete[0])) plan.delete = [];
    else plan.create.push(placeholder);
  }

  // finalize: turn a create plus a delete into an update of the slice being deleted.
  while (plan.create.length > 0 && plan.delete.length > 0) {
    const reused = plan.delete.shift()!;
    const created = plan.create.pop()!;
    created.metadata = { ...reused.metadata, labels: created.metadata.labels, annotations: created.metadata.annotations, ownerReferences: created.metadata.ownerReferences };
    delete created.metadata.generateName;
    plan.update.push(created);
  }
  return plan;
}

export function isPlaceholder(slice: EndpointSlice): boolean {
  return (slice.endpoints ?? []).length === 0 && (slice.ports ?? []).length === 0;
}
