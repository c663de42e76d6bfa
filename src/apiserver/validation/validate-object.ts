/**
 * Which validator runs for a kind on create and on update: the strategies'
 * Validate / ValidateUpdate of pkg/registry (Kubernetes 1.31).
 */
import type { KubeObject } from '../../api/meta.ts';
import type * as core from '../../api/core.ts';
import type * as apps from '../../api/apps.ts';
import type * as networking from '../../api/networking.ts';
import type { EndpointSlice } from '../../api/discovery.ts';
import type { FieldError } from './field-error.ts';
import { validateDeployment, validateDeploymentUpdate, validateReplicaSet, validateReplicaSetUpdate } from './apps.ts';
import { validateConfigMap, validateConfigMapUpdate } from './config-map.ts';
import { validateEndpointSlice, validateEndpointSliceUpdate } from './endpoint-slice.ts';
import { validateEndpoints, validateEndpointsUpdate } from './endpoints.ts';
import { validateIngress, validateIngressClass, validateIngressClassUpdate, validateIngressUpdate } from './ingress.ts';
import { validateNamespace, validateNamespaceUpdate } from './namespace.ts';
import { validateEvent, validateNode } from './node-and-event.ts';
import { validateObjectMeta, validateObjectMetaUpdate, nameIsDNSSubdomain } from './object-meta.ts';
import { validatePod, validatePodUpdate } from './pod.ts';
import { validateReplicationController, validateReplicationControllerUpdate } from './replication-controller.ts';
import { validateSecret, validateSecretUpdate } from './secret.ts';
import { validateService, validateServiceUpdate } from './service.ts';

type CreateValidator = (obj: never) => FieldError[];
type UpdateValidator = (next: never, old: never) => FieldError[];

const CREATE: Record<string, CreateValidator> = {
  Service: (o: core.Service) => validateService(o),
  Pod: (o: core.Pod) => validatePod(o),
  Deployment: (o: apps.Deployment) => validateDeployment(o),
  ReplicaSet: (o: apps.ReplicaSet) => validateReplicaSet(o),
  ReplicationController: (o: core.ReplicationController) => validateReplicationController(o),
  Secret: (o: core.Secret) => validateSecret(o),
  ConfigMap: (o: core.ConfigMap) => validateConfigMap(o),
  Namespace: (o: core.Namespace) => validateNamespace(o),
  Endpoints: (o: core.Endpoints) => validateEndpoints(o),
  EndpointSlice: (o: EndpointSlice) => validateEndpointSlice(o),
  Ingress: (o: networking.Ingress) => validateIngress(o),
  IngressClass: (o: networking.IngressClass) => validateIngressClass(o),
  Node: (o: core.Node) => validateNode(o),
  Event: (o: core.Event) => validateEvent(o),
};

const UPDATE: Record<string, UpdateValidator> = {
  Service: (n: core.Service, o: core.Service) => validateServiceUpdate(n, o),
  Pod: (n: core.Pod, o: core.Pod) => validatePodUpdate(n, o),
  Deployment: (n: apps.Deployment, o: apps.Deployment) => validateDeploymentUpdate(n, o),
  ReplicaSet: (n: apps.ReplicaSet, o: apps.ReplicaSet) => validateReplicaSetUpdate(n, o),
  ReplicationController: (n: core.ReplicationController, o: core.ReplicationController) => validateReplicationControllerUpdate(n, o),
  Secret: (n: core.Secret, o: core.Secret) => validateSecretUpdate(n, o),
  ConfigMap: (n: core.ConfigMap, o: core.ConfigMap) => validateConfigMapUpdate(n, o),
  Namespace: (n: core.Namespace, o: core.Namespace) => validateNamespaceUpdate(n, o),
  Endpoints: (n: core.Endpoints, o: core.Endpoints) => validateEndpointsUpdate(n, o),
  EndpointSlice: (n: EndpointSlice, o: EndpointSlice) => validateEndpointSliceUpdate(n, o),
  Ingress: (n: networking.Ingress, o: networking.Ingress) => validateIngressUpdate(n, o),
  IngressClass: (n: networking.IngressClass, o: networking.IngressClass) => validateIngressClassUpdate(n, o),
  Node: (n: core.Node, o: core.Node) => validateObjectMetaUpdate(n.metadata, o.metadata),
  Event: (n: core.Event, o: core.Event) => validateObjectMetaUpdate(n.metadata, o.metadata).concat(validateEvent(n)),
};

/** Validation of a new object (after defaulting and name generation). */
export function validateCreate(obj: KubeObject, namespaced: boolean): FieldError[] {
  const validator = CREATE[obj.kind];
  if (validator) return validator(obj as never);
  return validateObjectMeta(obj.metadata, namespaced, nameIsDNSSubdomain);
}

/** Validation of an update against the stored object. */
export function validateUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const validator = UPDATE[next.kind];
  if (validator) return validator(next as never, old as never);
  return validateObjectMetaUpdate(next.metadata, old.metadata);
}
