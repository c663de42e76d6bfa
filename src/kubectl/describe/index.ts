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
import { DEFAULT_DESCRIBER_SETTINGS, type DescriberSettings } from './events.ts';
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

export type { DescriberSettings } from './events.ts';

type Describer = (object: KubeObject, api: ApiServer, now: number, settings: DescriberSettings) => string;

/** Describers by group and kind: kubectl picks them by GroupKind, so a same-named kind of another group gets the generic one. */
const DESCRIBERS: Record<string, Describer> = {
  '/Pod': (o, api, now, settings) => describePod(o as Pod, api, now, settings),
  '/Service': (o, api, now, settings) => describeService(o as Service, api, now, settings),
  '/Endpoints': (o, api, now, settings) => describeEndpoints(o as Endpoints, api, now, settings),
  '/ReplicationController': (o, api, now, settings) => describeReplicationController(o as ReplicationController, api, now, settings),
  '/Secret': (o) => describeSecret(o as Secret),
  '/ConfigMap': (o, api, now, settings) => describeConfigMap(o as ConfigMap, api, now, settings),
  '/Node': (o, api, now, settings) => describeNode(o as Node, api, now, settings),
  '/Namespace': (o) => describeNamespace(o as Namespace),
  '/ServiceAccount': (o, api, now, settings) => describeServiceAccount(o, api, now, settings),
  'apps/Deployment': (o, api, now, settings) => describeDeployment(o as Parameters<typeof describeDeployment>[0], api, now, settings),
  'apps/ReplicaSet': (o, api, now, settings) => describeReplicaSet(o as Parameters<typeof describeReplicaSet>[0], api, now, settings),
  'discovery.k8s.io/EndpointSlice': (o, api, now, settings) => describeEndpointSlice(o as Parameters<typeof describeEndpointSlice>[0], api, now, settings),
  'networking.k8s.io/Ingress': (o, api, now, settings) => describeIngress(o as Parameters<typeof describeIngress>[0], api, now, settings),
  'networking.k8s.io/IngressClass': (o, api, now, settings) => describeIngressClass(o as Parameters<typeof describeIngressClass>[0], api, now, settings),
};

/**
 * The text `kubectl describe` prints for one object; several objects are separated by a blank line
 * ("\n\n" before each but the first, as describe.go writes them). `settings.showEvents` is
 * `--show-events` (default true).
 */
export function describeObject(
  object: KubeObject,
  resource: ResourceInfo,
  api: ApiServer,
  now: number,
  settings: DescriberSettings = DEFAULT_DESCRIBER_SETTINGS,
): string {
  const describer = DESCRIBERS[`${resource.group}/${resource.kind}`] ?? describeGeneric;
  return describer(object, api, now, settings);
}
