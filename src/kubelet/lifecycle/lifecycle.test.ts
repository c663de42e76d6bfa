import { describe, it } from 'node:test';
import { expect } from 'chai';
import { Backoff } from './backoff.ts';
import { goDuration } from './go-duration.ts';
import { PodIPAllocator } from './pod-ip-allocator.ts';

describe('goDuration (time.Duration.String)', () => {
  const table: [number, string][] = [
    [0, '0s'],
    [512, '512ms'],
    [1200, '1.2s'],
    [6812, '6.812s'],
    [10_000, '10s'],
    [80_000, '1m20s'],
    [160_000, '2m40s'],
    [300_000, '5m0s'],
    [3_600_000, '1h0m0s'],
  ];
  for (const [ms, text] of table) {
    it(`${ms}ms -> ${text}`, () => {
      expect(goDuration(ms)).to.equal(text);
    });
  }
});

describe('Backoff (flowcontrol.Backoff as doBackOff uses it)', () => {
  it('restarts the first crash at once, then waits 10s, 20s, 40s ... capped at 300s', () => {
    const backoff = new Backoff();
    const delays: number[] = [];
    let now = 0;
    for (let crash = 0; crash < 8; crash++) {
      // The container exits at `now`; it restarts when no longer in back-off.
      if (backoff.inBackoffSince('c', now, now)) delays.push(backoff.get('c'));
      else delays.push(0);
      backoff.next('c', now);
      now += backoff.get('c') + 1000;
    }
    // The delay reported at each exit: none for the first (restart at once), then the armed value doubling.
    expect(delays).to.deep.equal([0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  });

  it('starts over after ten minutes without failures', () => {
    const backoff = new Backoff();
    backoff.next('c', 0);
    backoff.next('c', 1000);
    expect(backoff.get('c')).to.equal(20_000);
    backoff.next('c', 1000 + 600_001);
    expect(backoff.get('c')).to.equal(10_000);
  });
});

describe('PodIPAllocator (host-local round robin)', () => {
  it('hands out .2, .3 ... and does not reuse a released address at once', () => {
    const alloc = new PodIPAllocator();
    expect([alloc.allocate('10.244.1.0/24'), alloc.allocate('10.244.1.0/24'), alloc.allocate('10.244.1.0/24')]).to.deep.equal(['10.244.1.2', '10.244.1.3', '10.244.1.4']);
    alloc.release('10.244.1.2');
    expect(alloc.allocate('10.244.1.0/24')).to.equal('10.244.1.5');
  });

  it('wraps around at .254 and skips addresses in use', () => {
    const alloc = new PodIPAllocator();
    const all: (string | undefined)[] = [];
    for (let i = 0; i < 253; i++) all.push(alloc.allocate('10.244.2.0/24'));
    expect(all[0]).to.equal('10.244.2.2');
    expect(all[252]).to.equal('10.244.2.254');
    expect(alloc.allocate('10.244.2.0/24')).to.equal(undefined);
    alloc.release('10.244.2.7');
    expect(alloc.allocate('10.244.2.0/24')).to.equal('10.244.2.7');
  });
});
