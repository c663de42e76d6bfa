import { describe, it } from 'node:test';
import { expect } from 'chai';
import { kindContextName, plannedNodes } from './node-names.ts';

// kind: pkg/cluster/internal/providers/common/namer_test.go
describe('kind node names', () => {
  it('name the control plane and workers as kind does', () => {
    expect(plannedNodes('kind', 0)).to.deep.equal([{ name: 'kind-control-plane', role: 'control-plane' }]);
    expect(plannedNodes('kind-test', 2).map((n) => n.name)).to.deep.equal(['kind-test-control-plane', 'kind-test-worker', 'kind-test-worker2']);
    expect(plannedNodes('ab1', 3).map((n) => `${n.role}:${n.name}`)).to.deep.equal(['control-plane:ab1-control-plane', 'worker:ab1-worker', 'worker:ab1-worker2', 'worker:ab1-worker3']);
  });
  it('name the context kind-CLUSTER', () => {
    expect(kindContextName('kind')).to.equal('kind-kind');
  });
});
