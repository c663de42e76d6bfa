import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ReplicaSet } from '../../api/apps.ts';
import type { Event, Pod, ReplicationController } from '../../api/core.ts';
import { createReplicationControllerManager } from '../replicationcontroller/replication-controller.ts';
import { createRunningPod } from '../testing/pods.ts';
import { testCluster, type TestCluster } from '../testing/test-cluster.ts';
import { createReplicaSetController } from './replica-set-controller.ts';

const rs = (replicas: number): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'kubia', namespace: 'default' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'kubia' } },
    template: { metadata: { labels: { app: 'kubia' }, annotations: { note: 'x' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } },
  },
});

const cluster = () => testCluster((deps) => [createReplicaSetController(deps), createReplicationControllerManager(deps)]);
const pods = (c: TestCluster) => c.api.list<Pod>('Pod');
const messages = (c: TestCluster, kind: string) =>
  c.api
    .list<Event>('Event')
    .filter((e) => e.involvedObject.kind === kind)
    .map((e) => [e.reason, e.message, e.source?.component]);

describe('ReplicaSet controller', () => {
  it('creates pods <rs>-xxxxx from the template with a controller reference, and records SuccessfulCreate', () => {
    const c = cluster();
    const owner = c.api.create(rs(2)).object;
    c.settle();
    const ps = pods(c);
    expect(ps).to.have.length(2);
    for (const p of ps) {
      expect(p.metadata.name).to.match(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).to.deep.equal({ app: 'kubia' });
      expect(p.metadata.annotations).to.deep.equal({ note: 'x' });
      expect(p.metadata.ownerReferences).to.deep.equal([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    // pkg/controller/controller_utils.go RealPodControl
    expect(messages(c, 'ReplicaSet').sort()).to.deep.equal(ps.map((p) => ['SuccessfulCreate', `Created pod: ${p.metadata.name}`, 'replicaset-controller']).sort());
    const status = c.api.get<ReplicaSet>({ kind: 'ReplicaSet', namespace: 'default', name: 'kubia' }).status;
    expect(status).to.deep.equal({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
  });

  it('adopts a matching orphan instead of creating a pod, and releases a pod whose labels change', () => {
    const c = cluster();
    createRunningPod(c.api, { name: 'orphan', labels: { app: 'kubia' }, ip: '10.244.1.9' });
    c.api.create(rs(1));
    c.settle();
    expect(pods(c).map((p) => p.metadata.name)).to.deep.equal(['orphan']);
    expect(pods(c)[0].metadata.ownerReferences?.[0].name).to.equal('kubia');
    const p = c.api.get<Pod>({ kind: 'Pod', namespace: 'default', name: 'orphan' });
    p.metadata.labels = { app: 'debug' };
    c.api.update(p);
    c.settle();
    expect(c.api.get<Pod>({ kind: 'Pod', namespace: 'default', name: 'orphan' }).metadata.ownerReferences).to.equal(undefined);
    expect(pods(c)).to.have.length(2);
  });

  it('deletes the surplus, not-ready pods first, and records SuccessfulDelete', () => {
    const c = cluster();
    c.api.create(rs(3));
    c.settle();
    const [a] = pods(c);
    c.kubelet.setReady(c.api, 'default', String(a.metadata.name), false);
    const owner = c.api.get<ReplicaSet>({ kind: 'ReplicaSet', namespace: 'default', name: 'kubia' });
    owner.spec.replicas = 2;
    c.api.update(owner);
    c.settle();
    expect(pods(c).map((p) => p.metadata.name)).to.not.include(a.metadata.name);
    expect(messages(c, 'ReplicaSet').filter((m) => m[0] === 'SuccessfulDelete')).to.deep.equal([['SuccessfulDelete', `Deleted pod: ${a.metadata.name}`, 'replicaset-controller']]);
  });
});

describe('ReplicationController manager', () => {
  it('runs the same loop with a map selector and the replication-controller event source', () => {
    const c = cluster();
    const rc: ReplicationController = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia', namespace: 'default' },
      spec: { replicas: 3, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    };
    c.api.create(rc);
    c.settle();
    expect(pods(c)).to.have.length(3);
    expect(pods(c)[0].metadata.ownerReferences?.[0]).to.deep.include({ apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia' });
    expect(messages(c, 'ReplicationController').map((m) => m[2])).to.deep.equal(['replication-controller', 'replication-controller', 'replication-controller']);
  });
});
