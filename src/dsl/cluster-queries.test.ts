import { describe, it } from 'node:test';
import { expect } from 'chai';
import { serviceEnvPrefix } from './cluster-queries.ts';

describe('serviceEnvPrefix', () => {
  it('upper-cases and turns dashes into underscores (pkg/kubelet/envvars)', () => {
    expect(serviceEnvPrefix('my-nginx')).to.equal('MY_NGINX');
    expect(serviceEnvPrefix('backend-database')).to.equal('BACKEND_DATABASE');
  });
});
