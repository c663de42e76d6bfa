import { describe, it } from 'node:test';
import { expect } from 'chai';
import { readRunSettings } from './run-settings.ts';

describe('readRunSettings', () => {
  const seed = () => 'fixed';
  it('defaults to the memory backend and a fresh seed', () => {
    const s = readRunSettings({}, {}, seed);
    expect(s).to.include({ backend: 'memory', seed: 'fixed', waitTimeoutSeconds: 120, waitIntervalSeconds: 1 });
  });
  it('takes the backend from the profile', () => {
    expect(readRunSettings({ backend: 'kind' }, {}, seed).backend).to.equal('kind');
  });
  it('lets the environment override the profile', () => {
    expect(readRunSettings({ backend: 'kind' }, { KUBE_SCENARIOS_BACKEND: 'kubeconfig' }, seed).backend).to.equal('kubeconfig');
  });
  it('replays a given seed', () => {
    expect(readRunSettings({}, { KUBE_SCENARIOS_SEED: 'c0ffee' }, seed).seed).to.equal('c0ffee');
  });
  it('refuses an unknown backend with the choices', () => {
    expect(() => readRunSettings({}, { KUBE_SCENARIOS_BACKEND: 'minikube' }, seed)).to.throw('unknown backend "minikube": choose one of memory, kind, kubeconfig');
  });
  it('refuses a nonsense timeout', () => {
    expect(() => readRunSettings({}, { KUBE_SCENARIOS_WAIT_TIMEOUT: 'soon' }, seed)).to.throw('KUBE_SCENARIOS_WAIT_TIMEOUT must be a positive number');
  });
  it('splits allowed contexts', () => {
    expect(readRunSettings({}, { KUBE_SCENARIOS_ALLOW_CONTEXT: 'a, b' }, seed).allowContexts).to.deep.equal(['a', 'b']);
  });
});
