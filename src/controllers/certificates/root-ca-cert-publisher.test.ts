import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { ConfigMap } from '../../api/core.ts';
import { createApiServer } from '../../apiserver/api-server.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { RootCaCertPublisher, ROOT_CA_CONFIGMAP } from './root-ca-cert-publisher.ts';

// Behaviour of pkg/controller/certificates/rootcacertpublisher/publisher.go (v1.31.4), and what
// `kubectl get configmaps` shows in a new namespace of the reference cluster.
function setup() {
  const clock = new VirtualClock();
  const random = new SeededRandom('publisher');
  const api = createApiServer({ clock, random: random.derive('apiserver'), kubernetesVersion: '1.31', serviceCIDR: '10.96.0.0/16' });
  const publisher = new RootCaCertPublisher({ api, clock, random }, 'PEM');
  const settle = () => {
    while (publisher.processQueue());
  };
  const cm = (namespace: string) => api.tryGet<ConfigMap>({ kind: 'ConfigMap', namespace, name: ROOT_CA_CONFIGMAP });
  return { api, settle, cm };
}

describe('RootCaCertPublisher', () => {
  it('publishes the CA into namespaces that existed before it started and into new ones', () => {
    const { api, settle, cm } = setup();
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    settle();
    expect(cm('default')?.data).to.deep.equal({ 'ca.crt': 'PEM' });
    expect(cm('team')?.metadata.annotations?.['kubernetes.io/description']).to.match(/^Contains a CA bundle/);
  });
  it('puts back a deleted or edited ConfigMap', () => {
    const { api, settle, cm } = setup();
    settle();
    api.delete({ kind: 'ConfigMap', namespace: 'default', name: ROOT_CA_CONFIGMAP });
    settle();
    expect(cm('default')?.data).to.deep.equal({ 'ca.crt': 'PEM' });
    api.update({ ...cm('default')!, data: { 'ca.crt': 'tampered' } });
    settle();
    expect(cm('default')?.data).to.deep.equal({ 'ca.crt': 'PEM' });
  });
});
