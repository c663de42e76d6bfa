import { describe, it } from 'node:test';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { deletionCommands } from './interrupt-cleanup.ts';

describe('interrupt cleanup', () => {
  it('deletes each namespace with the run\'s own kubeconfig and context', () => {
    expect(deletionCommands({ namespaces: () => ['ks-a-1', 'ks-a-2'], kubeconfig: '/tmp/k', context: 'kind-x' })).to.deep.equal([
      ['--kubeconfig', '/tmp/k', '--context', 'kind-x', 'delete', 'namespace', 'ks-a-1', '--wait=false', '--ignore-not-found'],
      ['--kubeconfig', '/tmp/k', '--context', 'kind-x', 'delete', 'namespace', 'ks-a-2', '--wait=false', '--ignore-not-found'],
    ]);
  });

  it('runs the deletions when the process gets SIGTERM, then exits 143', async () => {
    // A stand-in kubectl on PATH records its arguments; the child registers a target and waits to be killed.
    const bin = mkdtempSync(join(tmpdir(), 'ks-int-'));
    const log = join(bin, 'calls.log');
    writeFileSync(join(bin, 'kubectl'), `#!/bin/sh\necho "$@" >> ${log}\n`);
    chmodSync(join(bin, 'kubectl'), 0o755);
    const script = `import { onInterrupt } from '${join(process.cwd(), 'src/backends/kubeconfig/interrupt-cleanup.ts')}';
onInterrupt({ namespaces: () => ['ks-run-1'], context: 'ctx' });
console.log('ready');
setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).to.equal(143);
    expect(readFileSync(log, 'utf8')).to.equal('--context ctx delete namespace ks-run-1 --wait=false --ignore-not-found\n');
  });
});
