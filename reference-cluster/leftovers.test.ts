import { describe, it } from 'node:test';
import { expect } from 'chai';
import { describeLeftovers, type Leftovers } from './leftovers.ts';

const clean: Leftovers = { mounts: [], processes: [], namespaces: [], bridge: false, forwardRule: false, cgroups: [], logLinks: [], socketDirs: [] };

describe('describeLeftovers', () => {
  it('says nothing about a clean machine', () => {
    expect(describeLeftovers(clean)).to.deep.equal([]);
  });

  it('names each kind of leftover on a line', () => {
    const lines = describeLeftovers({ ...clean, mounts: ['/x/run/nodes/ks-worker/kubelet'], namespaces: ['ks-worker'], forwardRule: true, logLinks: ['a.log', 'b.log'] });
    expect(lines).to.deep.equal([
      'mounts: /x/run/nodes/ks-worker/kubelet',
      'network namespaces: ks-worker',
      'iptables FORWARD rule for ks-br0',
      'log links in /var/log/containers: 2',
    ]);
  });
});
