import { describe, it } from 'node:test';
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskedKubeletArgv, tunablesToMask } from './kubelet-launch.ts';

describe('tunablesToMask', () => {
  it('masks exactly the tunables whose machine value differs from what the kubelet wants', () => {
    // This machine's values when the reference cluster was first brought up.
    const machine: Record<string, string> = {
      'vm/overcommit_memory': '0\n',
      'vm/panic_on_oom': '0\n',
      'kernel/panic': '1\n',
      'kernel/panic_on_oops': '0\n',
      'kernel/keys/root_maxkeys': '1000000\n',
      'kernel/keys/root_maxbytes': '25000000\n',
    };
    expect(tunablesToMask((k) => machine[k])).to.deep.equal(['vm/overcommit_memory', 'kernel/panic', 'kernel/panic_on_oops']);
  });
});

describe('maskedKubeletArgv', () => {
  it('binds one file per masked tunable in a mount namespace of its own, then execs the kubelet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ks-sysctl-'));
    try {
      const argv = maskedKubeletArgv('/bin/kubelet', ['--v=1'], ['kernel/panic'], dir);
      expect(argv.slice(0, 5)).to.deep.equal(['unshare', '--mount', '--propagation', 'unchanged', '--']);
      expect(argv[7]).to.contain(`mount --bind ${dir}/kernel.panic /proc/sys/kernel/panic`);
      expect(argv.slice(8)).to.deep.equal(['kubelet', '/bin/kubelet', '--v=1']);
      expect(readFileSync(join(dir, 'kernel.panic'), 'utf8')).to.equal('10\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
