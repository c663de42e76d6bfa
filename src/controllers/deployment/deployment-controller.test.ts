import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Deployment, ReplicaSet } from '../../api/apps.ts';
import type { Event, Pod } from '../../api/core.ts';
import { GarbageCollector } from '../garbagecollector/garbage-collector.ts';
import { createReplicaSetController } from '../replicaset/replica-set-controller.ts';
import { deployment, myNginxTemplate } from '../testing/manifests.ts';
import { testCluster, type TestCluster } from '../testing/test-cluster.ts';
import { DeploymentController } from './deployment-controller.ts';

/** pod-template-hash of the defaulted seed 000 template, computed by Go (see pod-template-hash.test.ts). */
const HASH_NGINX = '65b446f6c4';

function cluster(): TestCluster {
  return testCluster((deps) => [new DeploymentController(deps), createReplicaSetController(deps), new GarbageCollector(deps)]);
}

const getDeployment = (c: TestCluster, name = 'my-nginx') => c.api.get<Deployment>({ kind: 'Deployment', namespace: 'default', name });
const replicaSets = (c: TestCluster) => c.api.list<ReplicaSet>('ReplicaSet');
const pods = (c: TestCluster) => c.api.list<Pod>('Pod');
const deploymentEvents = (c: TestCluster) =>
  c.api
    .list<Event>('Event')
    .filter((e) => e.involvedObject.kind === 'Deployment')
    .sort((a, b) => (String(a.metadata.name) < String(b.metadata.name) ? -1 : 1))
    .map((e) => `${e.reason} ${e.message}`);

function setImage(c: TestCluster, image: string): void {
  const d = getDeployment(c);
  d.spec.template = myNginxTemplate(image);
  c.api.update(d);
  c.settle();
}

function readyAllPending(c: TestCluster): void {
  for (;;) {
    const notReady = pods(c).find((p) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'False'));
    if (!notReady) return;
    c.kubelet.setReady(c.api, 'default', String(notReady.metadata.name), true);
    c.settle();
  }
}

