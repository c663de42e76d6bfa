/**
 * The cluster-scoped objects a command made, read from kubectl's own success
 * lines (`namespace/config created`, `clusterrole.rbac.authorization.k8s.io/x created`).
 * Namespaced objects need nothing: they live in the scenario's namespace and go with it.
 */

/** A cluster-scoped object, as the API names it. */
export interface ClusterObjectRef {
  apiVersion: string;
  kind: string;
  name: string;
}

/**
 * The cluster-scoped kinds kubectl can create, keyed the way kubectl prints them
 * (`KIND[.GROUP]`, kind in lower case). A kind missing here (a cluster-scoped
 * custom resource) is not adopted, hence not deleted after the scenario.
 */
export const CLUSTER_SCOPED_KINDS: Readonly<Record<string, { apiVersion: string; kind: string }>> = {
  namespace: { apiVersion: 'v1', kind: 'Namespace' },
  node: { apiVersion: 'v1', kind: 'Node' },
  persistentvolume: { apiVersion: 'v1', kind: 'PersistentVolume' },
  'clusterrole.rbac.authorization.k8s.io': { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole' },
  'clusterrolebinding.rbac.authorization.k8s.io': { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding' },
  'ingressclass.networking.k8s.io': { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass' },
  'storageclass.storage.k8s.io': { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass' },
  'csidriver.storage.k8s.io': { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver' },
  'priorityclass.scheduling.k8s.io': { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass' },
  'runtimeclass.node.k8s.io': { apiVersion: 'node.k8s.io/v1', kind: 'RuntimeClass' },
  'customresourcedefinition.apiextensions.k8s.io': { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' },
  'validatingwebhookconfiguration.admissionregistration.k8s.io': { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingWebhookConfiguration' },
  'mutatingwebhookconfiguration.admissionregistration.k8s.io': { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingWebhookConfiguration' },
  'validatingadmissionpolicy.admissionregistration.k8s.io': { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy' },
  'validatingadmissionpolicybinding.admissionregistration.k8s.io': { apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicyBinding' },
  'apiservice.apiregistration.k8s.io': { apiVersion: 'apiregistration.k8s.io/v1', kind: 'APIService' },
  'certificatesigningrequest.certificates.k8s.io': { apiVersion: 'certificates.k8s.io/v1', kind: 'CertificateSigningRequest' },
  'flowschema.flowcontrol.apiserver.k8s.io': { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'FlowSchema' },
  'prioritylevelconfiguration.flowcontrol.apiserver.k8s.io': { apiVersion: 'flowcontrol.apiserver.k8s.io/v1', kind: 'PriorityLevelConfiguration' },
};

/**
 * The cluster-scoped objects that kubectl says it created. Only `created`:
 * an unlabelled object that kubectl `configured` existed before the scenario
 * (one it made would carry our labels already), so it is not ours to delete.
 * Dry runs print `created (dry run)` and are not matched.
 */
export function createdClusterObjects(stdout: string): ClusterObjectRef[] {
  const found: ClusterObjectRef[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^([a-z0-9.-]+)\/([^\s/]+) created$/.exec(line.trim());
    const kind = m && CLUSTER_SCOPED_KINDS[m[1]];
    if (!m || !kind) continue;
    if (!found.some((f) => f.kind === kind.kind && f.name === m[2])) found.push({ ...kind, name: m[2] });
  }
  return found;
}

/** How kubectl would print the object (for messages). */
export function describeRef(ref: ClusterObjectRef): string {
  const group = ref.apiVersion.includes('/') ? '.' + ref.apiVersion.split('/')[0] : '';
  return `${ref.kind.toLowerCase()}${group}/${ref.name}`;
}
