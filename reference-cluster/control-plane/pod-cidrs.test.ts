import { describe, it } from 'node:test';
import { expect } from 'chai';
import { podCidrPatch } from './pod-cidrs.ts';

describe('podCidrPatch', () => {
  it('sets podCIDR and podCIDRs together, as the range allocator patches them', () => {
    expect(JSON.parse(podCidrPatch('10.244.2.0/24'))).to.deep.equal({ spec: { podCIDR: '10.244.2.0/24', podCIDRs: ['10.244.2.0/24'] } });
  });
});