describe('DeploymentController', () => {
  it('creates the ReplicaSet <deployment>-<pod-template-hash> with hash label, owner and annotations', () => {
    const c = cluster();
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.settle();
    const [rs] = replicaSets(c);
    const d = getDeployment(c);
    expect(rs.metadata.name).to.equal(`my-nginx-${HASH_NGINX}`);
    expect(rs.metadata.labels).to.deep.equal({ run: 'my-nginx', 'pod-template-hash': HASH_NGINX });
    expect(rs.spec.selector).to.deep.equal({ matchLabels: { run: 'my-nginx', 'pod-template-hash': HASH_NGINX } });
    expect(rs.spec.template?.metadata?.labels).to.deep.equal({ run: 'my-nginx', 'pod-template-hash': HASH_NGINX });
    // sync.go getNewReplicaSet / deployment_util.go SetNewReplicaSetAnnotations: max = 2 + maxSurge ceil(25% of 2)
    expect(rs.metadata.annotations).to.deep.equal({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '2',
      'deployment.kubernetes.io/max-replicas': '3',
    });
    expect(rs.metadata.ownerReferences).to.deep.equal([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'my-nginx', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect(d.metadata.annotations).to.deep.equal({ 'deployment.kubernetes.io/revision': '1' });
  });

  it('runs two pods named <rs>-<5 chars>, spread over the two workers', () => {
    const c = cluster();
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.settle();
    const ps = pods(c);
    expect(ps).to.have.length(2);
    for (const p of ps) expect(p.metadata.name).to.match(new RegExp(`^my-nginx-${HASH_NGINX}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(ps.map((p) => p.spec.nodeName).sort()).to.deep.equal(['kind-worker', 'kind-worker2']);
  });

  it('reports status and the Available / Progressing conditions of a complete rollout', () => {
    const c = cluster();
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.settle();
    const status = getDeployment(c).status!;
    expect({ ...status, conditions: undefined }).to.deep.equal({
      observedGeneration: 1,
      replicas: 2,
      updatedReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 2,
      unavailableReplicas: 0,
      conditions: undefined,
    });
    // sync.go calculateStatus, progress.go syncRolloutStatus
    expect(status.conditions!.map((x) => [x.type, x.status, x.reason, x.message])).to.deep.equal([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "my-nginx-${HASH_NGINX}" has successfully progressed.`],
    ]);
    expect(deploymentEvents(c)).to.deep.equal([`ScalingReplicaSet Scaled up replica set my-nginx-${HASH_NGINX} to 2`]);
  });

  it('is unavailable while no pod is ready', () => {
    const c = cluster();
    c.kubelet.autoReady = false;
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.settle();
    const status = getDeployment(c).status!;
    expect([status.readyReplicas, status.availableReplicas, status.unavailableReplicas]).to.deep.equal([0, 0, 2]);
    expect(status.conditions!.map((x) => [x.type, x.status, x.reason, x.message])).to.deep.equal([
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "my-nginx-${HASH_NGINX}" is progressing.`],
    ]);
  });

  it('rolls a template change out within maxSurge 1 / maxUnavailable 0 as new pods become ready', () => {
    const c = cluster();
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.settle();
    c.kubelet.autoReady = false;
    setImage(c, 'nginx:1.16.1');
    const newName = replicaSets(c).find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === '2')!.metadata.name;
    expect(pods(c)).to.have.length(3);
    readyAllPending(c);
    const sizes = Object.fromEntries(replicaSets(c).map((rs) => [rs.metadata.name, rs.spec.replicas]));
    expect(sizes).to.deep.equal({ [`my-nginx-${HASH_NGINX}`]: 0, [String(newName)]: 2 });
    // sync.go: creation says "to N", later scaling "to N from M".
    expect(deploymentEvents(c)).to.deep.equal([
      `ScalingReplicaSet Scaled up replica set my-nginx-${HASH_NGINX} to 2`,
      `ScalingReplicaSet Scaled up replica set ${newName} to 1`,
      `ScalingReplicaSet Scaled down replica set my-nginx-${HASH_NGINX} to 1 from 2`,
      `ScalingReplicaSet Scaled up replica set ${newName} to 2 from 1`,
      `ScalingReplicaSet Scaled down replica set my-nginx-${HASH_NGINX} to 0 from 1`,
    ]);
    expect(getDeployment(c).metadata.annotations?.['deployment.kubernetes.io/revision']).to.equal('2');
    expect(pods(c).every((p) => String(p.metadata.name).startsWith(`${newName}-`))).to.equal(true);
  });

  it('scales to 0 and back to 2 on the same ReplicaSet (seed 000)', () => {
    const c = cluster();
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.settle();
    const before = pods(c).map((p) => p.metadata.name);
    for (const replicas of [0, 2]) {
      const d = getDeployment(c);
      d.spec.replicas = replicas;
      c.api.update(d);
      c.settle();
    }
    expect(replicaSets(c)).to.have.length(1);
    const after = pods(c).map((p) => p.metadata.name);
    expect(after).to.have.length(2);
    expect(after.filter((n) => before.includes(n))).to.deep.equal([]);
    expect(deploymentEvents(c)).to.deep.equal([
      `ScalingReplicaSet Scaled up replica set my-nginx-${HASH_NGINX} to 2`,
      `ScalingReplicaSet Scaled down replica set my-nginx-${HASH_NGINX} to 0 from 2`,
      `ScalingReplicaSet Scaled up replica set my-nginx-${HASH_NGINX} to 2 from 0`,
    ]);
    expect(replicaSets(c)[0].metadata.annotations?.['deployment.kubernetes.io/desired-replicas']).to.equal('2');
  });

  it('replaces a deleted pod', () => {
    const c = cluster();
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.settle();
    const [victim] = pods(c);
    c.api.delete({ kind: 'Pod', namespace: 'default', name: String(victim.metadata.name) });
    c.settle();
    const names = pods(c).map((p) => p.metadata.name);
    expect(names).to.have.length(2);
    expect(names).to.not.include(victim.metadata.name);
  });

  it('with Recreate, scales the old ReplicaSet to zero before the new one comes up', () => {
    const c = cluster();
    c.api.create(deployment('my-nginx', 2, myNginxTemplate(), { strategy: { type: 'Recreate' } }));
    c.settle();
    setImage(c, 'nginx:1.16.1');
    const events = deploymentEvents(c);
    expect(events[1]).to.equal(`ScalingReplicaSet Scaled down replica set my-nginx-${HASH_NGINX} to 0 from 2`);
    expect(events[2]).to.match(/^ScalingReplicaSet Scaled up replica set my-nginx-[a-z0-9]+ to 2$/);
    expect(events).to.have.length(3);
  });

  it('deletes its ReplicaSets and pods with the Deployment (background cascade)', () => {
    const c = cluster();
    c.api.create(deployment('my-nginx', 2, myNginxTemplate()));
    c.settle();
    c.api.delete({ kind: 'Deployment', namespace: 'default', name: 'my-nginx' }, { propagationPolicy: 'Background' });
    c.settle();
    expect(replicaSets(c)).to.deep.equal([]);
    expect(pods(c)).to.deep.equal([]);
  });
});
