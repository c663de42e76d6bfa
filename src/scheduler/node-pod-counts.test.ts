import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod } from '../api/core.ts';
import type { KubeObject } from '../api/meta.ts';
import { createApiServer } from '../apiserver/api-server.ts';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { controllerOf, newControllerRef } from '../controllers/owner-references.ts';
import { isPodActive } from '../controllers/pod-readiness.ts';
import { SeededRandom } from '../random/seeded-random.ts';
import { NodePodCounts } from './node-pod-counts.ts';

describe('NodePodCounts (the scheduler cache of pods per node)', () => {
  const api = createApiServer({ clock: new VirtualClock(), random: new SeededRandom('node-counts'), kubernetesVersion: '1.31', serviceCIDR: '10.96.0.0/16' });
  const owner = api.create<KubeObject>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace: 'default', name: 'rs' } }).object;
  const pod = (name: string, nodeName?: string, owned = true) =>
    api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { namespace: 'default', name, ...(owned ? { ownerReferences: [newControllerRef(owner)] } : {}) },
      spec: { containers: [{ name: 'c', image: 'nginx' }], ...(nodeName ? { nodeName } : {}) },
    });
  pod('before', 'node-a');
  const counts = new NodePodCounts(api);
  const uid = String(owner.metadata.uid);

  /** What the scheduler used to count by scanning every pod. */
  const scan = (node: string) => {
    const onNode = api.listShared<Pod>('Pod').filter((p) => p.spec.nodeName === node && isPodActive(p));
    return [onNode.filter((p) => controllerOf(p)?.uid === uid).length, onNode.length];
  };
  const check = () => {
    for (const node of ['node-a', 'node-b']) expect([counts.ofOwner(node, uid), counts.total(node)], node).to.deep.equal(scan(node));
  };

  it('counts bound pods per node and per controller, from before it started', () => {
    pod('pending');
    pod('a2', 'node-a');
    pod('b1', 'node-b', false);
    expect([counts.ofOwner('node-a', uid), counts.total('node-a')]).to.deep.equal([2, 2]);
    expect([counts.ofOwner('node-b', uid), counts.total('node-b')]).to.deep.equal([0, 1]);
    check();
  });

  it('counts a pod once bound, and no more once it terminates, finishes or is gone', () => {
    api.bind({ kind: 'Pod', namespace: 'default', name: 'pending' }, 'node-b');
    check();
    expect(counts.ofOwner('node-b', uid)).to.equal(1);
    // A bound pod is deleted gracefully: terminating, it no longer counts.
    api.delete({ kind: 'Pod', namespace: 'default', name: 'a2' });
    check();
    expect(counts.total('node-a')).to.equal(1);
    const b1 = api.get<Pod>({ kind: 'Pod', namespace: 'default', name: 'b1' });
    api.updateStatus<Pod>({ ...b1, status: { phase: 'Succeeded' } });
    check();
    api.delete({ kind: 'Pod', namespace: 'default', name: 'before' }, { gracePeriodSeconds: 0 });
    check();
    expect([counts.total('node-a'), counts.total('node-b')]).to.deep.equal([0, 1]);
  });
});
