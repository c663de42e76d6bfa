/**
 * Test fixture: the resources of the kind-cluster fixture as the API server's discovery serves them,
 * and the selection of objects a `kubectl get` request returns (API-server list order: by namespace,
 * then name, as etcd keys sort).
 */
import type { ResourceInfo } from '../../../apiserver/types.ts';
import type { KubeObject } from '../../../api/meta.ts';

function info(resource: string, kind: string, group: string, namespaced: boolean, shortNames: string[] = [], categories = false): ResourceInfo & { categories: string[] } {
  return {
    resource,
    singular: kind.toLowerCase(),
    kind,
    group,
    version: 'v1',
    namespaced,
    shortNames,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    categories: categories ? ['all'] : [],
  };
}

/** In discovery order (core resources alphabetical, then the groups), as the stub API server serves them. */
export const FIXTURE_RESOURCES = [
  info('configmaps', 'ConfigMap', '', true, ['cm']),
  info('endpoints', 'Endpoints', '', true, ['ep']),
  info('events', 'Event', '', true, ['ev']),
  info('limitranges', 'LimitRange', '', true, ['limits']),
  info('namespaces', 'Namespace', '', false, ['ns']),
  info('nodes', 'Node', '', false, ['no']),
  info('pods', 'Pod', '', true, ['po'], true),
  info('replicationcontrollers', 'ReplicationController', '', true, ['rc'], true),
  info('resourcequotas', 'ResourceQuota', '', true, ['quota']),
  info('secrets', 'Secret', '', true),
  info('serviceaccounts', 'ServiceAccount', '', true, ['sa']),
  info('services', 'Service', '', true, ['svc'], true),
  info('deployments', 'Deployment', 'apps', true, ['deploy'], true),
  info('replicasets', 'ReplicaSet', 'apps', true, ['rs'], true),
  info('endpointslices', 'EndpointSlice', 'discovery.k8s.io', true),
  info('ingresses', 'Ingress', 'networking.k8s.io', true, ['ing']),
  info('ingressclasses', 'IngressClass', 'networking.k8s.io', false),
  info('leases', 'Lease', 'coordination.k8s.io', true),
];

export function resourceInfo(resource: string): ResourceInfo {
  const found = FIXTURE_RESOURCES.find((r) => r.resource === resource);
  if (!found) throw new Error(`no fixture resource ${resource}`);
  return found;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/** The objects of a resource in a namespace (undefined: all namespaces), in API-server list order. */
export function listObjects(objects: KubeObject[], resource: ResourceInfo, namespace: string | undefined): KubeObject[] {
  return objects
    .filter((o) => o.kind === resource.kind && groupOf(o.apiVersion) === resource.group)
    .filter((o) => !resource.namespaced || namespace === undefined || o.metadata.namespace === namespace)
    .sort((a, b) => {
      const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}
