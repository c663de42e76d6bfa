import { before, describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../api/core.ts';
import type { ConnectOutcome } from './cluster-network.ts';
import { DOCKER_HOST_IP } from './network-source.ts';
import { NetworkTestCluster, podOn, serviceOf } from './testing/network-test-cluster.ts';

/**
 * Request paths end to end on a kind cluster built from the real components
 * (API server, controllers, scheduler, kubelets, kube-proxy, CoreDNS). What a
 * path does is kube-proxy's (FIDELITY §5): DNAT to an endpoint, MASQUERADE
 * when marked, REJECT without endpoints, no rule for a port the service does
 * not define, Local policy keeping the client address and dropping on nodes
 * without a local endpoint.
 */

const OUTSIDE = { kind: 'outside' as const, ip: DOCKER_HOST_IP };
const NODES = [
  { name: 'kind-control-plane', ip: '172.18.0.2' },
  { name: 'kind-worker', ip: '172.18.0.3' },
  { name: 'kind-worker2', ip: '172.18.0.4' },
];

function connected(outcome: ConnectOutcome): Extract<ConnectOutcome, { kind: 'connected' }> {
  if (outcome.kind !== 'connected') throw new Error(`expected a connection, got ${outcome.kind}: ${outcome.reason}`);
  return outcome;
}

function notReadyPod(name: string, node: string, labels: Record<string, string>): Pod {
  const pod = podOn(name, node, 'nginx', { labels, ports: [{ containerPort: 80 }] });
  // Nothing listens on 8080: the readiness probe never succeeds.
  pod.spec.containers[0].readinessProbe = { httpGet: { path: '/', port: 8080 } };
  return pod;
}

describe('ClusterNetwork: request paths (iptables mode)', () => {
  let c: NetworkTestCluster;
  let podIP: (name: string) => string;

  before(() => {
    c = new NetworkTestCluster({ loadBalancerPool: '172.18.255.200-172.18.255.250' });
    c.create(podOn('echo-1', 'kind-worker', 'registry.k8s.io/echoserver', { labels: { app: 'echo' }, ports: [{ containerPort: 8080 }] }));
    c.create(podOn('echo-2', 'kind-worker2', 'registry.k8s.io/echoserver', { labels: { app: 'echo' }, ports: [{ containerPort: 8080 }] }));
    c.create(podOn('local-1', 'kind-worker2', 'registry.k8s.io/echoserver', { labels: { app: 'local' }, ports: [{ containerPort: 8080 }] }));
    c.create(podOn('client', 'kind-worker', 'busybox', { command: ['sleep', '36000'] }));
    c.create(notReadyPod('unready-1', 'kind-worker', { app: 'unready' }));
    c.create(notReadyPod('unready-2', 'kind-worker2', { app: 'unready' }));
    for (let i = 1; i <= 3; i++) c.create(podOn(`sticky-${i}`, i === 2 ? 'kind-worker2' : 'kind-worker', 'nginx', { labels: { app: 'sticky' }, ports: [{ containerPort: 80 }] }));
    c.create(serviceOf('echo', { app: 'echo' }, [{ port: 80, targetPort: 8080, nodePort: 30080 }], { type: 'NodePort' }));
    c.create(serviceOf('local', { app: 'local' }, [{ port: 80, targetPort: 8080, nodePort: 30081 }], { type: 'NodePort', externalTrafficPolicy: 'Local' }));
    c.create(serviceOf('lb', { app: 'echo' }, [{ port: 8080, targetPort: 8080 }], { type: 'LoadBalancer' }));
    c.create(serviceOf('unready', { app: 'unready' }, [{ port: 80, targetPort: 80 }]));
    c.create(serviceOf('sticky', { app: 'sticky' }, [{ port: 80, targetPort: 80 }], { sessionAffinity: 'ClientIP' }));
    c.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'headless', namespace: 'default' }, spec: { clusterIP: 'None', selector: { app: 'echo' }, ports: [{ port: 8080 }] } });
    c.advance(60_000);
    podIP = (name) => c.pod(name).status!.podIP!;
  });

  it('pod -> ClusterIP -> pod: DNAT to an endpoint, the server sees the client pod', () => {
    const svc = c.service('echo').spec.clusterIP!;
    const out = connected(c.network.connect(c.fromPod('client'), { ip: svc, port: 80, protocol: 'TCP' }));
    expect([podIP('echo-1'), podIP('echo-2')]).to.include(out.serverAddress.ip);
    expect(out.serverAddress.port).to.equal(8080);
    expect(out.client.ip).to.equal(podIP('client'));
    expect(out.hops.map((h) => h.kind)).to.include.members(['service', 'iptables', 'dnat', 'pod']);
    expect(out.hops.some((h) => h.kind === 'snat')).to.equal(false);
  });

  for (const node of NODES) {
    it(`NodePort from outside on ${node.name}: answered, source masqueraded to a node-side address`, () => {
      const out = connected(c.network.connect(OUTSIDE, { ip: node.ip, port: 30080, protocol: 'TCP' }));
      expect(out.serverAddress.port).to.equal(8080);
      // kube-proxy's MASQUERADE: the node IP towards another node, the pod gateway (.1) towards a local pod.
      const endpointNode = c.pod(out.serverAddress.ip === podIP('echo-1') ? 'echo-1' : 'echo-2').spec.nodeName;
      const gateway = `10.244.${NODES.findIndex((n) => n.name === node.name)}.1`;
      expect(out.client.ip).to.equal(endpointNode === node.name ? gateway : node.ip);
    });
  }

  it('externalTrafficPolicy Local: the client address is kept on a node with an endpoint; other nodes drop', () => {
    const kept = connected(c.network.connect(OUTSIDE, { ip: '172.18.0.4', port: 30081, protocol: 'TCP' }));
    expect(kept.client.ip).to.equal(DOCKER_HOST_IP);
    const served = c.network.exchange(kept, { method: 'GET', target: '/', headers: [['Host', '172.18.0.4:30081']], scheme: 'http' });
    expect(served.kind === 'response' && served.response.body).to.contain(`client_address=${DOCKER_HOST_IP}`);
    const dropped = c.network.connect(OUTSIDE, { ip: '172.18.0.3', port: 30081, protocol: 'TCP' });
    expect(dropped.kind).to.equal('timeout');
    expect(dropped.kind !== 'connected' && dropped.reason).to.equal(
      'service default/local has externalTrafficPolicy Local and node kind-worker runs none of its ready endpoints: kube-proxy drops the packet there (ready endpoints run on kind-worker2)',
    );
  });

  it('LoadBalancer: the provider assigns an address; from outside it reaches an endpoint, masqueraded', () => {
    const address = c.service('lb').status?.loadBalancer?.ingress?.[0]?.ip;
    expect(address).to.equal('172.18.255.200');
    const out = connected(c.network.connect(OUTSIDE, { ip: address!, port: 8080, protocol: 'TCP' }));
    expect([podIP('echo-1'), podIP('echo-2')]).to.include(out.serverAddress.ip);
    expect(out.hops.some((h) => h.kind === 'node' && h.detail.includes('is announced by'))).to.equal(true);
    expect(out.client.ip).to.not.equal(DOCKER_HOST_IP);
  });

  it('ClientIP affinity sticks to one endpoint for 10800 s after the last use, then a new pick is made', () => {
    const svc = c.service('sticky').spec.clusterIP!;
    const ask = () => connected(c.network.connect(c.fromPod('client'), { ip: svc, port: 80, protocol: 'TCP' }));
    const first = ask();
    const chosen = new Set([first.serverAddress.ip]);
    for (let i = 0; i < 10; i++) chosen.add(ask().serverAddress.ip);
    expect(chosen.size).to.equal(1);
    // kube-proxy's `-m recent --rcheck --seconds 10800 --reap` rule is what matched.
    const rcheck = (o: ReturnType<typeof ask>) => o.hops.some((h) => h.kind === 'iptables' && h.detail.includes('--rcheck --seconds 10800 --reap'));
    c.advance(10_800_000);
    const atLimit = ask();
    expect([atLimit.serverAddress.ip, rcheck(atLimit)]).to.deep.equal([first.serverAddress.ip, true]);
    c.advance(10_800_001);
    expect(rcheck(ask())).to.equal(false);
  });

  it('no ready endpoint: REJECT, connection refused, explained from the pods', () => {
    const svc = c.service('unready').spec.clusterIP!;
    const out = c.network.connect(c.fromPod('client'), { ip: svc, port: 80, protocol: 'TCP' });
    expect(out.kind).to.equal('refused');
    expect(out.kind !== 'connected' && out.reason).to.equal('service default/unready has no ready endpoints: 2 pods match the selector, 0 ready');
    expect(out.hops.some((h) => h.kind === 'iptables' && h.detail.includes('"default/unready has no endpoints" -m tcp --dport 80 -j REJECT'))).to.equal(true);
  });

  it('a port the service does not define: no rule matches, the client times out', () => {
    const svc = c.service('echo').spec.clusterIP!;
    const out = c.network.connect(c.fromPod('client'), { ip: svc, port: 8080, protocol: 'TCP' });
    expect(out.kind).to.equal('timeout');
    expect(out.kind !== 'connected' && out.reason).to.equal(
      `${svc} belongs to service default/echo, which has no port 8080/TCP (its ports: 80/TCP): no kube-proxy rule matches, the packet leaves by the default route and is lost`,
    );
  });

  it('from outside, service and pod addresses are not routed', () => {
    const svc = c.service('echo').spec.clusterIP!;
    const toService = c.network.connect(OUTSIDE, { ip: svc, port: 80, protocol: 'TCP' });
    expect(toService.kind !== 'connected' && toService.reason).to.equal(
      `${svc} is in the service range 10.96.0.0/16, which only the nodes route: from outside use a NodePort, a LoadBalancer address or an Ingress`,
    );
    const toPod = c.network.connect(OUTSIDE, { ip: podIP('echo-1'), port: 8080, protocol: 'TCP' });
    expect(toPod.kind).to.equal('timeout');
  });

  it('a pod port nothing listens on: refused by the pod', () => {
    const out = c.network.connect(c.fromPod('client'), { ip: podIP('echo-1'), port: 9090, protocol: 'TCP' });
    expect(out.kind).to.equal('refused');
    expect(out.kind !== 'connected' && out.reason).to.equal(`pod default/echo-1 (${podIP('echo-1')}) has nothing listening on port 9090/TCP: it listens on 8080/TCP, 8443/TCP`);
  });

  // nginx `listen 127.0.0.1:80` binds the loopback address only: the pod IP answers RST (seed 001, 5.7).
  it('a server bound to 127.0.0.1: refused on the pod IP, answered on loopback inside the pod', () => {
    c.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'loopback-conf', namespace: 'default' }, data: { 'default.conf': 'server { listen 127.0.0.1:80; }\n' } });
    const pod = podOn('loopback', 'kind-worker2', 'nginx', { ports: [{ containerPort: 80 }] });
    pod.spec.containers[0].volumeMounts = [{ name: 'conf', mountPath: '/etc/nginx/conf.d' }];
    pod.spec.volumes = [{ name: 'conf', configMap: { name: 'loopback-conf' } }];
    c.create(pod);
    c.advance(60_000);
    const ip = podIP('loopback');
    const out = c.network.connect(c.fromPod('client'), { ip, port: 80, protocol: 'TCP' });
    expect(out.kind !== 'connected' && [out.kind, out.reason]).to.deep.equal(['refused', `pod default/loopback (${ip}) listens on 127.0.0.1:80/TCP only: connections to ${ip} are refused`]);
    expect(c.network.connect(c.fromPod('loopback'), { ip: '127.0.0.1', port: 80, protocol: 'TCP' }).kind).to.equal('connected');
  });

  it('headless service: DNS gives the ready pods, reached directly without kube-proxy', () => {
    const { answer } = c.network.dnsQuery(c.fromPod('client'), '10.96.0.10', 'headless.default.svc.cluster.local.', 'A');
    expect(answer !== 'timeout' && answer.answers.map((r) => (r.type === 'A' ? r.address : '')).sort()).to.deep.equal([podIP('echo-1'), podIP('echo-2')].sort());
    const out = connected(c.network.connect(c.fromPod('client'), { ip: podIP('echo-2'), port: 8080, protocol: 'TCP' }));
    expect(out.hops.some((h) => h.kind === 'dnat')).to.equal(false);
  });

  it('a node reaches a NodePort on 127.0.0.1 (kube-proxy 1.31 iptables.localhostNodePorts: true)', () => {
    const out = connected(c.network.connect(c.fromNode('kind-worker'), { ip: '127.0.0.1', port: 30080, protocol: 'TCP' }));
    expect(out.serverAddress.port).to.equal(8080);
  });

  it('ping: pod and node addresses answer, a ClusterIP never does in iptables mode', () => {
    expect(c.network.ping(c.fromPod('client'), podIP('echo-2'))).to.include({ replied: true, ttl: 62 });
    expect(c.network.ping(c.fromPod('client'), podIP('echo-1'))).to.include({ replied: true, ttl: 63 });
    expect(c.network.ping(c.fromPod('client'), '172.18.0.4')).to.include({ replied: true, ttl: 64 });
    const svc = c.network.ping(c.fromPod('client'), c.service('echo').spec.clusterIP!);
    expect(svc.replied).to.equal(false);
  });
});

