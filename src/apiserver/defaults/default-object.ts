/**
 * Applies the registered defaulting functions of a kind, as the API server's
 * decoder does on every write (the RegisterDefaults of each API group).
 */
import type { KubeObject } from '../../api/meta.ts';
import type * as core from '../../api/core.ts';
import type * as apps from '../../api/apps.ts';
import type { EndpointSlice } from '../../api/discovery.ts';
import { defaultDeployment, defaultReplicaSet } from './apps.ts';
import { defaultEndpointSlice, defaultEndpoints } from './endpoints.ts';
import { defaultNamespace } from './namespace.ts';
import { defaultPod } from './pod.ts';
import { defaultReplicationController } from './replication-controller.ts';
import { defaultSecret } from './secret.ts';
import { defaultService } from './service.ts';

const DEFAULTERS: Record<string, (obj: never) => void> = {
  Pod: (o: core.Pod) => defaultPod(o),
  Service: (o: core.Service) => defaultService(o),
  Deployment: (o: apps.Deployment) => defaultDeployment(o),
  ReplicaSet: (o: apps.ReplicaSet) => defaultReplicaSet(o),
  ReplicationController: (o: core.ReplicationController) => defaultReplicationController(o),
  Secret: (o: core.Secret) => defaultSecret(o),
  Namespace: (o: core.Namespace) => defaultNamespace(o),
  Endpoints: (o: core.Endpoints) => defaultEndpoints(o),
  EndpointSlice: (o: EndpointSlice) => defaultEndpointSlice(o),
};

/** Defaults `obj` in place. */
export function defaultObject(obj: KubeObject): void {
  DEFAULTERS[obj.kind]?.(obj as never);
}
