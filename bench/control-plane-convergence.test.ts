import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MemoryCluster } from '../src/cluster/memory-cluster.ts';
import { defaultProfile } from '../src/cluster/profile.ts';
import { convergence } from './control-plane-convergence.ts';

describe('control-plane bench: convergence from the API state', () => {
  it('is not done while pods start, and done once every Deployment, Service and pod is ready', () => {
    const cluster = new MemoryCluster(defaultProfile(), 'bench-convergence');
    const names = ['app-0', 'app-1'];
    for (const name of names) {
      cluster.api.create({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name, namespace: 'default' },
        spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] } } },
      });
      cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: name }, ports: [{ port: 80 }] } });
    }
    const workload = { namespace: 'default', names, replicas: 2 };
    cluster.settle();
    // Scheduled, not yet started: nothing is ready.
    expect(convergence(cluster.api, workload)).to.deep.equal({ deploymentsReady: 0, servicesFull: 0, podsRunningReady: 0, done: false });
    let seconds = 0;
    while (!convergence(cluster.api, workload).done && seconds < 120) {
      cluster.advance(1000);
      seconds++;
    }
    expect(convergence(cluster.api, workload)).to.deep.equal({ deploymentsReady: 2, servicesFull: 2, podsRunningReady: 4, done: true });
    // A Service that selects nothing is never full, so the workload is not done.
    expect(convergence(cluster.api, { ...workload, names: [...names, 'app-2'] }).done).to.equal(false);
  });
});
