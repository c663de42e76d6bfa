import { describe, it } from 'node:test';
import { expect } from 'chai';
import { missingPackages } from './host-packages.ts';

describe('missingPackages', () => {
  it('asks nothing of a machine that has everything', () => {
    expect(missingPackages(2, () => true)).to.deep.equal([]);
  });

  it("names each missing package once; stage 1 needs none of the nodes' packages", () => {
    const none = () => false;
    expect(missingPackages(1, none)).to.deep.equal(['iproute2', 'openssl', 'curl', 'iptables', 'dnsutils']);
    expect(missingPackages(2, none)).to.include.members(['containerd', 'runc', 'containernetworking-plugins', 'debootstrap', 'libcap2-bin']);
    expect(new Set(missingPackages(2, none)).size).to.equal(missingPackages(2, none).length);
  });

  it('checks CNI plugins by their path (they are not on PATH)', () => {
    expect(missingPackages(2, (need) => need !== '/usr/lib/cni/ptp')).to.deep.equal(['containernetworking-plugins']);
  });
});
