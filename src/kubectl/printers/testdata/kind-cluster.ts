/**
 * Test fixture: objects of a kind 1.31 cluster running the seed-000 tutorial (my-nginx), written
 * as a kind cluster's API server returns them (defaults, status, events). Every timestamp is
 * relative to `epoch`, so golden outputs captured with the real kubectl at another instant apply
 * unchanged (testdata/capture-goldens.ts). `NOW_OFFSET_MS` after the epoch is "now".
 */
import type { KubeObject } from '../../../api/meta.ts';

export const NOW_OFFSET_MS = 2 * 3600_000 + 15 * 60_000 + 7_000;

function at(epoch: number, offsetMs: number): string {
  return new Date(epoch + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const MIN = 60_000;

/** A base64-encoded PEM block of exactly `bytes` bytes (secret data as the API stores it). */
function pemOfSize(label: string, bytes: number): string {
  const head = `-----BEGIN ${label}-----\n`;
  const tail = `\n-----END ${label}-----\n`;
  const body = 'M'.repeat(bytes - head.length - tail.length);
  return Buffer.from(head + body + tail, 'utf8').toString('base64');
}

function slice(
  epoch: number,
  s: { name: string; service: string; created: number; ports: { name: string; port: number; protocol: string }[]; endpoints: { ip: string; ready: boolean; node: string; pod: string; uid: string; namespace?: string }[]; namespace?: string; labels?: Record<string, string> },
): KubeObject {
  return {
    addressType: 'IPv4',
    apiVersion: 'discovery.k8s.io/v1',
    endpoints: s.endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready, serving: e.ready, terminating: false },
      nodeName: e.node,
      targetRef: { kind: 'Pod', name: e.pod, namespace: e.namespace ?? s.namespace ?? 'default', uid: e.uid },
    })),
    kind: 'EndpointSlice',
    metadata: {
      creationTimestamp: at(epoch, s.created),
      generateName: `${s.service}-`,
      generation: 1,
      labels: { ...(s.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': s.service },
      name: s.name,
      namespace: s.namespace ?? 'default',
      resourceVersion: String(1600 + s.created / 1000),
      uid: `a2000000-0000-4000-8000-0000000${String(s.created / 1000).padStart(5, '0')}`,
    },
    ports: s.ports,
  };
}

