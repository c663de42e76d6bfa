/**
 * Controller references (k8s.io/apimachinery pkg/apis/meta/v1/controller_ref.go): the one
 * ownerReference with `controller: true` says which controller manages an object.
 */
import type { KubeObject, OwnerReference } from '../api/meta.ts';

/** metav1.GetControllerOf */
export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((ref) => ref.controller === true);
}

/** metav1.NewControllerRef: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: String(owner.metadata.name),
    uid: String(owner.metadata.uid),
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** Whether `owner` is the controller of `obj` (same UID). */
export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return controllerOf(obj)?.uid === owner.metadata.uid;
}
