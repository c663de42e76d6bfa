/**
 * `kubectl get` cases run against the real kubectl (capture-goldens.ts) and against printObjects
 * (printers.golden.test.ts). `requests` lists what the command fetches, in the order kubectl prints
 * it; `args` is the command line given to kubectl.
 */
export interface GetRequest {
  resource: string;
  /** Omitted: the default namespace; 'all' with --all-namespaces. */
  namespace?: string;
  names?: string[];
  /** `-l key=value`: equality matches only. */
  labels?: Record<string, string>;
}

export interface GetCase {
  id: string;
  args: string[];
  requests: GetRequest[];
  output?: string;
  showLabels?: boolean;
  noHeaders?: boolean;
  allNamespaces?: boolean;
  showKind?: boolean;
  labelColumns?: string[];
  sortBy?: string;
}

/** Template files for the -file output formats, relative to the repository root (where the tests and captures run). */
export const TEMPLATES = 'src/kubectl/printers/testdata/templates/';

const ALL = ['pods', 'replicationcontrollers', 'services', 'deployments', 'replicasets'];

export const GET_CASES: GetCase[] = [
  { id: 'pods', args: ['pods'], requests: [{ resource: 'pods' }] },
  { id: 'pods-wide', args: ['pods', '-o', 'wide'], requests: [{ resource: 'pods' }], output: 'wide' },
  { id: 'pods-show-labels', args: ['pods', '--show-labels'], requests: [{ resource: 'pods' }], showLabels: true },
  { id: 'pods-label-columns', args: ['pods', '-L', 'run', '-L', 'app.kubernetes.io/app'], requests: [{ resource: 'pods' }], labelColumns: ['run', 'app.kubernetes.io/app'] },
  { id: 'pods-no-headers', args: ['pods', '--no-headers'], requests: [{ resource: 'pods' }], noHeaders: true },
  { id: 'pods-sort-by-name', args: ['pods', '--sort-by=.metadata.name'], requests: [{ resource: 'pods' }], sortBy: '.metadata.name' },
  { id: 'pods-sort-by-restarts', args: ['pods', '--sort-by={.status.containerStatuses[0].restartCount}'], requests: [{ resource: 'pods' }], sortBy: '{.status.containerStatuses[0].restartCount}' },
  { id: 'pods-sort-by-missing', args: ['pods', '--sort-by=.spec.nothing'], requests: [{ resource: 'pods' }], sortBy: '.spec.nothing' },
  { id: 'pods-sort-by-parse-error', args: ['pods', '--sort-by={.a['], requests: [{ resource: 'pods' }], sortBy: '{.a[' },
  { id: 'pod-named-sort-by-missing', args: ['pod', 'job-done', '--sort-by=.spec.nothing'], requests: [{ resource: 'pods', names: ['job-done'] }], sortBy: '.spec.nothing' },
  { id: 'svc-list-yaml-sort-by-missing', args: ['svc', '-o', 'yaml', '--sort-by=.spec.nothing'], requests: [{ resource: 'services' }], output: 'yaml', sortBy: '.spec.nothing' },
  { id: 'svc-name-sort-by-cluster-ip', args: ['svc', '-o', 'name', '--sort-by=.spec.clusterIP'], requests: [{ resource: 'services' }], output: 'name', sortBy: '.spec.clusterIP' },
  { id: 'all-sort-by-name', args: ['all', '--sort-by=.metadata.name'], requests: ['pods', 'replicationcontrollers', 'services', 'deployments', 'replicasets'].map((resource) => ({ resource })), sortBy: '.metadata.name' },
  { id: 'pod-named', args: ['pod', 'my-nginx-7c6b5d8f9b-xk2lp'], requests: [{ resource: 'pods', names: ['my-nginx-7c6b5d8f9b-xk2lp'] }] },
  { id: 'svc', args: ['svc'], requests: [{ resource: 'services' }] },
  { id: 'svc-wide', args: ['svc', '-o', 'wide'], requests: [{ resource: 'services' }], output: 'wide' },
  { id: 'svc-all-namespaces', args: ['svc', '-A'], requests: [{ resource: 'services', namespace: 'all' }], allNamespaces: true },
  { id: 'svc-show-kind', args: ['svc', 'my-nginx', '--show-kind'], requests: [{ resource: 'services', names: ['my-nginx'] }], showKind: true },
  { id: 'ep-all-namespaces', args: ['endpoints', '-A'], requests: [{ resource: 'endpoints', namespace: 'all' }], allNamespaces: true },
  { id: 'endpointslices', args: ['endpointslices'], requests: [{ resource: 'endpointslices' }] },
  { id: 'deploy-wide', args: ['deploy', '-o', 'wide'], requests: [{ resource: 'deployments' }], output: 'wide' },
  { id: 'rs-wide', args: ['rs', '-o', 'wide'], requests: [{ resource: 'replicasets' }], output: 'wide' },
  { id: 'rc-wide', args: ['rc', '-o', 'wide'], requests: [{ resource: 'replicationcontrollers' }], output: 'wide' },
  { id: 'nodes', args: ['nodes'], requests: [{ resource: 'nodes' }] },
  { id: 'nodes-wide', args: ['nodes', '-o', 'wide'], requests: [{ resource: 'nodes' }], output: 'wide' },
  { id: 'namespaces', args: ['ns'], requests: [{ resource: 'namespaces' }] },
  { id: 'secrets', args: ['secrets'], requests: [{ resource: 'secrets' }] },
  { id: 'configmaps', args: ['cm'], requests: [{ resource: 'configmaps' }] },
  { id: 'ingress', args: ['ingress'], requests: [{ resource: 'ingresses' }] },
  { id: 'ingressclass', args: ['ingressclass'], requests: [{ resource: 'ingressclasses' }] },
  { id: 'events', args: ['events'], requests: [{ resource: 'events' }] },
  { id: 'events-wide', args: ['events', '-o', 'wide'], requests: [{ resource: 'events' }], output: 'wide' },
  { id: 'leases', args: ['leases', '-n', 'kube-node-lease'], requests: [{ resource: 'leases', namespace: 'kube-node-lease' }] },
  { id: 'all', args: ['all'], requests: ALL.map((resource) => ({ resource })) },
  { id: 'all-no-headers', args: ['all', '--no-headers'], requests: ALL.map((resource) => ({ resource })), noHeaders: true },
  { id: 'pods-and-svc', args: ['pods,svc'], requests: [{ resource: 'pods' }, { resource: 'services' }] },
  { id: 'svc-yaml', args: ['svc', 'my-nginx-https', '-o', 'yaml'], requests: [{ resource: 'services', names: ['my-nginx-https'] }], output: 'yaml' },
  { id: 'svc-list-yaml', args: ['svc', '-o', 'yaml'], requests: [{ resource: 'services' }], output: 'yaml' },
  { id: 'pods-json', args: ['pods', '-o', 'json'], requests: [{ resource: 'pods' }], output: 'json' },
  { id: 'deploy-json-named', args: ['deploy', 'my-nginx', '-o', 'json'], requests: [{ resource: 'deployments', names: ['my-nginx'] }], output: 'json' },
  { id: 'empty-list-yaml', args: ['pods', '-n', 'kube-public', '-o', 'yaml'], requests: [{ resource: 'pods', namespace: 'kube-public' }], output: 'yaml' },
  { id: 'pods-name', args: ['pods', '-o', 'name'], requests: [{ resource: 'pods' }], output: 'name' },
  { id: 'all-name', args: ['all', '-o', 'name'], requests: ALL.map((resource) => ({ resource })), output: 'name' },
  { id: 'pods-custom-columns-podips', args: ['pods', '-l', 'run=my-nginx', '-o', 'custom-columns=POD_IP:.status.podIPs'], requests: [{ resource: 'pods', labels: { run: 'my-nginx' } }], output: 'custom-columns=POD_IP:.status.podIPs' },
  { id: 'pods-custom-columns-sorted', args: ['pods', '-o', 'custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,PORTS:.spec.containers[*].ports[*].containerPort', '--sort-by=.spec.nodeName'], requests: [{ resource: 'pods' }], output: 'custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,PORTS:.spec.containers[*].ports[*].containerPort', sortBy: '.spec.nodeName' },
  { id: 'svc-custom-columns-no-headers', args: ['svc', '-o', 'custom-columns=NAME:metadata.name,SEL:{.spec.selector}', '--no-headers'], requests: [{ resource: 'services' }], output: 'custom-columns=NAME:metadata.name,SEL:{.spec.selector}', noHeaders: true },
  { id: 'pod-jsonpath-ip', args: ['pod', 'my-nginx-7c6b5d8f9b-xk2lp', '-o', 'jsonpath={.status.podIP}'], requests: [{ resource: 'pods', names: ['my-nginx-7c6b5d8f9b-xk2lp'] }], output: 'jsonpath={.status.podIP}' },
  { id: 'pods-jsonpath-range', args: ['pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'], requests: [{ resource: 'pods' }], output: 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}' },
  { id: 'svc-jsonpath-nodeports', args: ['svc', '-o', 'jsonpath={.items[?(@.spec.type=="NodePort")].spec.ports[*].nodePort}'], requests: [{ resource: 'services' }], output: 'jsonpath={.items[?(@.spec.type=="NodePort")].spec.ports[*].nodePort}' },
  { id: 'nodes-jsonpath-internal-ips', args: ['nodes', '-o', 'jsonpath={.items[*].status.addresses[?(@.type=="InternalIP")].address}'], requests: [{ resource: 'nodes' }], output: 'jsonpath={.items[*].status.addresses[?(@.type=="InternalIP")].address}' },
  { id: 'cm-jsonpath-as-json', args: ['cm', '-o', 'jsonpath-as-json={.items[*].metadata.name}'], requests: [{ resource: 'configmaps' }], output: 'jsonpath-as-json={.items[*].metadata.name}' },
  { id: 'ns-jsonpath-error', args: ['ns', '-o', 'jsonpath={.items[9].metadata.name}'], requests: [{ resource: 'namespaces' }], output: 'jsonpath={.items[9].metadata.name}' },
  { id: 'pods-jsonpath-parse-error', args: ['pods', '-o', 'jsonpath={.items['], requests: [{ resource: 'pods' }], output: 'jsonpath={.items[' },
  { id: 'pods-bad-format', args: ['pods', '-o', 'foo'], requests: [{ resource: 'pods' }], output: 'foo' },
  { id: 'pods-custom-columns-bad', args: ['pods', '-o', 'custom-columns=NAME'], requests: [{ resource: 'pods' }], output: 'custom-columns=NAME' },
  ...[
    'custom-columns=',
    'custom-columns=NAME:{.a[',
    'jsonpath=',
    `custom-columns-file=${TEMPLATES}name-node.columns`,
    `custom-columns-file=${TEMPLATES}headers-only.columns`,
    `custom-columns-file=${TEMPLATES}mismatch.columns`,
    `custom-columns-file=${TEMPLATES}missing.columns`,
    `jsonpath-file=${TEMPLATES}names.jsonpath`,
    `jsonpath-file=${TEMPLATES}missing.jsonpath`,
  ].map((output, i): GetCase => ({ id: `pods-output-${i}`, args: ['pods', '-o', output], requests: [{ resource: 'pods' }], output })),
];