function tolerations(): unknown[] {
  return [
    { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
    { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
  ];
}

function apiAccessVolume(suffix: string): unknown {
  return {
    name: `kube-api-access-${suffix}`,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

interface PodSpecInput {
  name: string;
  uid: string;
  node?: string;
  hostIP?: string;
  podIP?: string;
  created: number;
  phase: string;
  ready: boolean;
  state: Record<string, unknown>;
  lastState?: Record<string, unknown>;
  restartCount?: number;
  labels: Record<string, string>;
  owner?: { kind: string; name: string; uid: string; apiVersion: string };
  image: string;
  containerName: string;
  ports?: unknown[];
  volumeSuffix: string;
  deleted?: number;
  extraSpec?: Record<string, unknown>;
  extraStatus?: Record<string, unknown>;
  conditions?: unknown[];
}

function pod(epoch: number, p: PodSpecInput): KubeObject {
  const started = p.node !== undefined;
  const conditions =
    p.conditions ??
    (started
      ? [
          { lastProbeTime: null, lastTransitionTime: at(epoch, p.created + 2000), status: 'True', type: 'PodReadyToStartContainers' },
          { lastProbeTime: null, lastTransitionTime: at(epoch, p.created), status: 'True', type: 'Initialized' },
          { lastProbeTime: null, lastTransitionTime: at(epoch, p.created + 9000), status: p.ready ? 'True' : 'False', type: 'Ready', ...(p.ready ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${p.containerName}]` }) },
          { lastProbeTime: null, lastTransitionTime: at(epoch, p.created + 9000), status: p.ready ? 'True' : 'False', type: 'ContainersReady', ...(p.ready ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${p.containerName}]` }) },
          { lastProbeTime: null, lastTransitionTime: at(epoch, p.created), status: 'True', type: 'PodScheduled' },
        ]
      : [{ lastProbeTime: null, lastTransitionTime: at(epoch, p.created), message: '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.', reason: 'Unschedulable', status: 'False', type: 'PodScheduled' }]);
  const containerStatus = {
    containerID: p.state.running || p.state.terminated ? `containerd://${p.uid.replace(/-/g, '')}${p.uid.replace(/-/g, '').slice(0, 32)}` : undefined,
    image: p.image.includes(':') || p.image.includes('/') ? `docker.io/library/${p.image}` : `docker.io/library/${p.image}:latest`,
    imageID: p.state.running || p.state.terminated ? 'docker.io/library/nginx@sha256:bc5eac5eafc581aeda3008b4b1f07ebba230de2f27d47767129a6a905c84f470' : '',
    lastState: p.lastState ?? {},
    name: p.containerName,
    ready: p.ready,
    restartCount: p.restartCount ?? 0,
    started: Boolean(p.state.running),
    state: p.state,
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: at(epoch, p.created),
      ...(p.deleted !== undefined ? { deletionGracePeriodSeconds: 30, deletionTimestamp: at(epoch, p.deleted) } : {}),
      ...(p.owner?.kind === 'ReplicaSet' ? { generateName: p.name.replace(/[^-]+$/, '') } : {}),
      labels: p.labels,
      name: p.name,
      namespace: 'default',
      ...(p.owner ? { ownerReferences: [{ apiVersion: p.owner.apiVersion, blockOwnerDeletion: true, controller: true, kind: p.owner.kind, name: p.owner.name, uid: p.owner.uid }] } : {}),
      resourceVersion: String(1000 + p.created / 1000),
      uid: p.uid,
    },
    spec: {
      containers: [
        {
          image: p.image,
          imagePullPolicy: p.image.includes(':') && !p.image.endsWith(':latest') ? 'IfNotPresent' : 'Always',
          name: p.containerName,
          ...(p.ports ? { ports: p.ports } : {}),
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: `kube-api-access-${p.volumeSuffix}`, readOnly: true }],
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      ...(p.node ? { nodeName: p.node } : {}),
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccount: 'default',
      serviceAccountName: 'default',
      terminationGracePeriodSeconds: 30,
      tolerations: tolerations(),
      volumes: [apiAccessVolume(p.volumeSuffix)],
      ...(p.extraSpec ?? {}),
    },
    status: {
      conditions,
      ...(started ? { containerStatuses: [containerStatus] } : {}),
      ...(p.hostIP ? { hostIP: p.hostIP, hostIPs: [{ ip: p.hostIP }] } : {}),
      phase: p.phase,
      ...(p.podIP ? { podIP: p.podIP, podIPs: [{ ip: p.podIP }] } : {}),
      qosClass: 'BestEffort',
      ...(started ? { startTime: at(epoch, p.created) } : {}),
      ...(p.extraStatus ?? {}),
    },
  };
}

function node(epoch: number, name: string, ip: string, podCIDR: string, controlPlane: boolean): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      creationTimestamp: at(epoch, controlPlane ? 0 : 20_000),
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        ...(controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
      },
      name,
      resourceVersion: '2000',
      uid: `a0000000-0000-4000-8000-00000000000${controlPlane ? 1 : name.endsWith('2') ? 3 : 2}`,
    },
    spec: {
      podCIDR,
      podCIDRs: [podCIDR],
      providerID: `kind://docker/kind/${name}`,
      ...(controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: ip, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16318324Ki', pods: '110' },
      capacity: { cpu: '8', 'ephemeral-storage': '102625208Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '16318324Ki', pods: '110' },
      conditions: [
        { lastHeartbeatTime: at(epoch, NOW_OFFSET_MS - 40_000), lastTransitionTime: at(epoch, 0), message: 'kubelet has sufficient memory available', reason: 'KubeletHasSufficientMemory', status: 'False', type: 'MemoryPressure' },
        { lastHeartbeatTime: at(epoch, NOW_OFFSET_MS - 40_000), lastTransitionTime: at(epoch, 0), message: 'kubelet has no disk pressure', reason: 'KubeletHasNoDiskPressure', status: 'False', type: 'DiskPressure' },
        { lastHeartbeatTime: at(epoch, NOW_OFFSET_MS - 40_000), lastTransitionTime: at(epoch, 0), message: 'kubelet has sufficient PID available', reason: 'KubeletHasSufficientPID', status: 'False', type: 'PIDPressure' },
        { lastHeartbeatTime: at(epoch, NOW_OFFSET_MS - 40_000), lastTransitionTime: at(epoch, 40_000), message: 'kubelet is posting ready status', reason: 'KubeletReady', status: 'True', type: 'Ready' },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: 'd9ee3b31-0d0c-4c1c-8f6a-a5b0d0a2c7b1',
        containerRuntimeVersion: 'containerd://1.7.18',
        kernelVersion: '6.8.0-45-generic',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.31.0',
        machineID: '6c5ff49d0a8a4e5f8d8f0a5b9f3c2e11',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '6c5ff49d-0a8a-4e5f-8d8f-0a5b9f3c2e11',
      },
    },
  };
}

