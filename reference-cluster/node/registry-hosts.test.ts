import { describe, it } from 'node:test';
import { expect } from 'chai';
import { hostsToml, registriesOf } from './registry-hosts.ts';

describe('registry hosts', () => {
  it('mirrors docker.io to the local registry ahead of registry-1.docker.io (containerd docs/hosts.md)', () => {
    expect(hostsToml('docker.io', 'http://127.0.0.1:5000')).to.equal(
      '# written by reference-cluster/node/registry-hosts.ts\nserver = "https://registry-1.docker.io"\n\n[host."http://127.0.0.1:5000"]\n  capabilities = ["pull", "resolve"]\n',
    );
  });

  it('finds the registries of imported image names, ignoring digest-only names', () => {
    expect(registriesOf(['docker.io/library/nginx:latest', 'sha256:abc', 'registry.k8s.io/pause:3.10', 'docker.io/luksa/kubia:latest'])).to.deep.equal(['docker.io', 'registry.k8s.io']);
  });
});
