/**
 * `kubectl describe`'s output for one object: the describer kubectl registers for the kind
 * (DescriberFor in k8s.io/kubectl/pkg/describe/describe.go), or the generic describer for
 * the others. The caller fetched the object; describers read related objects (pods of a
 * controller, endpoint slices of a service, events) through the API server. `now` is the
 * virtual clock, for ages.
 */
import type {
  ConfigMap,
  Endpoints,
  Namespace,
  Node,
  Pod,
  ReplicationController,
  Secret,
  Service,
} from '../../api/core.ts';
import type { KubeObject } from '../../api/meta.ts';
import type { ApiServer, ResourceInfo } from '../../apiserver/types.ts';
import { describeConfigMap } from './configmap.ts';
import { describeDeployment } from './deployment.ts';
import { describeEndpoints } from './endpoints.ts';
import { describeEndpointSlice } from './endpointslice.ts';
import { describeGeneric } from './generic.ts';
import { describeIngress } from './ingress.ts';
import { describeIngressClass } from './ingressclass.ts';
import { describeNamespace } from './namespace.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeReplicaSet } from './replicaset.ts';
import { describeReplicationController } from './replicationcontroller.ts';
import { describeSecret } from './secret.ts';
import { describeService } from './service.ts';
import { describeServiceAccount } from './serviceaccount.ts';

type Describer = (object: KubeObject, api: ApiServer, now: number) => string;

/** Describers by group and kind: kubectl picks them by GroupKind, so a same-named kind of another group gets the generic one. */
const DESCRIBERS: Record<string, Describer> = {
  '/Pod': (o, api, now) => describePod(o as Pod, api, now),
  '/Service': (o, api, now) => describeService(o as Service, api, now),
  '/Endpoints': (o, api, now) => describeEndpoints(o as Endpoints, api, now),
  '/ReplicationController': (o, api, now) => describeReplicationController(o as ReplicationController, api, now),
  '/Secret': (o) => describeSecret(o as Secret),
  '/ConfigMap': (o, api, now) => describeConfigMap(o as ConfigMap, api, now),
  '/Node': (o, api, now) => describeNode(o as Node, api, now),
  '/Namespace': (o) => describeNamespace(o as Namespace),
  '/ServiceAccount': (o, api, now) => describeServiceAccount(o, api, now),
  'apps/Deployment': (o, api, now) => describeDeployment(o as Parameters<typeof describeDeployment>[0], api, now),
  'apps/ReplicaSet': (o, api, now) => describeReplicaSet(o as Parameters<typeof describeReplicaSet>[0], api, now),
  'discovery.k8s.io/EndpointSlice': (o, api, now) => describeEndpointSlice(o as Parameters<typeof describeEndpointSlice>[0], api, now),
  'networking.k8s.io/Ingress': (o, api, now) => describeIngress(o as Parameters<typeof describeIngress>[0], api, now),
  'networking.k8s.io/IngressClass': (o, api, now) => describeIngressClass(o as Parameters<typeof describeIngressClass>[0], api, now),
};

/** The text `kubectl describe` prints for the object (without the blank line kubectl puts between several objects). */
export function describeObject(object: KubeObject, resource: ResourceInfo, api: ApiServer, now: number): string {
  const describer = DESCRIBERS[`${resource.group}/${resource.kind}`] ?? describeGeneric;
  return describer(object, api, now);
}
