/**
 * The patchMergeKey of list fields, from the struct tags of k8s.io/api 1.31
 * (core/v1 and apps/v1 types.go): how a strategic merge patch (API server) and
 * kubectl apply's three-way merge find the same item in two lists. 'set' marks
 * a list merged as a set of scalars (patchStrategy merge without a key).
 */

/**
 * The merge key of a list field, found from the field name and where it sits.
 * `path` holds the field names from the object root, e.g. ['spec', 'template', 'spec', 'containers'].
 */
export function patchMergeKey(path: readonly string[]): string | 'set' | undefined {
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  switch (field) {
    case 'containers':
    case 'initContainers':
    case 'ephemeralContainers':
    case 'volumes':
    case 'env':
    case 'imagePullSecrets':
      return 'name';
    case 'volumeMounts':
      return 'mountPath';
    case 'volumeDevices':
      return 'devicePath';
    case 'ports':
      // Only a Service has ports directly under its spec.
      if (path.length === 2 && parent === 'spec') return 'port';
      if (parent === 'containers' || parent === 'initContainers') return 'containerPort';
      return undefined;
    case 'tolerations':
      return 'key';
    case 'hostAliases':
      return 'ip';
    case 'conditions':
      return 'type';
    case 'ownerReferences':
      return 'uid';
    case 'finalizers':
      return path.length === 2 && parent === 'metadata' ? 'set' : undefined;
    case 'topologySpreadConstraints':
      return 'topologyKey';
    default:
      return undefined;
  }
}

