/**
 * Services, EndpointSlices and node states the kube-proxy tests share (the
 * Go tests' makeTestService / makeTestEndpointSlice, and a kind node).
 */
import type { Protocol, Service } from '../../api/core.ts';
import type { EndpointSlice } from '../../api/discovery.ts';
import { ProxyState, type ProxyNodeConfig } from '../proxy-state.ts';

export function makeService(namespace: string, name: string, spec: Service['spec'], status?: Service['status']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace, name }, spec, status };
}

export interface TestEndpoint {
  ip: string;
  node?: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

export function makeSlice(namespace: string, service: string, endpoints: TestEndpoint[], ports: { name?: string; port: number; protocol?: Protocol }[], sliceNumber = 1): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { namespace, name: `${service}-${sliceNumber}`, labels: { 'kubernetes.io/service-name': service } },
    addressType: 'IPv4',
    endpoints: endpoints.map((e) => ({ addresses: [e.ip], nodeName: e.node, conditions: { ready: e.ready, serving: e.serving, terminating: e.terminating } })),
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
  };
}

/** NewFakeProxier's node (proxier_test.go): test-node, 192.168.0.2, pods 10.0.0.0/8. */
export function testNodeState(overrides: Partial<ProxyNodeConfig> = {}): ProxyState {
  return new ProxyState({ nodeName: 'test-node', nodeIPs: ['192.168.0.2', '192.168.1.2', '192.168.99.11'], clusterCIDR: '10.0.0.0/8', mode: 'iptables', ...overrides });
}

/** The services and slices of TestOverallIPTablesRules (pkg/proxy/iptables/proxier_test.go). */
export function overallState(overrides: Partial<ProxyNodeConfig> = {}): ProxyState {
  const state = testNodeState(overrides);
  state.applyServiceChange(makeService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP' }] }));
  state.applyServiceChange(
    makeService('ns2', 'svc2', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '172.30.0.42', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }], externalIPs: ['192.168.99.22'], healthCheckNodePort: 30000 }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } }),
  );
  state.applyServiceChange(makeService('ns3', 'svc3', { type: 'NodePort', clusterIP: '172.30.0.43', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3003 }] }));
  state.applyServiceChange(makeService('ns4', 'svc4', { type: 'NodePort', clusterIP: '172.30.0.44', externalIPs: ['192.168.99.33'], ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }] }));
  state.applyServiceChange(
    makeService(
      'ns5',
      'svc5',
      { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', clusterIP: '172.30.0.45', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3002 }], healthCheckNodePort: 30000, loadBalancerSourceRanges: [' 203.0.113.0/25'], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } },
      { loadBalancer: { ingress: [{ ip: '5.6.7.8' }] } },
    ),
  );
  state.applyServiceChange(makeService('ns6', 'svc6', { type: 'ClusterIP', clusterIP: '172.30.0.46', ports: [{ name: 'p80', port: 80, protocol: 'TCP', targetPort: 80 }] }));
  const p80 = [{ name: 'p80', port: 80 }];
  state.applyEndpointSliceChange(makeSlice('ns1', 'svc1', [{ ip: '10.180.0.1' }], p80));
  state.applyEndpointSliceChange(makeSlice('ns2', 'svc2', [{ ip: '10.180.0.2' }], p80));
  state.applyEndpointSliceChange(makeSlice('ns3', 'svc3', [{ ip: '10.180.0.3' }], p80));
  state.applyEndpointSliceChange(makeSlice('ns4', 'svc4', [{ ip: '10.180.0.4' }, { ip: '10.180.0.5', node: 'test-node' }], p80));
  state.applyEndpointSliceChange(makeSlice('ns5', 'svc5', [{ ip: '10.180.0.3' }], p80));
  return state;
}

/** A kind worker with the services a tutorial cluster has (the testdata/kind-node.* goldens). */
export function kindNodeState(overrides: Partial<ProxyNodeConfig> = {}): ProxyState {
  const state = new ProxyState({ nodeName: 'kind-worker', nodeIPs: ['172.18.0.3'], podCIDR: '10.244.1.0/24', clusterCIDR: '10.244.0.0/16', mode: 'iptables', ...overrides });
  state.applyServiceChange(makeService('default', 'kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] }));
  state.applyEndpointSliceChange(makeSlice('default', 'kubernetes', [{ ip: '172.18.0.2' }], [{ name: 'https', port: 6443 }]));
  state.applyServiceChange(makeService('kube-system', 'kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'metrics', port: 9153, protocol: 'TCP' }] }));
  state.applyEndpointSliceChange(
    makeSlice('kube-system', 'kube-dns', [{ ip: '10.244.0.2', node: 'kind-control-plane' }, { ip: '10.244.0.3', node: 'kind-control-plane' }], [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }, { name: 'metrics', port: 9153 }]),
  );
  state.applyServiceChange(makeService('default', 'web', { type: 'NodePort', clusterIP: '10.96.86.113', ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 31348 }], sessionAffinity: 'ClientIP' }));
  state.applyEndpointSliceChange(makeSlice('default', 'web', [{ ip: '10.244.1.5', node: 'kind-worker' }, { ip: '10.244.2.7', node: 'kind-worker2' }, { ip: '10.244.2.8', node: 'kind-worker2' }], [{ name: 'http', port: 8080 }]));
  state.applyServiceChange(
    makeService('default', 'lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', clusterIP: '10.96.5.5', ports: [{ port: 8080, protocol: 'TCP', nodePort: 30500 }], healthCheckNodePort: 32000 }, { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } }),
  );
  state.applyEndpointSliceChange(makeSlice('default', 'lb', [{ ip: '10.244.2.9', node: 'kind-worker2' }], [{ port: 80 }]));
  state.applyServiceChange(makeService('default', 'empty', { clusterIP: '10.96.9.9', ports: [{ port: 80, protocol: 'TCP' }] }));
  return state;
}
