/**
 * `npm run bench:control-plane`: 1,000 Deployments of 10 replicas and 1,000
 * Services on one memory cluster. Prints the time for the API writes, for the
 * controllers to converge (ReplicaSets, pods, EndpointSlices), for the pods to
 * run and the endpoints to fill (virtual time advanced until all are ready),
 * and the memory used. Prints figures; asserts nothing.
 *
 *   BENCH_DEPLOYMENTS=100 npm run bench:control-plane   (a smaller run)
 */
import type { Deployment } from '../src/api/apps.ts';
import type { EndpointSlice } from '../src/api/discovery.ts';
import { MemoryCluster } from '../src/cluster/memory-cluster.ts';
import { applyProfileChange, defaultProfile } from '../src/cluster/profile.ts';

const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 1000);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 10);
// 10,000 pods need room: kind's /24 per node holds ~250 pods, so 50 workers.
const WORKERS = Math.max(2, Math.ceil((DEPLOYMENTS * REPLICAS) / 200));

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
};

const [cluster, bootMs] = time(() => new MemoryCluster(applyProfileChange(defaultProfile(), { workers: WORKERS }), 'bench'));
const heapBefore = process.memoryUsage().heapUsed;

const [, writeMs] = time(() => {
  for (let i = 0; i < DEPLOYMENTS; i++) {
    const name = `app-${i}`;
    cluster.api.create<Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: 'default' },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] } },
      },
    });
    cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports: [{ port: 80 }] } });
  }
});
const [, settleMs] = time(() => cluster.settle());

const ready = () =>
  cluster.api.list<EndpointSlice>('EndpointSlice', { namespace: 'default' }).reduce((n, s) => n + (s.endpoints ?? []).filter((e) => e.conditions.ready).length, 0);
const [virtualSeconds, runMs] = time(() => {
  let seconds = 0;
  while (ready() < DEPLOYMENTS * REPLICAS && seconds < 600) {
    cluster.advance(5000);
    seconds += 5;
  }
  return seconds;
});
const heapAfter = process.memoryUsage();

console.log(`cluster: ${WORKERS} workers, boot ${bootMs.toFixed(0)} ms`);
console.log(`${DEPLOYMENTS} Deployments x ${REPLICAS} replicas + ${DEPLOYMENTS} Services`);
console.log(`  API writes:                ${writeMs.toFixed(0)} ms`);
console.log(`  controllers converge:      ${settleMs.toFixed(0)} ms (ReplicaSets, ${DEPLOYMENTS * REPLICAS} pods scheduled, slices)`);
console.log(`  pods run, endpoints ready: ${runMs.toFixed(0)} ms for ${virtualSeconds} virtual seconds (${ready()} ready endpoints)`);
console.log(`  total to converge:         ${(writeMs + settleMs + runMs).toFixed(0)} ms`);
console.log(`  memory: heapUsed ${mb(heapAfter.heapUsed)} (+${mb(heapAfter.heapUsed - heapBefore)}), rss ${mb(heapAfter.rss)}`);
