import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { EndpointSlice } from '../../api/discovery.ts';
import { createApiServer } from '../../apiserver/api-server.ts';
import { VirtualClock } from '../../clock/virtual-clock.ts';
import { SeededRandom } from '../../random/seeded-random.ts';
import { Indexer } from './indexer.ts';
import { SERVICE_NAME_INDEX, serviceNameIndexValues, slicesOfService } from './service-name-index.ts';

describe('slicesOfService (EndpointSlices by their kubernetes.io/service-name label)', () => {
  it("finds a Service's slices in list order, not other Services' nor unlabelled ones", () => {
    const api = createApiServer({ clock: new VirtualClock(), random: new SeededRandom('name-index'), kubernetesVersion: '1.31', serviceCIDR: '10.96.0.0/16' });
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    const slices = new Indexer<EndpointSlice>(api, 'EndpointSlice', { [SERVICE_NAME_INDEX]: serviceNameIndexValues });
    const slice = (namespace: string, name: string, service?: string) =>
      api.create<EndpointSlice>({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { namespace, name, ...(service ? { labels: { 'kubernetes.io/service-name': service } } : {}) },
        addressType: 'IPv4',
        endpoints: [],
        ports: null,
      });
    slice('default', 'web-b', 'web');
    slice('default', 'web-a', 'web');
    slice('default', 'api-a', 'api');
    slice('default', 'loose');
    slice('other', 'web-c', 'web');
    expect(slicesOfService(slices, 'default', 'web').map((s) => s.metadata.name)).to.deep.equal(['web-a', 'web-b']);
    expect(slicesOfService(slices, 'other', 'web').map((s) => s.metadata.name)).to.deep.equal(['web-c']);
    api.patch({ kind: 'EndpointSlice', namespace: 'default', name: 'web-b' }, 'merge', { metadata: { labels: { 'kubernetes.io/service-name': 'api' } } });
    expect(slicesOfService(slices, 'default', 'web').map((s) => s.metadata.name)).to.deep.equal(['web-a']);
    expect(slicesOfService(slices, 'default', 'api').map((s) => s.metadata.name)).to.deep.equal(['api-a', 'web-b']);
  });
});
