import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SettingsError } from '../../backend/run-settings.ts';
import { handOff, KIND_CLUSTER_ENV, receiveHandle } from './cluster-handoff.ts';
import type { KindClusterHandle } from './kind-cluster.ts';

const handle: KindClusterHandle = {
  name: 'kind',
  context: 'kind-kind',
  kubeconfigPath: '/root/.cache/kube-scenarios/kind/kind/kubeconfig',
  nodes: ['kind-control-plane', 'kind-worker'],
  reused: true,
  capabilities: ['ingress'],
};

describe('handing the cluster to the workers', () => {
  it('goes through the environment, which parallel workers inherit, and the world parameters', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(handOff(handle, env)).to.deep.equal({ kindCluster: handle });
    expect(receiveHandle({ ...env })).to.deep.equal(handle);
  });
  it('is absent when cucumber was started without npm run features', () => {
    expect(receiveHandle({})).to.equal(undefined);
  });
  it('refuses a variable that does not describe a cluster', () => {
    expect(() => receiveHandle({ [KIND_CLUSTER_ENV]: '{' })).to.throw(SettingsError, 'is not the JSON');
    expect(() => receiveHandle({ [KIND_CLUSTER_ENV]: JSON.stringify({ ...handle, capabilities: ['teleport'] }) })).to.throw(SettingsError, 'does not describe a kind cluster');
  });
});
