/**
 * Which table the API server builds for a kind (the handlers registered by AddHandlers in
 * pkg/printers/internalversion/printers.go); other kinds get the default NAME / CREATED AT table.
 */
import { configMapTable } from './configmap.ts';
import { daemonSetTable } from './daemonset.ts';
import { defaultTable } from './default-table.ts';
import { deploymentTable } from './deployment.ts';
import { endpointsTable } from './endpoints.ts';
import { endpointSliceTable } from './endpointslice.ts';
import { eventTable } from './event.ts';
import { ingressTable } from './ingress.ts';
import { ingressClassTable } from './ingressclass.ts';
import { leaseTable } from './lease.ts';
import { namespaceTable } from './namespace.ts';
import { nodeTable } from './node.ts';
import { podTable } from './pod.ts';
import { replicaSetTable } from './replicaset.ts';
import { replicationControllerTable } from './replicationcontroller.ts';
import { secretTable } from './secret.ts';
import { serviceTable } from './service.ts';
import { serviceAccountTable } from './serviceaccount.ts';
import { statefulSetTable } from './statefulset.ts';
import type { KindTable } from './table.ts';

const TABLES: Record<string, KindTable> = {
  '/Pod': podTable,
  '/Service': serviceTable,
  '/Endpoints': endpointsTable,
  '/Namespace': namespaceTable,
  '/Node': nodeTable,
  '/Secret': secretTable,
  '/ConfigMap': configMapTable,
  '/Event': eventTable,
  '/ReplicationController': replicationControllerTable,
  '/ServiceAccount': serviceAccountTable,
  'apps/Deployment': deploymentTable,
  'apps/ReplicaSet': replicaSetTable,
  'apps/DaemonSet': daemonSetTable,
  'apps/StatefulSet': statefulSetTable,
  'discovery.k8s.io/EndpointSlice': endpointSliceTable,
  'networking.k8s.io/Ingress': ingressTable,
  'networking.k8s.io/IngressClass': ingressClassTable,
  'coordination.k8s.io/Lease': leaseTable,
  // events.k8s.io/v1 Events are printed by the same handler as core Events
  'events.k8s.io/Event': eventTable,
};

/** The table of a kind in an API group ('' for the core group). */
export function tableFor(group: string, kind: string): KindTable {
  return TABLES[`${group}/${kind}`] ?? defaultTable;
}
