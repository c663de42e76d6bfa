/** `Controlled By:` (printController in k8s.io/kubectl/pkg/describe/describe.go): `Kind/name` of the controller owner reference. */
import type { KubeObject } from '../../api/meta.ts';

export function controllerOf(object: KubeObject): string {
  const ref = (object.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}
