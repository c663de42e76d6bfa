/** The ReplicaSet controller (pkg/controller/replicaset), event source `replicaset-controller`. */
import type { ReplicaSet } from '../../api/apps.ts';
import { labelSelectorMatches } from '../../apiserver/selectors/label-selector-object.ts';
import type { ControllerDeps } from '../controller.ts';
import { ReplicaManager } from './replica-manager.ts';

export function createReplicaSetController(deps: ControllerDeps): ReplicaManager<ReplicaSet> {
  return new ReplicaManager<ReplicaSet>(deps, {
    kind: 'ReplicaSet',
    controllerName: 'replicaset-controller',
    replicas: (rs) => rs.spec.replicas ?? 1,
    selects: (rs, labels) => safeMatch(() => labelSelectorMatches(rs.spec.selector, labels)),
    template: (rs) => rs.spec.template,
    minReadySeconds: (rs) => rs.spec.minReadySeconds ?? 0,
    status: (rs) => rs.status,
  });
}

/** An invalid selector (rejected by validation in a real cluster) selects nothing. */
function safeMatch(match: () => boolean): boolean {
  try {
    return match();
  } catch {
    return false;
  }
}
