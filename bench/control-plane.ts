/**
 * `npm run bench:control-plane`: 1,000 Deployments of 10 replicas and 1,000 Services on one
 * memory cluster. Prints the time for the API writes, for the controllers to settle (ReplicaSets,
 * pods created and scheduled), for the pods to run and the endpoints to fill (virtual time
 * advanced one second at a time until the API state shows convergence, see
 * control-plane-convergence.ts), and the memory used. Exits 1 when the workload has not converged
 * within the virtual time limit.
 *
 *   BENCH_DEPLOYMENTS=100 npm run bench:control-plane   (a smaller run)
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Deployment } from '../src/api/apps.ts';
import { MemoryCluster } from '../src/cluster/memory-cluster.ts';
import { applyProfileChange, defaultProfile } from '../src/cluster/profile.ts';
import { convergence, type Workload } from './control-plane-convergence.ts';

const DEPLOYMENTS = Number(process.env.BENCH_DEPLOYMENTS ?? 1000);
const REPLICAS = Number(process.env.BENCH_REPLICAS ?? 10);
// 10,000 pods need room: kind's /24 per node holds ~250 pods, so 50 workers.
const WORKERS = Math.max(2, Math.ceil((DEPLOYMENTS * REPLICAS) / 200));
/** Virtual time allowed for the pods to run (each node pulls its images one at a time). */
const VIRTUAL_LIMIT_SECONDS = 900;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
};

const [cluster, bootMs] = time(() => new MemoryCluster(applyProfileChange(defaultProfile(), { workers: WORKERS }), 'bench'));
const heapBefore = process.memoryUsage().heapUsed;
const workload: Workload = { namespace: 'default', names: Array.from({ length: DEPLOYMENTS }, (_, i) => `app-${i}`), replicas: REPLICAS };

const [, writeMs] = time(() => {
  for (const name of workload.names) {
    cluster.api.create<Deployment>({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: workload.namespace },
      spec: {
        replicas: REPLICAS,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] } },
      },
    });
    cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: workload.namespace }, spec: { selector: { app: name }, ports: [{ port: 80 }] } });
  }
});
const [, settleMs] = time(() => cluster.settle());
const scheduled = cluster.api.listShared('Pod', { namespace: workload.namespace, fieldSelector: 'spec.nodeName!=' }).length;

let peakRss = process.memoryUsage().rss;
const [virtualSeconds, runMs] = time(() => {
  let seconds = 0;
  while (!convergence(cluster.api, workload).done && seconds < VIRTUAL_LIMIT_SECONDS) {
    cluster.advance(1000);
    seconds++;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  return seconds;
});
const state = convergence(cluster.api, workload);
const memory = process.memoryUsage();
// heapUsed counts garbage not yet collected; after a full collection it is what the cluster keeps.
setFlagsFromString('--expose-gc');
(runInNewContext('gc') as () => void)();
const live = process.memoryUsage().heapUsed;

console.log(`cluster: ${WORKERS} workers, boot ${bootMs.toFixed(0)} ms`);
console.log(`${DEPLOYMENTS} Deployments x ${REPLICAS} replicas + ${DEPLOYMENTS} Services`);
console.log(`  API writes:                ${writeMs.toFixed(0)} ms`);
console.log(`  controllers settle:        ${settleMs.toFixed(0)} ms (ReplicaSets, ${scheduled} pods scheduled)`);
console.log(`  pods run, endpoints ready: ${runMs.toFixed(0)} ms for ${virtualSeconds} virtual seconds`);
console.log(
  `  converged:                 ${state.done ? 'yes' : 'NO'} (${state.deploymentsReady}/${DEPLOYMENTS} Deployments with ${REPLICAS} ready replicas, ` +
    `${state.servicesFull}/${DEPLOYMENTS} Services with ${REPLICAS} ready endpoints, ${state.podsRunningReady}/${DEPLOYMENTS * REPLICAS} pods Running and Ready)`,
);
console.log(`  time to converge:          ${(writeMs + settleMs + runMs).toFixed(0)} ms, ${virtualSeconds} virtual seconds`);
console.log(`  memory: heapUsed ${mb(memory.heapUsed)} (+${mb(memory.heapUsed - heapBefore)}; ${mb(live)} after a full GC), rss ${mb(memory.rss)} (peak ${mb(peakRss)})`);
if (!state.done) process.exitCode = 1;
