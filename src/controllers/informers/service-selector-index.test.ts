import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Pod, Service } from '../../api/core.ts';
import { createApiServer } from '../../apiserver/api-server.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { serviceSelects } from '../endpoint-pods.ts';
import { Indexer } from './indexer.ts';
import { SERVICE_SELECTOR_INDEX, serviceSelectorIndexValues, servicesSelecting } from './service-selector-index.ts';

describe('servicesSelecting (GetPodServiceMemberships through a selector index)', () => {
  const api = createApiServer({ clock: new VirtualClock(), random: new SeededRandom('selector-index'), kubernetesVersion: '1.31', serviceCIDR: '10.96.0.0/16' });
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
  const services = new Indexer<Service>(api, 'Service', { [SERVICE_SELECTOR_INDEX]: serviceSelectorIndexValues });
  const service = (namespace: string, name: string, selector?: Record<string, string>) =>
    api.create<Service>({ apiVersion: 'v1', kind: 'Service', metadata: { namespace, name }, spec: { ...(selector ? { selector } : {}), ports: [{ port: 80 }] } });
  service('default', 'web', { app: 'web' });
  service('default', 'all-tiers', { tier: 'front' });
  service('default', 'web-front', { tier: 'front', app: 'web' });
  service('default', 'api', { app: 'api' });
  service('default', 'selectorless');
  service('default', 'empty-selector', {});
  service('other', 'web', { app: 'web' });
  const pod = (labels: Record<string, string>, namespace = 'default'): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name: 'p', labels }, spec: { containers: [] } });

  // Rows: pod labels, namespace, the Services that select the pod.
  const table: [Record<string, string>, string, string[]][] = [
    [{ app: 'web', tier: 'front' }, 'default', ['all-tiers', 'web', 'web-front']],
    [{ app: 'web' }, 'default', ['web']],
    [{ app: 'web' }, 'other', ['web']],
    [{ tier: 'back' }, 'default', []],
    [{}, 'default', []],
  ];
  for (const [labels, namespace, expected] of table) {
    it(`${JSON.stringify(labels)} in ${namespace}: ${expected.join(', ') || 'none'}`, () => {
      const found = servicesSelecting(services, pod(labels, namespace));
      expect(found.map((s) => s.metadata.name)).to.deep.equal(expected);
      // The same as matching every Service of the namespace, in list order.
      const all = api.listShared<Service>('Service', { namespace }).filter((s) => serviceSelects(s, labels));
      expect(found).to.deep.equal([...all]);
    });
  }

  it('follows a selector change', () => {
    api.patch({ kind: 'Service', namespace: 'default', name: 'api' }, 'merge', { spec: { selector: { app: 'web' } } });
    expect(servicesSelecting(services, pod({ app: 'web' })).map((s) => s.metadata.name)).to.deep.equal(['api', 'web']);
  });
});
