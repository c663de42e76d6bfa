import { describe, it } from 'node:test';
import { expect } from 'chai';
import { realNodes } from './real-nodes.ts';

describe('realNodes', () => {
  it("are kind's default nodes in start order, with the pod CIDRs the controller-manager hands out in that order", () => {
    expect(realNodes().map((n) => [n.node, n.role, n.netns, n.address, n.podCidr])).to.deep.equal([
      ['kind-control-plane', 'control-plane', 'ks-control-plane', '172.18.0.2', '10.244.0.0/24'],
      ['kind-worker', 'worker', 'ks-worker', '172.18.0.3', '10.244.1.0/24'],
      ['kind-worker2', 'worker', 'ks-worker2', '172.18.0.4', '10.244.2.0/24'],
    ]);
  });
});
