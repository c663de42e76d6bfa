/**
 * A small kind-like cluster for the DNS tests: the objects the API server would
 * hold after the seed tutorials' manifests were applied (services of every kind
 * CoreDNS answers for, their EndpointSlices as the endpointslice controller
 * writes them, and the namespaces).
 */
import type { Namespace, Service, ServicePort } from '../../api/core.ts';
import type { Endpoint, EndpointSlice } from '../../api/discovery.ts';
import type { KubeObject } from '../../api/meta.ts';

function namespace(name: string): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, status: { phase: 'Active' } };
}

function service(ns: string, name: string, spec: Service['spec']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace: ns, name }, spec };
}

function clusterIP(ns: string, name: string, ip: string, ports: ServicePort[], selector?: Record<string, string>): Service {
  return service(ns, name, { type: 'ClusterIP', clusterIP: ip, clusterIPs: [ip], ports, selector });
}

function headless(ns: string, name: string, ports: ServicePort[]): Service {
  return service(ns, name, { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports, selector: { app: name } });
}

function endpoint(ip: string, ready = true, hostname?: string, pod?: string): Endpoint {
  return {
    addresses: [ip],
    conditions: { ready, serving: ready, terminating: false },
    hostname,
    targetRef: pod ? { kind: 'Pod', namespace: 'default', name: pod } : undefined,
  };
}

function slice(ns: string, svc: string, suffix: string, endpoints: Endpoint[], ports: { name: string; port: number; protocol: 'TCP' | 'UDP' }[]): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      namespace: ns,
      name: `${svc}-${suffix}`,
      labels: { 'kubernetes.io/service-name': svc, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
    },
    addressType: 'IPv4',
    endpoints,
    ports,
  };
}

export const EXTERNAL_NAMES = new Map<string, string[]>([['api.somecompany.com', ['203.0.113.50']]]);

export function smallCluster(): KubeObject[] {
  return [
    namespace('default'),
    namespace('kube-system'),
    namespace('kube-public'),
    namespace('kube-node-lease'),
    namespace('local-path-storage'),
    clusterIP('default', 'kubernetes', '10.96.0.1', [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }]),
    slice('default', 'kubernetes', 'kpxq2', [endpoint('172.18.0.2')], [{ name: 'https', port: 6443, protocol: 'TCP' }]),
    clusterIP(
      'kube-system',
      'kube-dns',
      '10.96.0.10',
      [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
      { 'k8s-app': 'kube-dns' },
    ),
    slice(
      'kube-system',
      'kube-dns',
      'h6b5w',
      [endpoint('10.244.0.2', true, undefined, 'coredns-6f6b679f8f-4kxhz'), endpoint('10.244.0.3', true, undefined, 'coredns-6f6b679f8f-zsm9q')],
      [
        { name: 'dns-tcp', port: 53, protocol: 'TCP' },
        { name: 'dns', port: 53, protocol: 'UDP' },
        { name: 'metrics', port: 9153, protocol: 'TCP' },
      ],
    ),
    // Seed 000: my-nginx, one unnamed port.
    clusterIP('default', 'my-nginx', '10.96.162.149', [{ port: 80, protocol: 'TCP', targetPort: 80 }], { run: 'my-nginx' }),
    slice('default', 'my-nginx', 'x7wkq', [endpoint('10.244.1.7', true, undefined, 'my-nginx-3800858182-e9ihh'), endpoint('10.244.2.8', true, undefined, 'my-nginx-3800858182-j4rm4')], [
      { name: '', port: 80, protocol: 'TCP' },
    ]),
    // Seed 001: kubia with two named ports, kubia-headless with one not-ready pod.
    clusterIP(
      'default',
      'kubia',
      '10.96.249.153',
      [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 },
        { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
      ],
      { app: 'kubia' },
    ),
    headless('default', 'kubia-headless', [{ port: 80, protocol: 'TCP', targetPort: 8080 }]),
    slice(
      'default',
      'kubia-headless',
      'm9j8v',
      [endpoint('10.244.1.5', true, undefined, 'kubia-3inly'), endpoint('10.244.2.6', true, undefined, 'kubia-5asi2'), endpoint('10.244.1.9', false, undefined, 'kubia-8awf3')],
      [{ name: '', port: 8080, protocol: 'TCP' }],
    ),
    service('default', 'external-service', { type: 'ExternalName', externalName: 'api.somecompany.com', ports: [{ port: 80, protocol: 'TCP' }] }),
    service('default', 'dangling', { type: 'ExternalName', externalName: 'nowhere.example.org' }),
    service('default', 'alias', { type: 'ExternalName', externalName: 'my-nginx.default.svc.cluster.local' }),
    headless('default', 'empty-headless', [{ port: 80, protocol: 'TCP' }]),
    slice('default', 'empty-headless', 'q2zfd', [], []),
    clusterIP('default', 'no-endpoints', '10.96.77.7', [{ port: 80, protocol: 'TCP' }], { app: 'none' }),
    slice('default', 'no-endpoints', 'tl4bn', [], []),
    // A StatefulSet's governing service: endpoints with hostnames.
    headless('default', 'nginx-sts', [{ name: 'web', port: 80, protocol: 'TCP' }]),
    slice('default', 'nginx-sts', 'c8d2p', [endpoint('10.244.1.20', true, 'web-0', 'web-0'), endpoint('10.244.2.21', true, 'web-1', 'web-1')], [
      { name: 'web', port: 80, protocol: 'TCP' },
    ]),
  ];
}
