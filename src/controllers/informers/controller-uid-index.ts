/**
 * The controller-UID index of pkg/controller/controller_utils.go (PodControllerUIDIndex, with
 * OrphanPodIndexKeyForNamespace): an object is filed under the UID of its controller, or, with
 * no controller, under its namespace's orphan key, so a ReplicaSet finds the pods it owns and
 * the orphans it may adopt without listing its namespace. The Deployment controller files its
 * ReplicaSets the same way.
 */
import type { KubeObject } from '../../api/meta.ts';
import { objectKey } from '../object-key.ts';
import { controllerOf } from '../owner-references.ts';
import { compareKeys, type Indexer } from './indexer.ts';

export const CONTROLLER_UID_INDEX = 'controllerUID';

/** The key orphans of `namespace` are filed under (no UID looks like it). */
export function orphanIndexKey(namespace: string | undefined): string {
  return `_ORPHAN_POD/${namespace ?? ''}`;
}

/** The IndexFunc: [controller UID] or [the namespace's orphan key]. */
export function controllerUIDIndexValues(obj: KubeObject): string[] {
  const ref = controllerOf(obj);
  return ref ? [String(ref.uid)] : [orphanIndexKey(obj.metadata.namespace)];
}

/**
 * What a controller may claim (replica_set.go getRSPods, deployment_controller.go
 * getReplicaSetsForDeployment): the objects of the owner's namespace it controls, and that
 * namespace's orphans, together in list order.
 */
export function controlledAndOrphans<T extends KubeObject>(indexer: Indexer<T>, owner: KubeObject): T[] {
  const namespace = owner.metadata.namespace;
  const controlled = indexer.byIndex(CONTROLLER_UID_INDEX, String(owner.metadata.uid)).filter((o) => o.metadata.namespace === namespace);
  const orphans = indexer.byIndex(CONTROLLER_UID_INDEX, orphanIndexKey(namespace));
  if (controlled.length === 0) return orphans;
  if (orphans.length === 0) return controlled;
  return [...controlled, ...orphans].sort((a, b) => compareKeys(objectKey(a), objectKey(b)));
}
