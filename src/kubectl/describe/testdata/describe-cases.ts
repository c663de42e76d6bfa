/**
 * `kubectl describe` cases run against the real kubectl (printers/testdata/capture-goldens.ts) and
 * against describeObject (describe.golden.test.ts), on the kind-cluster fixture.
 */
export interface DescribeCase {
  id: string;
  resource: string;
  namespace?: string;
  name: string;
  /** `--show-events=false` */
  hideEvents?: boolean;
}

export const DESCRIBE_CASES: DescribeCase[] = [
  { id: 'svc-my-nginx', resource: 'services', name: 'my-nginx' },
  { id: 'svc-my-nginx-https', resource: 'services', name: 'my-nginx-https' },
  { id: 'svc-kubia-loadbalancer', resource: 'services', name: 'kubia-loadbalancer' },
  { id: 'svc-kubia-pending', resource: 'services', name: 'kubia-pending' },
  { id: 'svc-kubernetes', resource: 'services', name: 'kubernetes' },
  { id: 'svc-external-service', resource: 'services', name: 'external-service' },
  { id: 'svc-kubia-headless', resource: 'services', name: 'kubia-headless' },
  { id: 'svc-kube-dns', resource: 'services', namespace: 'kube-system', name: 'kube-dns' },
  { id: 'pod-my-nginx', resource: 'pods', name: 'my-nginx-7c6b5d8f9b-xk2lp' },
  { id: 'pod-crashloop', resource: 'pods', name: 'kubia-2x7bq' },
  { id: 'pod-pending', resource: 'pods', name: 'kubia-pending' },
  { id: 'pod-creating', resource: 'pods', name: 'web-creating' },
  { id: 'pod-completed', resource: 'pods', name: 'job-done' },
  { id: 'pod-terminating', resource: 'pods', name: 'old-nginx' },
  { id: 'pod-init', resource: 'pods', name: 'init-demo' },
  { id: 'sa-default', resource: 'serviceaccounts', name: 'default' },
  { id: 'deploy-my-nginx', resource: 'deployments', name: 'my-nginx' },
  { id: 'rs-my-nginx', resource: 'replicasets', name: 'my-nginx-7c6b5d8f9b' },
  { id: 'rc-kubia', resource: 'replicationcontrollers', name: 'kubia' },
  { id: 'ep-my-nginx', resource: 'endpoints', name: 'my-nginx' },
  { id: 'ep-kube-dns', resource: 'endpoints', namespace: 'kube-system', name: 'kube-dns' },
  { id: 'eps-my-nginx', resource: 'endpointslices', name: 'my-nginx-7vzhx' },
  { id: 'eps-headless', resource: 'endpointslices', name: 'kubia-headless-m9c2v' },
  { id: 'ingress-kubia', resource: 'ingresses', name: 'kubia' },
  { id: 'ingressclass-nginx', resource: 'ingressclasses', name: 'nginx' },
  { id: 'secret-nginxsecret', resource: 'secrets', name: 'nginxsecret' },
  { id: 'cm-nginxconfigmap', resource: 'configmaps', name: 'nginxconfigmap' },
  { id: 'cm-kube-root-ca', resource: 'configmaps', name: 'kube-root-ca.crt' },
  { id: 'node-kind-worker', resource: 'nodes', name: 'kind-worker' },
  { id: 'node-control-plane', resource: 'nodes', name: 'kind-control-plane' },
  { id: 'node-kind-worker2', resource: 'nodes', name: 'kind-worker2' },
  { id: 'ns-default', resource: 'namespaces', name: 'default' },
  { id: 'ns-kube-system', resource: 'namespaces', name: 'kube-system' },
  { id: 'pod-crashloop-no-events', resource: 'pods', name: 'kubia-2x7bq', hideEvents: true },
  { id: 'node-kind-worker-no-events', resource: 'nodes', name: 'kind-worker', hideEvents: true },
  // kinds without a describer of their own: the generic describer
  { id: 'event-backoff', resource: 'events', name: 'kubia-2x7bq.181f3a1b2c3d5000' },
  { id: 'lease-kind-worker', resource: 'leases', namespace: 'kube-node-lease', name: 'kind-worker' },
];
