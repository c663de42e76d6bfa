/**
 * PrepareForCreate / PrepareForUpdate of the registry strategies
 * (pkg/registry/<group>/<kind>/strategy.go, Kubernetes 1.31): what the server
 * resets or carries over before validation. Status is cleared on create and
 * kept from the stored object on update for kinds with a status subresource;
 * metadata.generation starts at 1 and moves on spec changes only.
 */
import type { KubeObject } from '../../api/meta.ts';
import type { Pod } from '../../api/core.ts';
import type { KindBehaviour } from '../resources.ts';
import { jsonEqual } from '../json-equal.ts';
import { podQOSClass } from './qos.ts';

/** The status a freshly created object carries (its Go zero value as v1 serialises it). */
function initialStatus(obj: KubeObject): unknown {
  switch (obj.kind) {
    case 'Service':
    case 'Ingress':
      return { loadBalancer: {} };
    case 'Pod':
      return { phase: 'Pending', qosClass: podQOSClass(obj as Pod) };
    case 'ReplicaSet':
    case 'ReplicationController':
      return { replicas: 0 };
    case 'Deployment':
      return {};
    default:
      return undefined;
  }
}

/** What generation compares: the spec, or for EndpointSlice everything but metadata. */
function generationContent(obj: KubeObject, behaviour: KindBehaviour): unknown {
  if (behaviour.generation === 'content') {
    const { metadata: _m, ...rest } = obj;
    return rest;
  }
  return obj.spec;
}

export function prepareForCreate(obj: KubeObject, behaviour: KindBehaviour): void {
  const status = initialStatus(obj);
  if (status !== undefined) obj.status = status;
  if (behaviour.generation) obj.metadata.generation = 1;
  else delete obj.metadata.generation;
  if (obj.kind === 'Namespace') {
    obj.spec = { ...((obj.spec as object) ?? {}), finalizers: ['kubernetes'] };
  }
}

export function prepareForUpdate(next: KubeObject, old: KubeObject, behaviour: KindBehaviour): void {
  if (behaviour.statusSubresource) {
    if (old.status === undefined) delete next.status;
    else next.status = structuredClone(old.status);
  }
  if (behaviour.generation) {
    const changed = !jsonEqual(generationContent(next, behaviour), generationContent(old, behaviour));
    next.metadata.generation = (old.metadata.generation ?? 1) + (changed ? 1 : 0);
  } else if (old.metadata.generation !== undefined) next.metadata.generation = old.metadata.generation;
  else delete next.metadata.generation;
  if (next.kind === 'Namespace') next.spec = structuredClone(old.spec);
}
