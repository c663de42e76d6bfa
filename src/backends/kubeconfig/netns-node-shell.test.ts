import { describe, it } from 'node:test';
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { NetnsNodeShell } from './node-shell.ts';

function canMakeNamespaces(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to create a network namespace';
  try {
    execFileSync('ip', ['netns', 'list'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'the ip command (iproute2) is missing';
  }
}

describe('NetnsNodeShell', () => {
  it('refuses a malformed setting', () => {
    expect(() => NetnsNodeShell.fromSetting('kind-worker')).to.throw('node=netns pairs');
  });
  it('answers a node it does not know as the API server would', async () => {
    const shell = NetnsNodeShell.fromSetting('kind-worker=ks-worker');
    const [r] = await shell.run('kind-worker9', ['true'], { cwd: '/tmp', env: process.env, timeoutSeconds: 5 });
    expect(r).to.deep.equal({ stdout: '', stderr: 'Error from server (NotFound): nodes "kind-worker9" not found\n', exitCode: 1 });
  });
  const skip = canMakeNamespaces();
  it('runs each command inside the node namespace, with its exit status', { skip: skip ?? false }, async () => {
    const ns = `ks-test-${process.pid}`;
    execFileSync('ip', ['netns', 'add', ns]);
    try {
      const shell = NetnsNodeShell.fromSetting(`node-a=${ns}`);
      const results = await shell.run('node-a', ['ip -o link show | wc -l', 'exit 3'], { cwd: '/tmp', env: process.env, timeoutSeconds: 10 });
      // A fresh namespace has only its loopback interface.
      expect(results.map((r) => [r.stdout.trim(), r.exitCode])).to.deep.equal([['1', 0], ['', 3]]);
    } finally {
      execFileSync('ip', ['netns', 'delete', ns]);
    }
  });
});