describe('ClusterNetwork: IPVS mode', () => {
  let c: NetworkTestCluster;
  before(() => {
    c = new NetworkTestCluster({ proxyMode: 'ipvs' });
    c.create(podOn('web-1', 'kind-worker', 'nginx', { labels: { app: 'web' }, ports: [{ containerPort: 80 }] }));
    c.create(podOn('client', 'kind-worker2', 'busybox', { command: ['sleep', '3600'] }));
    c.create(serviceOf('web', { app: 'web' }, [{ port: 80, targetPort: 80 }]));
    c.create(serviceOf('none', { app: 'none' }, [{ port: 80, targetPort: 80 }]));
    c.advance(30_000);
  });

  it('a virtual service forwards to its real server, masquerading only traffic from outside the pod range', () => {
    const out = connected(c.network.connect(c.fromPod('client'), { ip: c.service('web').spec.clusterIP!, port: 80, protocol: 'TCP' }));
    expect(out.serverAddress.ip).to.equal(c.pod('web-1').status!.podIP);
    expect(out.client.ip).to.equal(c.pod('client').status!.podIP);
    expect(out.hops.some((h) => h.kind === 'ipvs')).to.equal(true);
  });

  it('a virtual service without real servers answers port unreachable: refused', () => {
    expect(c.network.connect(c.fromPod('client'), { ip: c.service('none').spec.clusterIP!, port: 80, protocol: 'TCP' }).kind).to.equal('refused');
  });

  it('ping to a ClusterIP is answered: the address is bound to kube-ipvs0 on every node', () => {
    expect(c.network.ping(c.fromPod('client'), c.service('web').spec.clusterIP!)).to.include({ replied: true, ttl: 64 });
  });
});
