/**
 * The ReplicationController manager (pkg/controller/replication): the ReplicaSet controller's
 * loop over ReplicationControllers, with equality-only map selectors and event source
 * `replication-controller`.
 */
import type { ReplicationController } from '../../api/core.ts';
import { selectorFromSet } from '../../apiserver/selectors/label-selector.ts';
import type { ControllerDeps } from '../controller.ts';
import { ReplicaManager } from '../replicaset/replica-manager.ts';

export function createReplicationControllerManager(deps: ControllerDeps): ReplicaManager<ReplicationController> {
  return new ReplicaManager<ReplicationController>(deps, {
    kind: 'ReplicationController',
    controllerName: 'replication-controller',
    replicas: (rc) => rc.spec.replicas ?? 1,
    // The API server defaults an absent selector to the template's labels; an empty one selects nothing.
    selects: (rc, labels) => {
      const selector = rc.spec.selector ?? rc.spec.template?.metadata?.labels;
      return Boolean(selector && Object.keys(selector).length > 0 && selectorFromSet(selector).matches(labels));
    },
    template: (rc) => rc.spec.template,
    minReadySeconds: (rc) => rc.spec.minReadySeconds ?? 0,
    status: (rc) => rc.status,
  });
}