function namespace(epoch: number, name: string, offset: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { creationTimestamp: at(epoch, offset), labels: { 'kubernetes.io/metadata.name': name }, name, resourceVersion: '20', uid: `b0000000-0000-4000-8000-${name.length.toString().padStart(12, '0')}` },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

function event(
  epoch: number,
  e: { name: string; kind: string; object: string; uid: string; reason: string; message: string; type?: string; first: number; last?: number; count?: number; component: string; host?: string; fieldPath?: string; namespace?: string },
): KubeObject {
  return {
    apiVersion: 'v1',
    count: e.count ?? 1,
    eventTime: null,
    firstTimestamp: at(epoch, e.first),
    involvedObject: { apiVersion: e.kind === 'Pod' || e.kind === 'Service' ? 'v1' : 'apps/v1', ...(e.fieldPath ? { fieldPath: e.fieldPath } : {}), kind: e.kind, name: e.object, namespace: e.namespace ?? 'default', resourceVersion: '1000', uid: e.uid },
    kind: 'Event',
    lastTimestamp: at(epoch, e.last ?? e.first),
    message: e.message,
    metadata: { creationTimestamp: at(epoch, e.first), name: e.name, namespace: e.namespace ?? 'default', resourceVersion: String(3000 + e.first / 1000), uid: `c${e.name.length}000000-0000-4000-8000-${String(e.first).padStart(12, '0')}` },
    reason: e.reason,
    reportingComponent: e.component,
    reportingInstance: e.host ?? '',
    source: { component: e.component, ...(e.host ? { host: e.host } : {}) },
    type: e.type ?? 'Normal',
  };
}

const RS_UID = 'e1000000-0000-4000-8000-000000000001';
const DEPLOY_UID = 'e0000000-0000-4000-8000-000000000001';
const POD1_UID = 'f1000000-0000-4000-8000-000000000001';
const POD2_UID = 'f1000000-0000-4000-8000-000000000002';
const SVC_UID = 'd0000000-0000-4000-8000-000000000002';

/** The fixture objects at a given epoch (ms). */
export function kindClusterObjects(epoch: number): KubeObject[] {
  const nginxCreated = 2 * 3600_000 + 10 * MIN;
  const rsOwner = { kind: 'ReplicaSet', name: 'my-nginx-7c6b5d8f9b', uid: RS_UID, apiVersion: 'apps/v1' };
  const nginxLabels = { 'pod-template-hash': '7c6b5d8f9b', run: 'my-nginx' };
  const objects: KubeObject[] = [
    node(epoch, 'kind-control-plane', '172.18.0.3', '10.244.0.0/24', true),
    node(epoch, 'kind-worker', '172.18.0.2', '10.244.1.0/24', false),
    node(epoch, 'kind-worker2', '172.18.0.4', '10.244.2.0/24', false),
    namespace(epoch, 'default', 0),
    namespace(epoch, 'kube-node-lease', 0),
    namespace(epoch, 'kube-public', 0),
    namespace(epoch, 'kube-system', 0),
    namespace(epoch, 'local-path-storage', 8_000),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: at(epoch, 0), labels: { component: 'apiserver', provider: 'kubernetes' }, name: 'kubernetes', namespace: 'default', resourceVersion: '200', uid: 'd0000000-0000-4000-8000-000000000001' },
      spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], sessionAffinity: 'None', type: 'ClusterIP' },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: at(epoch, nginxCreated + 30_000), labels: { run: 'my-nginx' }, name: 'my-nginx', namespace: 'default', resourceVersion: '1500', uid: SVC_UID },
      spec: { clusterIP: '10.96.162.149', clusterIPs: ['10.96.162.149'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { run: 'my-nginx' }, sessionAffinity: 'None', type: 'ClusterIP' },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: at(epoch, nginxCreated + 60_000), labels: { run: 'my-nginx' }, name: 'my-nginx-https', namespace: 'default', resourceVersion: '1510', uid: 'd0000000-0000-4000-8000-000000000003' },
      spec: {
        clusterIP: '10.96.86.113',
        clusterIPs: ['10.96.86.113'],
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [
          { name: 'http', nodePort: 31704, port: 8080, protocol: 'TCP', targetPort: 80 },
          { name: 'https', nodePort: 32453, port: 443, protocol: 'TCP', targetPort: 443 },
        ],
        selector: { run: 'my-nginx' },
        sessionAffinity: 'None',
        type: 'NodePort',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: at(epoch, nginxCreated + 90_000), name: 'kubia-loadbalancer', namespace: 'default', resourceVersion: '1520', uid: 'd0000000-0000-4000-8000-000000000004' },
      spec: {
        allocateLoadBalancerNodePorts: true,
        clusterIP: '10.96.241.153',
        clusterIPs: ['10.96.241.153'],
        externalTrafficPolicy: 'Local',
        healthCheckNodePort: 31898,
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ nodePort: 32143, port: 80, protocol: 'TCP', targetPort: 8080 }],
        selector: { app: 'kubia' },
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } },
        type: 'LoadBalancer',
      },
      status: { loadBalancer: { ingress: [{ ip: '172.18.255.200', ipMode: 'VIP' }] } },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: at(epoch, nginxCreated + 95_000), name: 'kubia-pending', namespace: 'default', resourceVersion: '1525', uid: 'd0000000-0000-4000-8000-000000000005' },
      spec: {
        allocateLoadBalancerNodePorts: true,
        clusterIP: '10.96.246.185',
        clusterIPs: ['10.96.246.185'],
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [{ nodePort: 31348, port: 8080, protocol: 'TCP', targetPort: 8080 }],
        selector: { app: 'kubia' },
        sessionAffinity: 'None',
        type: 'LoadBalancer',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: at(epoch, nginxCreated + 100_000), name: 'external-service', namespace: 'default', resourceVersion: '1530', uid: 'd0000000-0000-4000-8000-000000000006' },
      spec: { externalName: 'api.somecompany.com', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], sessionAffinity: 'None', type: 'ExternalName' },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { creationTimestamp: at(epoch, nginxCreated + 110_000), name: 'kubia-headless', namespace: 'default', resourceVersion: '1540', uid: 'd0000000-0000-4000-8000-000000000007' },
      spec: { clusterIP: 'None', clusterIPs: ['None'], internalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }], selector: { app: 'kubia' }, sessionAffinity: 'None', type: 'ClusterIP' },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
        creationTimestamp: at(epoch, 5_000),
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        name: 'kube-dns',
        namespace: 'kube-system',
        resourceVersion: '250',
        uid: 'd0000000-0000-4000-8000-000000000010',
      },
      spec: {
        clusterIP: '10.96.0.10',
        clusterIPs: ['10.96.0.10'],
        internalTrafficPolicy: 'Cluster',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        selector: { 'k8s-app': 'kube-dns' },
        sessionAffinity: 'None',
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': at(epoch, nginxCreated + 30_000) }, creationTimestamp: at(epoch, nginxCreated + 30_000), labels: { run: 'my-nginx' }, name: 'my-nginx', namespace: 'default', resourceVersion: '1550', uid: 'a1000000-0000-4000-8000-000000000001' },
      subsets: [
        {
          addresses: [
            { ip: '10.244.1.5', nodeName: 'kind-worker', targetRef: { kind: 'Pod', name: 'my-nginx-7c6b5d8f9b-xk2lp', namespace: 'default', uid: POD1_UID } },
            { ip: '10.244.2.7', nodeName: 'kind-worker2', targetRef: { kind: 'Pod', name: 'my-nginx-7c6b5d8f9b-q8rmv', namespace: 'default', uid: POD2_UID } },
          ],
          ports: [{ port: 80, protocol: 'TCP' }],
        },
      ],
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { creationTimestamp: at(epoch, 0), labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' }, name: 'kubernetes', namespace: 'default', resourceVersion: '210', uid: 'a1000000-0000-4000-8000-000000000002' },
      subsets: [{ addresses: [{ ip: '172.18.0.3' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    },
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { creationTimestamp: at(epoch, 5_000), labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' }, name: 'kube-dns', namespace: 'kube-system', resourceVersion: '600', uid: 'a1000000-0000-4000-8000-000000000003' },
      subsets: [
        {
          addresses: [
            { ip: '10.244.0.2', nodeName: 'kind-control-plane', targetRef: { kind: 'Pod', name: 'coredns-6f6b679f8f-4x2tz', namespace: 'kube-system', uid: 'f2000000-0000-4000-8000-000000000001' } },
            { ip: '10.244.0.4', nodeName: 'kind-control-plane', targetRef: { kind: 'Pod', name: 'coredns-6f6b679f8f-8wqj7', namespace: 'kube-system', uid: 'f2000000-0000-4000-8000-000000000002' } },
          ],
          ports: [
            { name: 'dns-tcp', port: 53, protocol: 'TCP' },
            { name: 'dns', port: 53, protocol: 'UDP' },
            { name: 'metrics', port: 9153, protocol: 'TCP' },
          ],
        },
      ],
    },
    {
      addressType: 'IPv4',
      apiVersion: 'discovery.k8s.io/v1',
      endpoints: [
        { addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'kind-worker', targetRef: { kind: 'Pod', name: 'my-nginx-7c6b5d8f9b-xk2lp', namespace: 'default', uid: POD1_UID } },
        { addresses: ['10.244.2.7'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'kind-worker2', targetRef: { kind: 'Pod', name: 'my-nginx-7c6b5d8f9b-q8rmv', namespace: 'default', uid: POD2_UID } },
      ],
      kind: 'EndpointSlice',
      metadata: {
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': at(epoch, nginxCreated + 30_000) },
        creationTimestamp: at(epoch, nginxCreated + 30_000),
        generateName: 'my-nginx-',
        generation: 2,
        labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'my-nginx', run: 'my-nginx' },
        name: 'my-nginx-7vzhx',
        namespace: 'default',
        ownerReferences: [{ apiVersion: 'v1', blockOwnerDeletion: true, controller: true, kind: 'Service', name: 'my-nginx', uid: SVC_UID }],
        resourceVersion: '1560',
        uid: 'a2000000-0000-4000-8000-000000000001',
      },
      ports: [{ name: '', port: 80, protocol: 'TCP' }],
    },
    {
      addressType: 'IPv4',
      apiVersion: 'discovery.k8s.io/v1',
      endpoints: null,
      kind: 'EndpointSlice',
      metadata: {
        creationTimestamp: at(epoch, nginxCreated + 110_000),
        generateName: 'kubia-headless-',
        generation: 1,
        labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': 'kubia-headless', 'service.kubernetes.io/headless': '' },
        name: 'kubia-headless-m9c2v',
        namespace: 'default',
        resourceVersion: '1570',
        uid: 'a2000000-0000-4000-8000-000000000002',
      },
      ports: null,
    },
    slice(epoch, {
      name: 'my-nginx-https-5lqtw',
      service: 'my-nginx-https',
      created: nginxCreated + 60_000,
      labels: { run: 'my-nginx' },
      ports: [
        { name: 'https', port: 443, protocol: 'TCP' },
        { name: 'http', port: 80, protocol: 'TCP' },
      ],
      endpoints: [
        { ip: '10.244.1.5', ready: true, node: 'kind-worker', pod: 'my-nginx-7c6b5d8f9b-xk2lp', uid: POD1_UID },
        { ip: '10.244.2.7', ready: true, node: 'kind-worker2', pod: 'my-nginx-7c6b5d8f9b-q8rmv', uid: POD2_UID },
      ],
    }),
    slice(epoch, {
      name: 'kubia-loadbalancer-8h2xp',
      service: 'kubia-loadbalancer',
      created: nginxCreated + 90_000,
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
      endpoints: [{ ip: '10.244.1.9', ready: false, node: 'kind-worker', pod: 'kubia-2x7bq', uid: 'f3000000-0000-4000-8000-000000000001' }],
    }),
    slice(epoch, {
      name: 'kube-dns-4q7xh',
      service: 'kube-dns',
      namespace: 'kube-system',
      created: 6_000,
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      ports: [
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
      endpoints: [
        { ip: '10.244.0.2', ready: true, node: 'kind-control-plane', pod: 'coredns-6f6b679f8f-4x2tz', uid: 'f2000000-0000-4000-8000-000000000001' },
        { ip: '10.244.0.4', ready: true, node: 'kind-control-plane', pod: 'coredns-6f6b679f8f-8wqj7', uid: 'f2000000-0000-4000-8000-000000000002' },
      ],
    }),
    {
      addressType: 'IPv4',
      apiVersion: 'discovery.k8s.io/v1',
      endpoints: [{ addresses: ['172.18.0.3'], conditions: { ready: true } }],
      kind: 'EndpointSlice',
      metadata: { creationTimestamp: at(epoch, 0), generation: 1, labels: { 'kubernetes.io/service-name': 'kubernetes' }, name: 'kubernetes', namespace: 'default', resourceVersion: '205', uid: 'a2000000-0000-4000-8000-000000000099' },
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        annotations: { 'deployment.kubernetes.io/revision': '1' },
        creationTimestamp: at(epoch, nginxCreated),
        generation: 1,
        name: 'my-nginx',
        namespace: 'default',
        resourceVersion: '1600',
        uid: DEPLOY_UID,
      },
      spec: {
        progressDeadlineSeconds: 600,
        replicas: 2,
        revisionHistoryLimit: 10,
        selector: { matchLabels: { run: 'my-nginx' } },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
        template: {
          metadata: { creationTimestamp: null, labels: { run: 'my-nginx' } },
          spec: {
            containers: [{ image: 'nginx', imagePullPolicy: 'Always', name: 'my-nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
            dnsPolicy: 'ClusterFirst',
            restartPolicy: 'Always',
            schedulerName: 'default-scheduler',
            securityContext: {},
            terminationGracePeriodSeconds: 30,
          },
        },
      },
      status: {
        availableReplicas: 2,
        conditions: [
          { lastTransitionTime: at(epoch, nginxCreated + 12_000), lastUpdateTime: at(epoch, nginxCreated + 12_000), message: 'Deployment has minimum availability.', reason: 'MinimumReplicasAvailable', status: 'True', type: 'Available' },
          { lastTransitionTime: at(epoch, nginxCreated), lastUpdateTime: at(epoch, nginxCreated + 12_000), message: 'ReplicaSet "my-nginx-7c6b5d8f9b" has successfully progressed.', reason: 'NewReplicaSetAvailable', status: 'True', type: 'Progressing' },
        ],
        observedGeneration: 1,
        readyReplicas: 2,
        replicas: 2,
        updatedReplicas: 2,
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        annotations: { 'deployment.kubernetes.io/desired-replicas': '2', 'deployment.kubernetes.io/max-replicas': '3', 'deployment.kubernetes.io/revision': '1' },
        creationTimestamp: at(epoch, nginxCreated),
        generation: 1,
        labels: nginxLabels,
        name: 'my-nginx-7c6b5d8f9b',
        namespace: 'default',
        ownerReferences: [{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true, kind: 'Deployment', name: 'my-nginx', uid: DEPLOY_UID }],
        resourceVersion: '1590',
        uid: RS_UID,
      },
      spec: {
        replicas: 2,
        selector: { matchLabels: { 'pod-template-hash': '7c6b5d8f9b', run: 'my-nginx' } },
        template: {
          metadata: { creationTimestamp: null, labels: nginxLabels },
          spec: {
            containers: [{ image: 'nginx', imagePullPolicy: 'Always', name: 'my-nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
            dnsPolicy: 'ClusterFirst',
            restartPolicy: 'Always',
            schedulerName: 'default-scheduler',
            securityContext: {},
            terminationGracePeriodSeconds: 30,
          },
        },
      },
      status: { availableReplicas: 2, fullyLabeledReplicas: 2, observedGeneration: 1, readyReplicas: 2, replicas: 2 },
    },
    {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { creationTimestamp: at(epoch, nginxCreated + 120_000), generation: 1, labels: { app: 'kubia' }, name: 'kubia', namespace: 'default', resourceVersion: '1700', uid: 'e2000000-0000-4000-8000-000000000001' },
      spec: {
        replicas: 3,
        selector: { app: 'kubia' },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'kubia' } },
          spec: {
            containers: [
              {
                image: 'luksa/kubia',
                imagePullPolicy: 'Always',
                name: 'kubia',
                ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
                readinessProbe: { exec: { command: ['ls', '/var/ready'] }, failureThreshold: 3, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
                resources: {},
                terminationMessagePath: '/dev/termination-log',
                terminationMessagePolicy: 'File',
              },
            ],
            dnsPolicy: 'ClusterFirst',
            restartPolicy: 'Always',
            schedulerName: 'default-scheduler',
            securityContext: {},
            terminationGracePeriodSeconds: 30,
          },
        },
      },
      status: { fullyLabeledReplicas: 3, observedGeneration: 1, replicas: 3 },
    },
    pod(epoch, {
      name: 'my-nginx-7c6b5d8f9b-xk2lp',
      uid: POD1_UID,
      node: 'kind-worker',
      hostIP: '172.18.0.2',
      podIP: '10.244.1.5',
      created: nginxCreated,
      phase: 'Running',
      ready: true,
      state: { running: { startedAt: at(epoch, nginxCreated + 8_000) } },
      labels: nginxLabels,
      owner: rsOwner,
      image: 'nginx',
      containerName: 'my-nginx',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      volumeSuffix: 'w7xzq',
    }),
    pod(epoch, {
      name: 'my-nginx-7c6b5d8f9b-q8rmv',
      uid: POD2_UID,
      node: 'kind-worker2',
      hostIP: '172.18.0.4',
      podIP: '10.244.2.7',
      created: nginxCreated,
      phase: 'Running',
      ready: true,
      state: { running: { startedAt: at(epoch, nginxCreated + 9_000) } },
      labels: nginxLabels,
      owner: rsOwner,
      image: 'nginx',
      containerName: 'my-nginx',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      volumeSuffix: 'd2k9p',
    }),
    pod(epoch, {
      name: 'kubia-2x7bq',
      uid: 'f3000000-0000-4000-8000-000000000001',
      node: 'kind-worker',
      hostIP: '172.18.0.2',
      podIP: '10.244.1.9',
      created: nginxCreated + 120_000,
      phase: 'Running',
      ready: false,
      state: { waiting: { message: 'back-off 2m40s restarting failed container=kubia pod=kubia-2x7bq_default(f3000000-0000-4000-8000-000000000001)', reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { containerID: 'containerd://0c8a', exitCode: 1, finishedAt: at(epoch, NOW_OFFSET_MS - 75_000), reason: 'Error', startedAt: at(epoch, NOW_OFFSET_MS - 76_000) } },
      restartCount: 5,
      labels: { app: 'kubia' },
      owner: { kind: 'ReplicationController', name: 'kubia', uid: 'e2000000-0000-4000-8000-000000000001', apiVersion: 'v1' },
      image: 'luksa/kubia',
      containerName: 'kubia',
      ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
      volumeSuffix: 'h4s8c',
    }),
    pod(epoch, {
      name: 'kubia-pending',
      uid: 'f3000000-0000-4000-8000-000000000002',
      created: NOW_OFFSET_MS - 30_000,
      phase: 'Pending',
      ready: false,
      state: {},
      labels: { app: 'kubia' },
      image: 'luksa/kubia',
      containerName: 'kubia',
      volumeSuffix: 'p5m2t',
    }),
    pod(epoch, {
      name: 'web-creating',
      uid: 'f3000000-0000-4000-8000-000000000003',
      node: 'kind-worker2',
      hostIP: '172.18.0.4',
      created: NOW_OFFSET_MS - 4_000,
      phase: 'Pending',
      ready: false,
      state: { waiting: { reason: 'ContainerCreating' } },
      labels: { app: 'web' },
      image: 'nginx:1.27',
      containerName: 'web',
      volumeSuffix: 'c8n4b',
      extraSpec: {
        containers: [
          {
            args: ['-g', 'daemon off;\nerror_log stderr;'],
            command: ['nginx'],
            env: [
              { name: 'GREETING', value: 'hello\nworld' },
              { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
              { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
              { name: 'PASSWORD', valueFrom: { secretKeyRef: { key: 'tls.key', name: 'nginxsecret' } } },
              { name: 'CONF', valueFrom: { configMapKeyRef: { key: 'default.conf', name: 'nginxconfigmap', optional: true } } },
            ],
            envFrom: [{ configMapRef: { name: 'nginxconfigmap' } }, { prefix: 'TLS_', secretRef: { name: 'nginxsecret', optional: false } }],
            image: 'nginx:1.27',
            imagePullPolicy: 'IfNotPresent',
            livenessProbe: { failureThreshold: 3, periodSeconds: 10, successThreshold: 1, tcpSocket: { port: 443 }, timeoutSeconds: 1 },
            name: 'web',
            ports: [
              { containerPort: 443, name: 'https', protocol: 'TCP' },
              { containerPort: 80, hostPort: 8080, name: 'http', protocol: 'TCP' },
            ],
            readinessProbe: { failureThreshold: 3, httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' }, initialDelaySeconds: 5, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 1 },
            resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '64Mi' } },
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            volumeMounts: [
              { mountPath: '/etc/nginx/ssl', name: 'secret-volume' },
              { mountPath: '/etc/nginx/conf.d', name: 'configmap-volume', readOnly: true },
              { mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-c8n4b', readOnly: true },
              { mountPath: '/data', name: 'scratch', subPath: 'web' },
            ],
          },
        ],
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        volumes: [
          { name: 'secret-volume', secret: { defaultMode: 420, secretName: 'nginxsecret' } },
          { configMap: { defaultMode: 420, name: 'nginxconfigmap' }, name: 'configmap-volume' },
          { emptyDir: {}, name: 'scratch' },
          { hostPath: { path: '/var/log', type: '' }, name: 'logs' },
          { downwardAPI: { defaultMode: 420, items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' }, path: 'labels' }] }, name: 'podinfo' },
          { name: 'bundle', projected: { defaultMode: 420, sources: [{ secret: { name: 'nginxsecret' } }, { configMap: { name: 'nginxconfigmap' } }] } },
          apiAccessVolume('c8n4b'),
        ],
      },
      extraStatus: { qosClass: 'Burstable' },
    }),
    pod(epoch, {
      name: 'init-demo',
      uid: 'f3000000-0000-4000-8000-000000000006',
      node: 'kind-worker',
      hostIP: '172.18.0.2',
      podIP: '10.244.1.11',
      created: NOW_OFFSET_MS - 95_000,
      phase: 'Pending',
      ready: false,
      state: { waiting: { reason: 'PodInitializing' } },
      labels: { app: 'init-demo' },
      image: 'nginx',
      containerName: 'main',
      volumeSuffix: 'q2w4e',
      conditions: [
        { lastProbeTime: null, lastTransitionTime: at(epoch, NOW_OFFSET_MS - 93_000), status: 'True', type: 'PodReadyToStartContainers' },
        { lastProbeTime: null, lastTransitionTime: at(epoch, NOW_OFFSET_MS - 95_000), message: 'containers with incomplete status: [wait-for-service]', reason: 'ContainersNotInitialized', status: 'False', type: 'Initialized' },
        { lastProbeTime: null, lastTransitionTime: at(epoch, NOW_OFFSET_MS - 95_000), message: 'containers with unready status: [main]', reason: 'ContainersNotReady', status: 'False', type: 'Ready' },
        { lastProbeTime: null, lastTransitionTime: at(epoch, NOW_OFFSET_MS - 95_000), message: 'containers with unready status: [main]', reason: 'ContainersNotReady', status: 'False', type: 'ContainersReady' },
        { lastProbeTime: null, lastTransitionTime: at(epoch, NOW_OFFSET_MS - 95_000), status: 'True', type: 'PodScheduled' },
      ],
      extraSpec: {
        initContainers: [
          {
            command: ['sh', '-c', 'until nslookup my-nginx; do sleep 2; done'],
            image: 'busybox:1.28',
            imagePullPolicy: 'IfNotPresent',
            name: 'wait-for-service',
            resources: {},
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
            volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access-q2w4e', readOnly: true }],
          },
        ],
      },
      extraStatus: {
        initContainerStatuses: [
          {
            containerID: 'containerd://5d3f9c1e2b7a4d6f8e0c2a4b6d8f0e2c4a6b8d0f2e4c6a8b0d2f4e6c8a0b2d4f',
            image: 'docker.io/library/busybox:1.28',
            imageID: 'docker.io/library/busybox@sha256:141c253bc4c3fd0a201d32dc1f493bcf3fff003b6df416dea4f41046e0f37d47',
            lastState: {},
            name: 'wait-for-service',
            ready: false,
            restartCount: 0,
            started: true,
            state: { running: { startedAt: at(epoch, NOW_OFFSET_MS - 92_000) } },
          },
        ],
      },
    }),
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { creationTimestamp: at(epoch, 9_000), name: 'default', namespace: 'default', resourceVersion: '310', uid: 'a8000000-0000-4000-8000-000000000001' },
    },
    pod(epoch, {
      name: 'job-done',
      uid: 'f3000000-0000-4000-8000-000000000004',
      node: 'kind-worker',
      hostIP: '172.18.0.2',
      podIP: '10.244.1.7',
      created: 3600_000,
      phase: 'Succeeded',
      ready: false,
      state: { terminated: { containerID: 'containerd://9a1b', exitCode: 0, finishedAt: at(epoch, 3600_000 + 12_000), reason: 'Completed', startedAt: at(epoch, 3600_000 + 3_000) } },
      labels: { app: 'job' },
      image: 'busybox',
      containerName: 'job',
      volumeSuffix: 'j2r6v',
      extraSpec: { restartPolicy: 'Never' },
    }),
    pod(epoch, {
      name: 'old-nginx',
      uid: 'f3000000-0000-4000-8000-000000000005',
      node: 'kind-worker2',
      hostIP: '172.18.0.4',
      podIP: '10.244.2.4',
      created: 3600_000 + 5 * MIN,
      phase: 'Running',
      ready: true,
      state: { running: { startedAt: at(epoch, 3600_000 + 5 * MIN + 7_000) } },
      labels: { app: 'old' },
      image: 'nginx',
      containerName: 'nginx',
      volumeSuffix: 'x9f3l',
      deleted: NOW_OFFSET_MS + 25_000,
    }),
    {
      apiVersion: 'v1',
      data: {
        'default.conf':
          'server {\n        listen 80 default_server;\n        listen [::]:80 default_server ipv6only=on;\n\n        listen 443 ssl;\n\n        root /usr/share/nginx/html;\n        index index.html;\n\n        server_name localhost;\n        ssl_certificate /etc/nginx/ssl/tls.crt;\n        ssl_certificate_key /etc/nginx/ssl/tls.key;\n\n        location / {\n                try_files $uri $uri/ =404;\n        }\n}',
      },
      kind: 'ConfigMap',
      metadata: { creationTimestamp: at(epoch, nginxCreated - 114_000), name: 'nginxconfigmap', namespace: 'default', resourceVersion: '1400', uid: 'a3000000-0000-4000-8000-000000000001' },
    },
    {
      apiVersion: 'v1',
      data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIYXU0ZgS0rD4wDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\n-----END CERTIFICATE-----\n' },
      kind: 'ConfigMap',
      metadata: { annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' }, creationTimestamp: at(epoch, 9_000), name: 'kube-root-ca.crt', namespace: 'default', resourceVersion: '300', uid: 'a3000000-0000-4000-8000-000000000002' },
    },
    {
      apiVersion: 'v1',
      data: { 'tls.crt': pemOfSize('CERTIFICATE', 1164), 'tls.key': pemOfSize('PRIVATE KEY', 1704) },
      kind: 'Secret',
      metadata: { creationTimestamp: at(epoch, nginxCreated - 120_000), name: 'nginxsecret', namespace: 'default', resourceVersion: '1390', uid: 'a4000000-0000-4000-8000-000000000001' },
      type: 'kubernetes.io/tls',
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        annotations: { 'nginx.ingress.kubernetes.io/rewrite-target': '/' },
        creationTimestamp: at(epoch, nginxCreated + 150_000),
        generation: 1,
        name: 'kubia',
        namespace: 'default',
        resourceVersion: '1800',
        uid: 'a5000000-0000-4000-8000-000000000001',
      },
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'kubia.example.com',
            http: {
              paths: [
                { backend: { service: { name: 'my-nginx', port: { number: 80 } } }, path: '/', pathType: 'Prefix' },
                { backend: { service: { name: 'missing', port: { name: 'http' } } }, path: '/foo', pathType: 'Prefix' },
              ],
            },
          },
        ],
        tls: [{ hosts: ['kubia.example.com'], secretName: 'tls-secret' }],
      },
      status: { loadBalancer: { ingress: [{ hostname: 'localhost' }] } },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
        creationTimestamp: at(epoch, 30 * MIN),
        generation: 1,
        labels: { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/part-of': 'ingress-nginx', 'app.kubernetes.io/version': '1.11.2' },
        name: 'nginx',
        resourceVersion: '900',
        uid: 'a6000000-0000-4000-8000-000000000001',
      },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
    ...['kind-control-plane', 'kind-worker', 'kind-worker2'].map((name) => ({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { creationTimestamp: at(epoch, 20_000), name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: 'x' }], resourceVersion: '5000', uid: `a7000000-0000-4000-8000-${name.length.toString().padStart(12, '0')}` },
      spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: `${at(epoch, NOW_OFFSET_MS - 6_000).replace('Z', '')}.482914Z` },
    })),
    event(epoch, { name: 'my-nginx-7c6b5d8f9b-xk2lp.181f3a1b2c3d4e5f', kind: 'Pod', object: 'my-nginx-7c6b5d8f9b-xk2lp', uid: POD1_UID, reason: 'Scheduled', message: 'Successfully assigned default/my-nginx-7c6b5d8f9b-xk2lp to kind-worker', first: nginxCreated, component: 'default-scheduler' }),
    event(epoch, { name: 'my-nginx-7c6b5d8f9b-xk2lp.181f3a1b2c3d4e60', kind: 'Pod', object: 'my-nginx-7c6b5d8f9b-xk2lp', uid: POD1_UID, reason: 'Pulling', message: 'Pulling image "nginx"', first: nginxCreated + 1_000, component: 'kubelet', host: 'kind-worker', fieldPath: 'spec.containers{my-nginx}' }),
    event(epoch, { name: 'my-nginx-7c6b5d8f9b-xk2lp.181f3a1b2c3d4e61', kind: 'Pod', object: 'my-nginx-7c6b5d8f9b-xk2lp', uid: POD1_UID, reason: 'Pulled', message: 'Successfully pulled image "nginx" in 6.2s (6.2s including waiting). Image size: 72955450 bytes.', first: nginxCreated + 7_000, component: 'kubelet', host: 'kind-worker', fieldPath: 'spec.containers{my-nginx}' }),
    event(epoch, { name: 'my-nginx-7c6b5d8f9b-xk2lp.181f3a1b2c3d4e62', kind: 'Pod', object: 'my-nginx-7c6b5d8f9b-xk2lp', uid: POD1_UID, reason: 'Created', message: 'Created container my-nginx', first: nginxCreated + 7_500, component: 'kubelet', host: 'kind-worker', fieldPath: 'spec.containers{my-nginx}' }),
    event(epoch, { name: 'my-nginx-7c6b5d8f9b-xk2lp.181f3a1b2c3d4e63', kind: 'Pod', object: 'my-nginx-7c6b5d8f9b-xk2lp', uid: POD1_UID, reason: 'Started', message: 'Started container my-nginx', first: nginxCreated + 8_000, component: 'kubelet', host: 'kind-worker', fieldPath: 'spec.containers{my-nginx}' }),
    event(epoch, { name: 'kubia-2x7bq.181f3a1b2c3d5000', kind: 'Pod', object: 'kubia-2x7bq', uid: 'f3000000-0000-4000-8000-000000000001', reason: 'BackOff', message: 'Back-off restarting failed container kubia in pod kubia-2x7bq_default(f3000000-0000-4000-8000-000000000001)', type: 'Warning', first: nginxCreated + 150_000, last: NOW_OFFSET_MS - 10_000, count: 23, component: 'kubelet', host: 'kind-worker', fieldPath: 'spec.containers{kubia}' }),
    event(epoch, { name: 'my-nginx.181f3a1b2c3d6000', kind: 'Deployment', object: 'my-nginx', uid: DEPLOY_UID, reason: 'ScalingReplicaSet', message: 'Scaled up replica set my-nginx-7c6b5d8f9b to 2', first: nginxCreated, component: 'deployment-controller' }),
    event(epoch, { name: 'my-nginx-7c6b5d8f9b.181f3a1b2c3d7000', kind: 'ReplicaSet', object: 'my-nginx-7c6b5d8f9b', uid: RS_UID, reason: 'SuccessfulCreate', message: 'Created pod: my-nginx-7c6b5d8f9b-xk2lp', first: nginxCreated, component: 'replicaset-controller' }),
    event(epoch, { name: 'my-nginx-7c6b5d8f9b.181f3a1b2c3d7001', kind: 'ReplicaSet', object: 'my-nginx-7c6b5d8f9b', uid: RS_UID, reason: 'SuccessfulCreate', message: 'Created pod: my-nginx-7c6b5d8f9b-q8rmv', first: nginxCreated, component: 'replicaset-controller' }),
    event(epoch, { name: 'kubia-loadbalancer.181f3a1b2c3d8000', kind: 'Service', object: 'kubia-loadbalancer', uid: 'd0000000-0000-4000-8000-000000000004', reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer', first: nginxCreated + 90_000, component: 'service-controller' }),
    event(epoch, { name: 'kubia-loadbalancer.181f3a1b2c3d8001', kind: 'Service', object: 'kubia-loadbalancer', uid: 'd0000000-0000-4000-8000-000000000004', reason: 'EnsuredLoadBalancer', message: 'Ensured load balancer', first: nginxCreated + 102_000, component: 'service-controller' }),
  ];
  return objects;
}
