import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ClusterObjectRef } from './created-objects.ts';
import { MANAGED_BY_LABEL, NamespaceLifecycle, OWNER_ANNOTATION, RUN_LABEL, SCENARIO_LABEL, type ManagedNamespace, type NamespaceApi } from './namespace-lifecycle.ts';

/** An in-test stand-in for the API server's namespaces and cluster-scoped objects. */
class FakeNamespaces implements NamespaceApi {
  readonly items = new Map<string, ManagedNamespace>();
  /** Cluster-scoped objects other than namespaces: `Kind/name` to labels. */
  readonly objects = new Map<string, Record<string, string>>();
  readonly deleted: string[] = [];
  /** Every call that changes something, in order. */
  readonly calls: string[] = [];
  /** How many reads a deleted object still answers (it is terminating). */
  lingerReads = 0;
  private readonly terminating = new Map<string, number>();
  private key(ref: ClusterObjectRef) {
    return `${ref.kind}/${ref.name}`;
  }
  async create(ns: ManagedNamespace) {
    if (this.items.has(ns.name)) throw new Error(`namespaces "${ns.name}" already exists`);
    this.items.set(ns.name, { ...ns, creationTimestamp: '2026-01-01T00:00:00Z' });
  }
  async delete(name: string) {
    this.items.delete(name);
    this.deleted.push(name);
  }
  async list(selector: string) {
    const [k, v] = selector.split('=');
    return [...this.items.values()].filter((n) => n.labels[k] === v);
  }
  async deletePods(namespace: string) {
    this.calls.push(`delete pods of ${namespace} grace 0`);
  }
  async labelsOf(ref: ClusterObjectRef) {
    const key = this.key(ref);
    const left = this.terminating.get(key);
    if (left !== undefined) {
      if (left === 0) {
        this.terminating.delete(key);
        this.items.delete(ref.name);
        this.objects.delete(key);
        return undefined;
      }
      this.terminating.set(key, left - 1);
    }
    return ref.kind === 'Namespace' ? this.items.get(ref.name)?.labels : this.objects.get(key);
  }
  async addLabels(ref: ClusterObjectRef, labels: Record<string, string>) {
    this.calls.push(`label ${this.key(ref)}`);
    if (ref.kind === 'Namespace') Object.assign(this.items.get(ref.name)!.labels, labels);
    else Object.assign(this.objects.get(this.key(ref))!, labels);
  }
  async deleteObject(ref: ClusterObjectRef) {
    this.calls.push(`delete ${this.key(ref)}`);
    this.terminating.set(this.key(ref), this.lingerReads);
  }
}

/** A clock whose sleep moves it on. */
const fakeClock = () => {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
};

const owner = (pid: number, alive: number[] = [pid], now = Date.parse('2026-01-01T00:10:00Z')) => ({ host: 'ci-1', pid, isAlive: (p: number) => alive.includes(p), now: () => now });

