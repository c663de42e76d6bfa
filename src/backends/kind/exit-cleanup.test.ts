import { describe, it } from 'node:test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { removalCommand, removeOnExit } from './exit-cleanup.ts';

describe('removing the cluster when the run ends', () => {
  it('removes the nodes with their volumes', () => {
    expect(removalCommand({ nodes: ['kind-control-plane', 'kind-worker'] })).to.deep.equal(['rm', '--force', '--volumes', 'kind-control-plane', 'kind-worker']);
  });
  it('stops listening once the run removed the cluster itself', () => {
    const before = [process.listenerCount('exit'), process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];
    const stop = removeOnExit({ nodes: ['x'] }, '/bin/true');
    expect([process.listenerCount('exit'), process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).to.deep.equal(before.map((n) => n + 1));
    stop();
    expect([process.listenerCount('exit'), process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).to.deep.equal(before);
  });

  it('removes the nodes when the run is interrupted with Ctrl-C, and ends it with status 130, whatever other listeners do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'exit-cleanup-'));
    const docker = join(dir, 'docker');
    writeFileSync(docker, `#!/bin/sh\necho "$@" > ${join(dir, 'called')}\n`, { mode: 0o755 });
    writeFileSync(join(dir, 'kubeconfig'), 'secret');
    const module = new URL('./exit-cleanup.ts', import.meta.url).href;
    // Another SIGINT listener that leaves the exit to others, as signal-exit (a dependency's) does.
    const program = `process.on('SIGINT', () => {}); import { removeOnExit } from '${module}'; removeOnExit({ nodes: ['kind-control-plane'], kubeconfigPath: '${join(dir, 'kubeconfig')}' }, '${docker}'); console.log('ready'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', program], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).to.equal(130);
    expect(readFileSync(join(dir, 'called'), 'utf8')).to.equal('rm --force --volumes kind-control-plane\n');
    expect(() => readFileSync(join(dir, 'kubeconfig'))).to.throw(/ENOENT/);
  });
});
