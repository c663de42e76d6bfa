import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Service } from '../../api/core.ts';
import { createApiServer } from '../../apiserver/api-server.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { serviceEnvVarMap } from './envvars.ts';
import { ServiceVariablesCache } from './service-variables-cache.ts';

function service(namespace: string, name: string, port = 80): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { namespace, name }, spec: { ports: [{ port }] } };
}

describe('ServiceVariablesCache (the kubelet service variables per namespace)', () => {
  const api = createApiServer({ clock: new VirtualClock(), random: new SeededRandom('svc-cache'), kubernetesVersion: '1.31', serviceCIDR: '10.96.0.0/16' });
  api.create(service('default', 'kubernetes', 443));
  api.create(service('kube-system', 'kube-dns', 53));
  const cache = new ServiceVariablesCache(api);
  const fresh = (namespace: string, links: boolean) => serviceEnvVarMap(api.listShared<Service>('Service'), namespace, links);
  const same = (namespace: string, links: boolean) => expect([...cache.variables(namespace, links)]).to.deep.equal([...fresh(namespace, links)]);

  it('gives what getServiceEnvVarMap computes from every Service, and the same map while nothing changes', () => {
    same('default', true);
    same('kube-system', true);
    same('team', false);
    expect(cache.variables('default', true)).to.equal(cache.variables('default', true));
  });

  it("follows a namespace's Services, and keeps other namespaces' maps", () => {
    const kubeSystem = cache.variables('kube-system', true);
    api.create(service('default', 'web'));
    same('default', true);
    expect(cache.variables('default', true).has('WEB_SERVICE_HOST')).to.equal(true);
    expect(cache.variables('kube-system', true)).to.equal(kubeSystem);
    api.delete({ kind: 'Service', namespace: 'default', name: 'web' });
    expect(cache.variables('default', true).has('WEB_SERVICE_HOST')).to.equal(false);
  });

  it('follows default/kubernetes in every namespace, with or without service links', () => {
    cache.variables('kube-system', true);
    cache.variables('team', false);
    api.patch({ kind: 'Service', namespace: 'default', name: 'kubernetes' }, 'merge', { spec: { ports: [{ port: 8443 }] } });
    expect(cache.variables('team', false).get('KUBERNETES_SERVICE_PORT')).to.equal('8443');
    expect(cache.variables('kube-system', true).get('KUBERNETES_SERVICE_PORT')).to.equal('8443');
    same('kube-system', true);
  });
});
