import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ReplicaSet } from '../../api/apps.ts';
import type { ConfigMap, Pod } from '../../api/core.ts';
import { DeploymentController } from '../deployment/deployment-controller.ts';
import { createReplicaSetController } from '../replicaset/replica-set-controller.ts';
import { deployment, myNginxTemplate } from '../testing/manifests.ts';
import { testCluster, type TestCluster } from '../testing/test-cluster.ts';
import { GarbageCollector } from './garbage-collector.ts';

function withDeployment(): TestCluster {
  const c = testCluster((deps) => [new DeploymentController(deps), createReplicaSetController(deps), new GarbageCollector(deps)]);
  c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
  c.settle();
  return c;
}

const count = (c: TestCluster) => [c.api.list('Deployment').length, c.api.list('ReplicaSet').length, c.api.list('Pod').length];

describe('GarbageCollector', () => {
  it('Background: the owner goes at once, then its ReplicaSet and pods', () => {
    const c = withDeployment();
    c.api.delete({ kind: 'Deployment', namespace: 'default', name: 'my-nginx' }, { propagationPolicy: 'Background' });
    expect(count(c)).to.deep.equal([0, 1, 2]);
    c.settle();
    expect(count(c)).to.deep.equal([0, 0, 0]);
  });

  it('Foreground: the owner waits with foregroundDeletion and a deletionTimestamp until its dependents are gone', () => {
    const c = withDeployment();
    c.api.delete({ kind: 'Deployment', namespace: 'default', name: 'my-nginx' }, { propagationPolicy: 'Foreground' });
    const waiting = c.api.get({ kind: 'Deployment', namespace: 'default', name: 'my-nginx' });
    expect(waiting.metadata.finalizers).to.deep.equal(['foregroundDeletion']);
    expect(waiting.metadata.deletionTimestamp).to.equal('2026-01-01T00:00:00Z');
    c.settle();
    expect(count(c)).to.deep.equal([0, 0, 0]);
  });

  it('Orphan: dependents stay, without the reference to the deleted owner', () => {
    const c = withDeployment();
    c.api.delete({ kind: 'Deployment', namespace: 'default', name: 'my-nginx' }, { propagationPolicy: 'Orphan' });
    c.settle();
    expect(count(c)).to.deep.equal([0, 1, 2]);
    const [rs] = c.api.list<ReplicaSet>('ReplicaSet');
    expect(rs.metadata.ownerReferences).to.equal(undefined);
    // The pods still belong to the ReplicaSet.
    expect(c.api.list<Pod>('Pod').every((p) => p.metadata.ownerReferences?.[0].kind === 'ReplicaSet')).to.equal(true);
  });

  it('keeps a dependent with another live owner and drops the dangling reference', () => {
    const c = testCluster((deps) => [new GarbageCollector(deps)]);
    const a = c.api.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } }).object;
    const b = c.api.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'default' } }).object;
    const ref = (o: typeof a) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: String(o.metadata.name), uid: String(o.metadata.uid) });
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'dep', namespace: 'default', ownerReferences: [ref(a), ref(b)] } });
    c.api.delete({ kind: 'ConfigMap', namespace: 'default', name: 'a' });
    c.settle();
    const dep = c.api.get({ kind: 'ConfigMap', namespace: 'default', name: 'dep' });
    expect(dep.metadata.ownerReferences).to.deep.equal([ref(b)]);
  });
});
