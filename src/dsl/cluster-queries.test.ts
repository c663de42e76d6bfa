import { describe, it } from 'node:test';
import { expect } from 'chai';
import { serviceEnvPrefix } from './cluster-queries.ts';

describe('serviceEnvPrefix', () => {
  it('upper-cases and turns dashes into underscores (pkg/kubelet/envvars)', () => {
    expect(serviceEnvPrefix('my-nginx')).to.equal('MY_NGINX');
    expect(serviceEnvPrefix('backend-database')).to.equal('BACKEND_DATABASE');
  });
});

import { nslookupAnswers } from './cluster-queries.ts';

// Outputs from seed 000 (busybox 1.22), seed 001 (bind) and busybox 1.36 (FIDELITY §6).
describe('nslookupAnswers', () => {
  it('reads the old busybox format', () => {
    expect(nslookupAnswers('Server:    10.0.0.10\nAddress 1: 10.0.0.10\n\nName:      my-nginx\nAddress 1: 10.0.162.149\n')).to.deep.equal(['10.0.162.149']);
  });
  it('reads bind\'s format with several addresses', () => {
    const out = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tkubia-headless.default.svc.cluster.local\nAddress: 10.244.2.5\nName:\tkubia-headless.default.svc.cluster.local\nAddress: 10.244.1.4\n';
    expect(nslookupAnswers(out)).to.deep.equal(['10.244.1.4', '10.244.2.5']);
  });
  it('finds nothing when the name does not resolve', () => {
    expect(nslookupAnswers("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find nope: NXDOMAIN\n")).to.deep.equal([]);
  });
});
