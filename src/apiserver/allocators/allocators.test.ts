/**
 * ClusterIP and NodePort allocation. Band sizes and texts:
 * pkg/registry/core/service/ipallocator/bitmap.go (calculateRangeOffset) and
 * interfaces.go, portallocator/allocator.go; bands for kind's ranges: FIDELITY.md §2.
 */
import { describe, it } from 'node:test';
import { expect } from 'chai';
import { SeededRandom } from '../../random/seeded-random.ts';
import { AllocationError, ClusterIPAllocator, clusterIPStaticBand } from './cluster-ip-allocator.ts';
import { NodePortAllocator, NodePortOperation, nodePortStaticBand } from './node-port-allocator.ts';
import { parseCIDR, nthAddress } from './ipv4-cidr.ts';

function ipNumber(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).to.be.instanceOf(AllocationError);
    return (e as Error).message;
  }
  throw new Error('expected an allocation error');
}

describe('static band sizes (calculateRangeOffset)', () => {
  const ipTable: [string, number][] = [
    ['10.96.0.0/16', 256],
    ['10.96.0.0/12', 256],
    ['10.0.0.0/24', 16],
    ['10.0.0.0/22', 64],
    ['10.0.0.0/28', 0],
    ['10.0.0.0/27', 16],
  ];
  for (const [cidr, band] of ipTable) {
    it(`${cidr} reserves ${band} addresses`, () => void expect(clusterIPStaticBand(parseCIDR(cidr).size)).to.equal(band));
  }
  const portTable: [number, number][] = [
    [2768, 86],
    [100, 16],
    [10000, 128],
    [16, 0],
  ];
  for (const [size, band] of portTable) {
    it(`a port range of ${size} reserves ${band}`, () => void expect(nodePortStaticBand(size)).to.equal(band));
  }
});

describe('ClusterIPAllocator on kind 10.96.0.0/16', () => {
  it('allocates automatically from 10.96.1.1 up only', () => {
    const a = new ClusterIPAllocator('10.96.0.0/16', new SeededRandom('a'));
    for (let i = 0; i < 500; i++) {
      const ip = ipNumber(a.allocateNext());
      expect(ip).to.be.at.least(ipNumber('10.96.1.1'));
      expect(ip).to.be.at.most(ipNumber('10.96.255.254'));
    }
  });

  it('is a pure function of the seed', () => {
    const take = (seed: string) => {
      const a = new ClusterIPAllocator('10.96.0.0/16', new SeededRandom(seed));
      return [a.allocateNext(), a.allocateNext(), a.allocateNext()];
    };
    expect(take('s1')).to.deep.equal(take('s1'));
    expect(take('s1')).to.not.deep.equal(take('s2'));
  });

  it('lets the kubernetes service take the 1st address and kube-dns the 10th (FIDELITY §2)', () => {
    const a = new ClusterIPAllocator('10.96.0.0/16', new SeededRandom('a'));
    const cidr = parseCIDR('10.96.0.0/16');
    expect(nthAddress(cidr, 1)).to.equal('10.96.0.1');
    expect(nthAddress(cidr, 10)).to.equal('10.96.0.10');
    a.allocate('10.96.0.1');
    a.allocate('10.96.0.10');
    expect(a.has('10.96.0.10')).to.equal(true);
  });

  it('refuses taken and out-of-range addresses with the ipallocator texts', () => {
    const a = new ClusterIPAllocator('10.96.0.0/16', new SeededRandom('a'));
    a.allocate('10.96.0.10');
    expect(errorOf(() => a.allocate('10.96.0.10'))).to.equal('provided IP is already allocated');
    expect(errorOf(() => a.allocate('10.96.0.0'))).to.equal(
      'the provided IP (10.96.0.0) is not in the valid range. The range of valid IPs is 10.96.0.0/16',
    );
    expect(errorOf(() => a.allocate('10.96.255.255'))).to.equal(
      'the provided IP (10.96.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/16',
    );
    expect(errorOf(() => a.allocate('10.97.0.1'))).to.equal(
      'the provided IP (10.97.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/16',
    );
  });

  it('falls back to the static band when the dynamic band is full, then reports range is full', () => {
    // /27: 30 usable addresses, band of 16 (.1-.16), dynamic .17-.30.
    const a = new ClusterIPAllocator('10.0.0.0/27', new SeededRandom('full'));
    const first = Array.from({ length: 14 }, () => ipNumber(a.allocateNext()));
    expect(Math.min(...first)).to.equal(ipNumber('10.0.0.17'));
    expect(Math.max(...first)).to.equal(ipNumber('10.0.0.30'));
    const rest = Array.from({ length: 16 }, () => ipNumber(a.allocateNext()));
    expect(Math.min(...rest)).to.equal(ipNumber('10.0.0.1'));
    expect(Math.max(...rest)).to.equal(ipNumber('10.0.0.16'));
    expect(errorOf(() => a.allocateNext())).to.equal('range is full');
  });

  it('gives a released address back', () => {
    const a = new ClusterIPAllocator('10.0.0.0/29', new SeededRandom('r'));
    const all = Array.from({ length: 6 }, () => a.allocateNext());
    expect(new Set(all).size).to.equal(6);
    a.release(all[2]);
    expect(a.allocateNext()).to.equal(all[2]);
  });

  it('answers the network address on a dry run and keeps nothing', () => {
    const a = new ClusterIPAllocator('10.96.0.0/16', new SeededRandom('a'));
    expect(a.allocateNext(true)).to.equal('10.96.0.0');
    a.allocate('10.96.0.10', true);
    expect(a.has('10.96.0.10')).to.equal(false);
  });
});