describe('NamespaceLifecycle', () => {
  it('makes a labelled namespace per scenario and deletes it after', async () => {
    const api = new FakeNamespaces();
    const life = new NamespaceLifecycle(api, 'r1', owner(42));
    const a = await life.create();
    const b = await life.create();
    expect(a).to.not.equal(b);
    expect(api.items.get(a)!.labels).to.deep.equal({ [MANAGED_BY_LABEL]: 'kube-scenarios', [RUN_LABEL]: 'r1' });
    expect(api.items.get(a)!.annotations[OWNER_ANNOTATION]).to.equal('ci-1/42');
    await life.delete(a);
    expect(api.items.has(a)).to.equal(false);
    expect(life.alive()).to.deep.equal([b]);
  });

  it('never deletes a namespace it did not make', async () => {
    const api = new FakeNamespaces();
    await api.create({ name: 'production', labels: {}, annotations: {} });
    const life = new NamespaceLifecycle(api, 'r1', owner(42));
    await life.delete('production').then(
      () => expect.fail('deleted a foreign namespace'),
      (e: Error) => expect(e.message).to.contain('was not made by this run'),
    );
    expect(api.items.has('production')).to.equal(true);
  });

  it('cleans namespaces of a killed run on this host, leaves live runs and unlabelled namespaces', async () => {
    const api = new FakeNamespaces();
    const killed = new NamespaceLifecycle(api, 'old', owner(7));
    const killedNs = await killed.create();
    const running = new NamespaceLifecycle(api, 'other', owner(8));
    const runningNs = await running.create();
    await api.create({ name: 'kube-system-like', labels: {}, annotations: {} });
    const next = new NamespaceLifecycle(api, 'new', owner(9, [8, 9]));
    expect(await next.cleanStale()).to.deep.equal([killedNs]);
    expect(api.items.has(runningNs)).to.equal(true);
    expect(api.items.has('kube-system-like')).to.equal(true);
  });

  it('cleans namespaces from other hosts only once they are an hour old', async () => {
    const api = new FakeNamespaces();
    await api.create({ name: 'ks-x-1-1', labels: { [MANAGED_BY_LABEL]: 'kube-scenarios', [RUN_LABEL]: 'x' }, annotations: { [OWNER_ANNOTATION]: 'laptop/1' } });
    const early = new NamespaceLifecycle(api, 'new', owner(9, [9], Date.parse('2026-01-01T00:30:00Z')));
    expect(await early.cleanStale()).to.deep.equal([]);
    const late = new NamespaceLifecycle(api, 'new', owner(9, [9], Date.parse('2026-01-01T01:30:00Z')));
    expect(await late.cleanStale()).to.deep.equal(['ks-x-1-1']);
  });

  it('labels the cluster-scoped objects a command created, and only those without our label', async () => {
    const api = new FakeNamespaces();
    const life = new NamespaceLifecycle(api, 'r1', owner(42));
    const scenario = await life.create();
    await api.create({ name: 'config', labels: {}, annotations: {} });
    api.objects.set('ClusterRole/pod-reader', {});
    api.objects.set('IngressClass/nginx', { 'app.kubernetes.io/name': 'ingress-nginx' });
    api.objects.set('StorageClass/ours', { [MANAGED_BY_LABEL]: 'kube-scenarios' });
    const stdout = [
      'namespace/config created',
      'clusterrole.rbac.authorization.k8s.io/pod-reader created',
      'ingressclass.networking.k8s.io/nginx configured', // existed before the scenario: not ours
      'storageclass.storage.k8s.io/ours created', // labelled already
      'namespace/dry created (dry run)',
      'deployment.apps/kubia created', // namespaced: goes with the namespace
      'namespace/vanished created', // deleted again by the same script
    ].join('\n');
    const labelled = await life.adopt(scenario, stdout);
    expect(labelled.map((r) => `${r.kind}/${r.name}`)).to.deep.equal(['Namespace/config', 'ClusterRole/pod-reader']);
    const ours = { [MANAGED_BY_LABEL]: 'kube-scenarios', [RUN_LABEL]: 'r1', [SCENARIO_LABEL]: scenario };
    expect(api.items.get('config')!.labels).to.deep.equal(ours);
    expect(api.objects.get('ClusterRole/pod-reader')).to.deep.equal(ours);
    expect(api.objects.get('IngressClass/nginx')).to.deep.equal({ 'app.kubernetes.io/name': 'ingress-nginx' });
    expect(life.alive()).to.deep.equal([scenario, 'config']);
  });

  it('ends a scenario: pods at once, then its objects and namespace, and waits until they are gone', async () => {
    const api = new FakeNamespaces();
    const life = new NamespaceLifecycle(api, 'r1', owner(42));
    const scenario = await life.create();
    await api.create({ name: 'config', labels: {}, annotations: {} });
    await life.adopt(scenario, 'namespace/config created\n');
    api.calls.length = 0;
    api.lingerReads = 3;
    const clock = fakeClock();
    await life.end(scenario, { timeoutSeconds: 10, ...clock });
    expect(api.calls).to.deep.equal([`delete pods of ${scenario} grace 0`, 'delete Namespace/config', `delete Namespace/${scenario}`]);
    expect(api.items.has(scenario)).to.equal(false);
    expect(api.items.has('config')).to.equal(false);
    expect(clock.now()).to.be.greaterThan(0);
    expect(life.alive()).to.deep.equal([]);
  });

  it('does not delete an object that no longer carries the scenario label', async () => {
    const api = new FakeNamespaces();
    const life = new NamespaceLifecycle(api, 'r1', owner(42));
    const scenario = await life.create();
    api.objects.set('ClusterRole/reader', {});
    await life.adopt(scenario, 'clusterrole.rbac.authorization.k8s.io/reader created');
    // Deleted and made again by someone else during the scenario.
    api.objects.set('ClusterRole/reader', { team: 'x' });
    await life.end(scenario, { timeoutSeconds: 10, ...fakeClock() });
    expect(api.objects.get('ClusterRole/reader')).to.deep.equal({ team: 'x' });
    expect(api.calls).to.not.include('delete ClusterRole/reader');
  });

  it('names what is still there when deletion outlasts the wait timeout', async () => {
    const api = new FakeNamespaces();
    const life = new NamespaceLifecycle(api, 'r1', owner(42));
    const scenario = await life.create();
    api.objects.set('ClusterRole/reader', {});
    await life.adopt(scenario, 'clusterrole.rbac.authorization.k8s.io/reader created');
    api.lingerReads = 1_000;
    await life.end(scenario, { timeoutSeconds: 5, ...fakeClock() }).then(
      () => expect.fail('did not time out'),
      (e: Error) => expect(e.message).to.equal(`after 5s the scenario's objects are still there: clusterrole.rbac.authorization.k8s.io/reader, namespace/${scenario}`),
    );
  });

  it('refuses to end a namespace it did not make', async () => {
    const api = new FakeNamespaces();
    await api.create({ name: 'production', labels: {}, annotations: {} });
    const life = new NamespaceLifecycle(api, 'r1', owner(42));
    await life.end('production', { timeoutSeconds: 1, ...fakeClock() }).then(
      () => expect.fail('ended a foreign namespace'),
      (e: Error) => expect(e.message).to.contain('was not made by this run'),
    );
    expect(api.calls).to.deep.equal([]);
  });
});
