import { describe, it } from 'node:test';
import { expect } from 'chai';
import { nthAddress } from './service-addresses.ts';

describe('nthAddress', () => {
  it('gives kind\'s kubernetes and kube-dns addresses', () => {
    expect(nthAddress('10.96.0.0/16', 1)).to.equal('10.96.0.1');
    expect(nthAddress('10.96.0.0/16', 10)).to.equal('10.96.0.10');
  });
  it('gives seed 000\'s addresses on a 10.0.0.0/16 range', () => {
    expect(nthAddress('10.0.0.0/16', 10)).to.equal('10.0.0.10');
  });
  it('carries into the next octet', () => {
    expect(nthAddress('10.96.0.250/24', 10)).to.equal('10.96.1.4');
  });
});
