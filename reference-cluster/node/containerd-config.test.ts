import { describe, it } from 'node:test';
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { containerdConfig } from './containerd-config.ts';
import { nodePaths } from './node-paths.ts';

describe('containerdConfig', () => {
  const paths = nodePaths('/state/ks-worker');
  const text = containerdConfig(paths, 'registry.k8s.io/pause:3.10');

  it('keeps everything of the node under its state directory', () => {
    expect(text).to.contain('root = "/state/ks-worker/containerd/root"');
    expect(text).to.contain('state = "/state/ks-worker/containerd/state"');
    expect(text).to.contain('address = "/state/ks-worker/containerd/containerd.sock"');
    expect(text).to.contain('conf_dir = "/state/ks-worker/cni/net.d"');
    expect(text).to.contain('config_path = "/state/ks-worker/containerd/certs.d"');
  });

  it('clamps OOM scores and keeps pod network namespaces under the state directory', () => {
    expect(text).to.contain('restrict_oom_score_adj = true');
    expect(text).to.contain('netns_mounts_under_state_dir = true');
  });

  it('is accepted by the installed containerd (containerd config dump)', (t) => {
    if (spawnSync('containerd', ['--version']).status !== 0) return t.skip('containerd is not installed (apt-get install containerd)');
    const dir = mkdtempSync(join(tmpdir(), 'ks-containerd-config-'));
    try {
      const file = join(dir, 'config.toml');
      writeFileSync(file, text);
      const dump = spawnSync('containerd', ['--config', file, 'config', 'dump'], { encoding: 'utf8' });
      expect(dump.status, dump.stderr).to.equal(0);
      expect(dump.stdout).to.contain('restrict_oom_score_adj = true');
      expect(dump.stdout).to.contain('sandbox_image = "registry.k8s.io/pause:3.10"');
      expect(dump.stdout).to.contain('BinaryName = "/usr/sbin/runc"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
