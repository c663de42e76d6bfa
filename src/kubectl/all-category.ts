/**
 * The `all` category kubectl expands `kubectl get all` to, in discovery order
 * (the resources whose discovery lists the category "all" in Kubernetes 1.31:
 * core, then apps, autoscaling, batch).
 */
export const ALL_CATEGORY: readonly string[] = [
  'pods',
  'replicationcontrollers',
  'services',
  'daemonsets.apps',
  'deployments.apps',
  'replicasets.apps',
  'statefulsets.apps',
  'horizontalpodautoscalers.autoscaling',
  'cronjobs.batch',
  'jobs.batch',
];
