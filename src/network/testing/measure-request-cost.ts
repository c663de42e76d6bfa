/**
 * Prints what one request costs in the memory cluster's network, tool parsing
 * left out: a pod reaching a ClusterIP (kube-proxy's rules, DNAT, the nginx
 * image answering) and the same through DNS first. Run by hand:
 *   node --import tsx src/network/testing/measure-request-cost.ts
 * Prints figures only; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { MemoryFileSystem } from '../../shell/memory-fs.ts';
import { PlaceNetwork } from '../place-network.ts';
import { NetworkTestCluster, podOn, serviceOf } from './network-test-cluster.ts';

const cluster = new NetworkTestCluster({ proxyMode: (process.argv[2] as 'iptables' | 'ipvs') ?? 'iptables' });
for (let i = 0; i < 4; i++) cluster.create(podOn(`web-${i}`, i % 2 ? 'kind-worker' : 'kind-worker2', 'nginx', { labels: { app: 'web' }, ports: [{ containerPort: 80 }] }));
cluster.create(podOn('client', 'kind-worker', 'busybox', { command: ['sleep', '3600'] }));
cluster.create(serviceOf('web', { app: 'web' }, [{ port: 80, targetPort: 80 }]));
cluster.advance(30_000);
const ip = cluster.service('web').spec.clusterIP!;
const place = new PlaceNetwork(cluster.network, cluster.fromPod('client'), 'musl');
const fs = new MemoryFileSystem();
fs.mkdir('/etc', { recursive: true });
fs.writeFile('/etc/resolv.conf', 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');

function once(): void {
  const c = place.connect({ ip, port: 80, protocol: 'TCP' });
  if (c.kind !== 'connected') throw new Error(c.reason);
  place.exchange(c, { method: 'GET', target: '/', headers: [['Host', 'web']], scheme: 'http' });
}
for (let i = 0; i < 2000; i++) once();
let t = performance.now();
const N = 20_000;
for (let i = 0; i < N; i++) once();
console.log(`pod -> ClusterIP -> nginx pod, connect + HTTP answer: ${(((performance.now() - t) * 1000) / N).toFixed(1)} us`);
t = performance.now();
for (let i = 0; i < N; i++) {
  const c = place.connect({ ip, port: 80, protocol: 'TCP' });
  if (c.kind === 'connected') c.finish();
}
console.log(`pod -> ClusterIP, connect only (kube-proxy walk, delivery): ${(((performance.now() - t) * 1000) / N).toFixed(1)} us`);
t = performance.now();
for (let i = 0; i < 2000; i++) place.resolve('web', fs);
console.log(`name resolution web (musl, search list, CoreDNS through kube-proxy): ${(((performance.now() - t) * 1000) / 2000).toFixed(1)} us`);
