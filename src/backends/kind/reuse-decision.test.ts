import { describe, it } from 'node:test';
import { expect } from 'chai';
import { nodeLabels } from './cluster-labels.ts';
import { readKindOptions, resolveAddons } from './cluster-options.ts';
import type { ClusterState } from './provisioning-plan.ts';
import { decideReuse, type ExistingNode, type ReuseContext } from './reuse-decision.ts';

const options = (flags = {}, tags: string[] = []) => resolveAddons(readKindOptions(flags, {}), new Set(tags));
const finished: ClusterState = { provisioned: true, ingressNginx: false, loadBalancer: 'none' };
const context = (over: Partial<ReuseContext> = {}): ReuseContext => ({ state: finished, recreate: false, creatorAlive: () => false, ...over });
/** The nodes an earlier run made with `made` options. */
const earlier = (made = options(), running = true): ExistingNode[] =>
  ['kind-control-plane', 'kind-worker', 'kind-worker2'].map((name) => ({ name, running, labels: nodeLabels(made, name.endsWith('plane') ? 'control-plane' : 'worker', 'host:7') }));

describe('reusing a cluster of an earlier run', () => {
  it('creates when the name is free', () => {
    expect(decideReuse(options(), [], context())).to.deep.equal({ action: 'create' });
  });

  it('reuses a finished cluster made with the same options', () => {
    expect(decideReuse(options(), earlier(), context())).to.deep.equal({ action: 'reuse', state: finished });
  });

  it('reuses one with ingress for a run that needs none, and adds a LoadBalancer provider it lacks', () => {
    expect(decideReuse(options(), earlier(options({}, ['ingress'])), context()).action).to.equal('reuse');
    expect(decideReuse(options({}, ['loadbalancer']), earlier(), context()).action).to.equal('reuse');
  });

  it('never touches a cluster kube-scenarios did not make, even when asked to recreate', () => {
    const theirs: ExistingNode[] = [{ name: 'kind-control-plane', running: true, labels: { 'io.x-k8s.kind.cluster': 'kind', 'io.x-k8s.kind.role': 'control-plane' } }];
    const d = decideReuse(options(), theirs, context({ recreate: true }));
    expect(d.action).to.equal('refuse');
    expect(d.action === 'refuse' && d.message).to.include('kube-scenarios did not create it').and.include('KUBE_SCENARIOS_ALLOW_CONTEXT=kind-kind');
  });

  it('refuses one made with other options, naming the differences, unless told to recreate', () => {
    const d = decideReuse(options({ workers: '2', 'proxy-mode': 'ipvs' }), earlier(), context());
    expect(d).to.deep.equal({
      action: 'refuse',
      message: 'the kind cluster "kind" of an earlier run was made with other options (kubeProxyMode: "iptables" → "ipvs"): run with --recreate-cluster to replace it, or choose another --cluster-name',
    });
    expect(decideReuse(options({ 'proxy-mode': 'ipvs' }), earlier(), context({ recreate: true })).action).to.equal('recreate');
    expect(decideReuse(options({}, ['ingress']), earlier(), context()).action).to.equal('refuse');
  });

  it('refuses one whose nodes are not the ones the options name', () => {
    const d = decideReuse(options(), earlier().slice(0, 2), context());
    expect(d.action === 'refuse' && d.message).to.include('has nodes kind-control-plane, kind-worker, not kind-control-plane, kind-worker, kind-worker2');
  });

  it('replaces its own cluster when a node stopped or its creator died before finishing it', () => {
    expect(decideReuse(options(), earlier(options(), false), context())).to.deep.equal({ action: 'recreate', reason: 'node kind-control-plane, kind-worker, kind-worker2 is not running' });
    expect(decideReuse(options(), earlier(), context({ state: undefined }))).to.deep.equal({ action: 'recreate', reason: 'an earlier run stopped before the cluster was finished' });
  });

  it('waits for no one: a cluster another live run is still making is refused', () => {
    const d = decideReuse(options(), earlier(), context({ state: undefined, creatorAlive: (c) => c === 'host:7' }));
    expect(d.action === 'refuse' && d.message).to.include('is being created by another run (process host:7)');
  });
});
