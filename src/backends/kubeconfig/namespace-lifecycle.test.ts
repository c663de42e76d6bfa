import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MANAGED_BY_LABEL, NamespaceLifecycle, OWNER_ANNOTATION, RUN_LABEL, type ManagedNamespace, type NamespaceApi } from './namespace-lifecycle.ts';

/** An in-test stand-in for the API server's namespaces. */
class FakeNamespaces implements NamespaceApi {
  readonly items = new Map<string, ManagedNamespace>();
  readonly deleted: string[] = [];
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
}

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
});
