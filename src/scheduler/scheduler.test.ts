import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Event, Node, Pod } from '../api/core.ts';
import { createReplicaSetController } from '../controllers/replicaset/replica-set-controller.ts';
import { testCluster, type TestCluster } from '../controllers/testing/test-cluster.ts';
import { toleratesTaint } from './node-filters.ts';

const pod = (name: string, spec: Partial<Pod['spec']> = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx' }], schedulerName: 'default-scheduler', ...spec },
});
const get = (c: TestCluster, name: string) => c.api.get<Pod>({ kind: 'Pod', namespace: 'default', name });
const events = (c: TestCluster, name: string) => c.api.list<Event>('Event').filter((e) => e.involvedObject.name === name);

describe('Scheduler', () => {
  it('binds to a worker, sets PodScheduled and records Scheduled through events.k8s.io', () => {
    const c = testCluster(() => []);
    c.api.create(pod('curl'));
    c.settle();
    const p = get(c, 'curl');
    expect(p.spec.nodeName).to.be.oneOf(['kind-worker', 'kind-worker2']);
    expect(p.status?.conditions?.find((x) => x.type === 'PodScheduled')).to.deep.include({ status: 'True', lastProbeTime: null });
    const [e] = events(c, 'curl');
    expect([e.type, e.reason, e.message, e.action, e.reportingComponent, e.reportingInstance]).to.deep.equal([
      'Normal',
      'Scheduled',
      `Successfully assigned default/curl to ${p.spec.nodeName}`,
      'Binding',
      'default-scheduler',
      'default-scheduler-kind-control-plane',
    ]);
    expect(e.eventTime).to.match(/^2026-01-01T00:00:00\.\d{6}Z$/);
    expect(e.metadata.name).to.match(/^curl\.[0-9a-f]{16}$/);
  });

  it('reports FailedScheduling with the real message and PodScheduled False Unschedulable', () => {
    const c = testCluster(() => []);
    c.api.create(pod('picky', { nodeSelector: { disktype: 'ssd' } }));
    c.settle();
    const message =
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
    const p = get(c, 'picky');
    expect(p.spec.nodeName).to.equal(undefined);
    expect(p.status?.conditions).to.deep.equal([
      { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'Unschedulable', message },
    ]);
    expect(events(c, 'picky').map((e) => [e.type, e.reason, e.message])).to.deep.equal([['Warning', 'FailedScheduling', message]]);
    // A node that now matches lets it through.
    const worker = c.api.get<Node>({ kind: 'Node', name: 'kind-worker2' });
    worker.metadata.labels = { ...worker.metadata.labels, disktype: 'ssd' };
    c.api.update(worker);
    c.settle();
    expect(get(c, 'picky').spec.nodeName).to.equal('kind-worker2');
  });

  it('honours tolerations, unschedulable and not-ready nodes', () => {
    const c = testCluster(() => []);
    for (const name of ['kind-worker', 'kind-worker2']) {
      const n = c.api.get<Node>({ kind: 'Node', name });
      if (name === 'kind-worker') {
        n.spec.unschedulable = true;
        c.api.update(n);
      } else {
        n.status.conditions = [{ type: 'Ready', status: 'False' }];
        c.api.updateStatus(n);
      }
    }
    c.api.create(pod('blocked'));
    c.api.create(pod('tolerant', { tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] }));
    c.settle();
    expect(get(c, 'blocked').status?.conditions?.[0].message).to.equal(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 1 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
    expect(get(c, 'tolerant').spec.nodeName).to.equal('kind-control-plane');
  });

  it('spreads the replicas of one owner over the workers', () => {
    const c = testCluster((deps) => [createReplicaSetController(deps)]);
    c.api.create({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    c.settle();
    const perNode = new Map<string, number>();
    for (const p of c.api.list<Pod>('Pod')) perNode.set(p.spec.nodeName!, (perNode.get(p.spec.nodeName!) ?? 0) + 1);
    expect(Object.fromEntries(perNode)).to.deep.equal({ 'kind-worker': 2, 'kind-worker2': 2 });
  });

  it('ignores pods for another scheduler and pods already bound', () => {
    const c = testCluster(() => []);
    c.api.create(pod('other', { schedulerName: 'my-scheduler' }));
    c.api.create(pod('preset', { nodeName: 'kind-control-plane' }));
    c.settle();
    expect(get(c, 'other').spec.nodeName).to.equal(undefined);
    expect(events(c, 'preset')).to.deep.equal([]);
  });
});

describe('toleratesTaint (k8s.io/api core/v1 toleration.go)', () => {
  const taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };
  const table: [string, Parameters<typeof toleratesTaint>[0], boolean][] = [
    ['Exists with key', { key: taint.key, operator: 'Exists' }, true],
    ['Exists without key tolerates all', { operator: 'Exists' }, true],
    ['Equal with empty value', { key: taint.key, operator: 'Equal', value: '' }, true],
    ['Equal with another value', { key: taint.key, value: 'x' }, false],
    ['other effect', { key: taint.key, operator: 'Exists', effect: 'NoExecute' }, false],
    ['other key', { key: 'x', operator: 'Exists' }, false],
  ];
  for (const [name, toleration, expected] of table) {
    it(name, () => {
      expect(toleratesTaint(toleration, taint)).to.equal(expected);
    });
  }
});
