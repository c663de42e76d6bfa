/**
 * What kubeadm and kind add to a new cluster beyond what the API server makes
 * itself (namespaces default/kube-system/kube-public/kube-node-lease, the
 * kubernetes Service): CoreDNS's objects, kind's local-path-storage, the
 * service accounts their pods name and CoreDNS's RBAC. The objects are the
 * memory backend's own bootstrap (src/cluster/bootstrap), so both clusters
 * start from the same state.
 */
import type { KubeObject } from '../../src/api/meta.ts';
import { kindSystemObjects } from '../../src/cluster/bootstrap/kind-system-objects.ts';
import { defaultProfile } from '../../src/cluster/profile.ts';

const MADE_BY_API_SERVER = new Set(['Namespace/default', 'Namespace/kube-system', 'Namespace/kube-public', 'Namespace/kube-node-lease', 'Service/kubernetes', 'Endpoints/kubernetes', 'EndpointSlice/kubernetes']);

/**
 * kubeadm's RBAC for CoreDNS (cmd/kubeadm/app/phases/addons/dns/manifests.go,
 * CoreDNSClusterRole and CoreDNSClusterRoleBinding): the kubernetes plugin
 * lists and watches what it answers from, as the coredns service account.
 */
export function corednsRbac(): KubeObject[] {
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'system:coredns' },
      rules: [
        { apiGroups: [''], resources: ['endpoints', 'services', 'pods', 'namespaces'], verbs: ['list', 'watch'] },
        { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: ['list', 'watch'] },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'system:coredns' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'system:coredns' },
      subjects: [{ kind: 'ServiceAccount', name: 'coredns', namespace: 'kube-system' }],
    },
  ];
}

/** The objects to apply after the API server is ready. */
export function systemObjects(): KubeObject[] {
  const objects = kindSystemObjects(defaultProfile()).filter((o) => !MADE_BY_API_SERVER.has(`${o.kind}/${o.metadata.name}`));
  const serviceAccounts: KubeObject[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'local-path-provisioner-service-account', namespace: 'local-path-storage' } },
  ];
  // Namespaces first, then what lives in them.
  return [...objects.filter((o) => o.kind === 'Namespace'), ...serviceAccounts, ...corednsRbac(), ...objects.filter((o) => o.kind !== 'Namespace')];
}