describe('NodePortAllocator 30000-32767', () => {
  it('allocates automatically in 30086-32767 only (FIDELITY §2)', () => {
    const p = new NodePortAllocator({ min: 30000, max: 32767 }, new SeededRandom('p'));
    for (let i = 0; i < 500; i++) {
      const port = p.allocateNext();
      expect(port).to.be.within(30086, 32767);
    }
  });

  it('refuses taken and out-of-range ports with the portallocator texts', () => {
    const p = new NodePortAllocator({ min: 30000, max: 32767 }, new SeededRandom('p'));
    p.allocate(30080);
    expect(errorOf(() => p.allocate(30080))).to.equal('provided port is already allocated');
    expect(errorOf(() => p.allocate(29999))).to.equal('provided port is not in the valid range. The range of valid ports is 30000-32767');
    expect(errorOf(() => p.allocate(32768))).to.equal('provided port is not in the valid range. The range of valid ports is 30000-32767');
  });

  it('is exhausted after every port is taken, and released ports come back', () => {
    const p = new NodePortAllocator({ min: 30000, max: 30009 }, new SeededRandom('x'));
    const ports = Array.from({ length: 10 }, () => p.allocateNext()).sort();
    expect(ports).to.deep.equal([30000, 30001, 30002, 30003, 30004, 30005, 30006, 30007, 30008, 30009]);
    expect(errorOf(() => p.allocateNext())).to.equal('range is full');
    p.release(30004);
    expect(p.allocateNext()).to.equal(30004);
  });

  it('dry-run operations answer 32769, 32770 ... and allocate nothing (portallocator/operation.go)', () => {
    const p = new NodePortAllocator({ min: 30000, max: 32767 }, new SeededRandom('p'));
    const op = new NodePortOperation(p, true);
    expect([op.allocateNext(), op.allocateNext()]).to.deep.equal([32769, 32770]);
    op.allocate(30080);
    expect(p.has(30080)).to.equal(false);
  });

  it('an operation reverts its allocations and applies deferred releases on commit', () => {
    const p = new NodePortAllocator({ min: 30000, max: 32767 }, new SeededRandom('p'));
    const op = new NodePortOperation(p, false);
    op.allocate(30100);
    op.revert();
    expect(p.has(30100)).to.equal(false);
    p.allocate(30200);
    const op2 = new NodePortOperation(p, false);
    op2.releaseLater(30200);
    expect(p.has(30200)).to.equal(true);
    op2.commit();
    expect(p.has(30200)).to.equal(false);
  });
});
