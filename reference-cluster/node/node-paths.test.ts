import { describe, it } from 'node:test';
import { expect } from 'chai';
import { MAX_SOCKET_PATH, nodePaths } from './node-paths.ts';

describe('nodePaths', () => {
  it("keeps containerd's sockets in the state directory when the path fits a socket", () => {
    const paths = nodePaths('/tmp/ks-e2e-node-abc123');
    expect(paths.socketDir).to.equal('/tmp/ks-e2e-node-abc123/containerd');
    expect(paths.containerdSocket).to.equal('/tmp/ks-e2e-node-abc123/containerd/containerd.sock');
  });

  it('moves them to a short directory of their own under /run when it does not (the default cache path does not)', () => {
    const stateDir = '/root/.cache/kube-scenarios/reference-cluster/run/nodes/ks-control-plane';
    const paths = nodePaths(stateDir);
    expect(paths.socketDir).to.match(/^\/run\/kube-scenarios\/node-[0-9a-f]{12}$/);
    expect(`${paths.containerdSocket}.ttrpc`.length).to.be.at.most(MAX_SOCKET_PATH);
    expect(nodePaths(stateDir).socketDir).to.equal(paths.socketDir);
    expect(nodePaths(`${stateDir}2`).socketDir).to.not.equal(paths.socketDir);
    expect(paths.containerdConfig).to.equal(`${stateDir}/containerd/config.toml`);
  });
});
