import { describe, it } from 'node:test';
import { expect } from 'chai';
import { routesFor, routesFromNodeList } from './pod-routes.ts';

describe('pod routes', () => {
  const nodes = {
    items: [
      { metadata: { name: 'kind-control-plane' }, spec: { podCIDR: '10.244.0.0/24' }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: 'kind-control-plane' }] } },
      { metadata: { name: 'kind-worker' }, spec: { podCIDR: '10.244.1.0/24' }, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.3' }] } },
      { metadata: { name: 'kind-worker2' }, spec: {}, status: { addresses: [{ type: 'InternalIP', address: '172.18.0.4' }] } },
    ],
  };

  it('routes each node pod CIDR via its InternalIP, skipping nodes without a CIDR yet', () => {
    expect(routesFromNodeList(nodes)).to.deep.equal([
      { node: 'kind-control-plane', podCidr: '10.244.0.0/24', address: '172.18.0.2' },
      { node: 'kind-worker', podCidr: '10.244.1.0/24', address: '172.18.0.3' },
    ]);
  });

  it('gives a node the routes of the others only', () => {
    expect(routesFor('172.18.0.3', routesFromNodeList(nodes)).map((r) => r.node)).to.deep.equal(['kind-control-plane']);
  });
});
