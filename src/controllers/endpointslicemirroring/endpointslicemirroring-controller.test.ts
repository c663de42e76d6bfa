import { describe, it } from 'node:test';
import { expect } from 'chai';
import type { Endpoints } from '../../api/core.ts';
import type { EndpointSlice } from '../../api/discovery.ts';
import { service } from '../testing/manifests.ts';
import { testCluster } from '../testing/test-cluster.ts';
import { EndpointSliceMirroringController } from './endpointslicemirroring-controller.ts';

/** Seed 001: a selectorless service and its manual Endpoints. */
const manual = (): Endpoints => ({
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'external-service', namespace: 'default' },
  subsets: [{ addresses: [{ ip: '11.11.11.11' }, { ip: '22.22.22.22' }], ports: [{ port: 80, protocol: 'TCP' }] }],
});

describe('EndpointSliceMirroringController', () => {
  it('mirrors manual Endpoints of a selectorless service into a slice owned by the Endpoints', () => {
    const c = testCluster((deps) => [new EndpointSliceMirroringController(deps)]);
    c.api.create(service('external-service', undefined, [{ port: 80, protocol: 'TCP', targetPort: 80 }]));
    const ep = c.api.create(manual()).object;
    c.settle();
    const [slice] = c.api.list<EndpointSlice>('EndpointSlice');
    expect(slice.metadata.name).to.match(/^external-service-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.labels).to.deep.equal({
      'kubernetes.io/service-name': 'external-service',
      'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io',
    });
    expect(slice.metadata.ownerReferences).to.deep.equal([
      { apiVersion: 'v1', kind: 'Endpoints', name: 'external-service', uid: ep.metadata.uid, controller: true, blockOwnerDeletion: true },
    ]);
    expect([slice.addressType, slice.ports, slice.endpoints]).to.deep.equal([
      'IPv4',
      [{ name: '', port: 80, protocol: 'TCP' }],
      [
        { addresses: ['11.11.11.11'], conditions: { ready: true } },
        { addresses: ['22.22.22.22'], conditions: { ready: true } },
      ],
    ]);
  });

  it('does not mirror when the service has a selector or the Endpoints skip mirroring', () => {
    for (const variant of ['selector', 'skip-mirror']) {
      const c = testCluster((deps) => [new EndpointSliceMirroringController(deps)]);
      c.api.create(service('external-service', variant === 'selector' ? { app: 'x' } : undefined, [{ port: 80, protocol: 'TCP', targetPort: 80 }]));
      const ep = manual();
      if (variant === 'skip-mirror') ep.metadata.labels = { 'endpointslice.kubernetes.io/skip-mirror': 'true' };
      c.api.create(ep);
      c.settle();
      expect(c.api.list('EndpointSlice')).to.deep.equal([]);
    }
  });

  it('follows changes of the Endpoints and removes the slice with them', () => {
    const c = testCluster((deps) => [new EndpointSliceMirroringController(deps)]);
    c.api.create(service('external-service', undefined, [{ port: 80, protocol: 'TCP', targetPort: 80 }]));
    c.api.create(manual());
    c.settle();
    const ep = c.api.get<Endpoints>({ kind: 'Endpoints', namespace: 'default', name: 'external-service' });
    ep.subsets![0].addresses = [{ ip: '33.33.33.33' }];
    c.api.update(ep);
    c.settle();
    expect(c.api.list<EndpointSlice>('EndpointSlice')[0].endpoints!.map((e) => e.addresses[0])).to.deep.equal(['33.33.33.33']);
    c.api.delete({ kind: 'Endpoints', namespace: 'default', name: 'external-service' });
    c.settle();
    expect(c.api.list('EndpointSlice')).to.deep.equal([]);
  });
});
