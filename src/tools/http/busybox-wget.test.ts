import { before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { NetworkTestCluster, podOn, serviceOf } from '../../network/testing/network-test-cluster.ts';
import { progressLine } from './busybox-wget.ts';
import { registerNetworkTools } from './register-network-tools.ts';

/**
 * busybox wget in a busybox pod, against the recordings of BusyBox 1.35.0's
 * wget (testdata/capture.sh): the same messages once the recorded address
 * 127.0.0.1:18080 is replaced by the service's.
 */
const CAPTURES = new URL('./testdata/busybox-wget-1.35.0/', import.meta.url);
const recorded = (name: string, stream: 'stdout' | 'stderr' | 'exit') => readFileSync(new URL(`${name}.${stream}`, CAPTURES), 'utf8');

describe('busybox wget in a pod', () => {
  let c: NetworkTestCluster;
  let web: string;
  let empty: string;
  const wget = (...args: string[]) => c.exec('bb', ['wget', ...args]);
  const forService = (text: string, address: string) => text.replaceAll('127.0.0.1:18080', `${address}:18080`).replaceAll('127.0.0.1:9998', `${address}:18080`).replaceAll('(127.0.0.1)', `(${address})`);

  before(() => {
    c = new NetworkTestCluster({ registerPrograms: (registry, network) => registerNetworkTools(registry, network) });
    c.create(podOn('web-1', 'kind-worker2', 'nginx', { labels: { app: 'web' }, ports: [{ containerPort: 80 }] }));
    c.create(podOn('bb', 'kind-worker', 'busybox', { command: ['sleep', '3600'] }));
    c.create(serviceOf('web', { app: 'web' }, [{ port: 18080, targetPort: 80 }]));
    c.create(serviceOf('empty', { app: 'none' }, [{ port: 18080, targetPort: 80 }]));
    c.advance(30_000);
    web = c.service('web').spec.clusterIP!;
    empty = c.service('empty').spec.clusterIP!;
  });

  it('saves to index.html with the recorded messages and progress line', async () => {
    const r = await wget(`http://${web}:18080/`);
    expect(r.exitCode).to.equal(Number(recorded('save', 'exit')));
    expect(r.stderr).to.equal(forService(recorded('save', 'stderr'), web).replace('    12  0:00:00', '   615  0:00:00'));
    expect(c.pod('bb') && (await c.exec('bb', ['cat', 'index.html'])).stdout).to.contain('<h1>Welcome to nginx!</h1>');
    const again = await wget(`http://${web}:18080/`);
    expect([again.stderr, again.exitCode]).to.deep.equal([`Connecting to ${web}:18080 (${web}:18080)\nwget: can't open 'index.html': File exists\n`, 1]);
  });

  it('-O - writes the body to stdout; -q silences the messages', async () => {
    const r = await wget('-O', '-', `http://${web}:18080/`);
    expect(r.stderr).to.equal(forService(recorded('stdout', 'stderr'), web).replace('    12  0:00:00', '   615  0:00:00'));
    expect(r.stdout).to.contain('<title>Welcome to nginx!</title>');
    const q = await wget('-q', '-O', '-', `http://${web}:18080/`);
    expect([q.stderr, q.stdout]).to.deep.equal([recorded('quiet-stdout', 'stderr'), r.stdout]);
  });

  it('bundled short options parse as getopt does (busybox 1.35.0 on this machine: `wget -qO- URL`, `-qZ`, `-qO`)', async () => {
    const bundled = await wget('-qO-', `http://${web}:18080/`);
    expect([bundled.stderr, bundled.exitCode]).to.deep.equal(['', 0]);
    expect(bundled.stdout).to.contain('<title>Welcome to nginx!</title>');
    const unknown = await wget('-qZ', `http://${web}:18080/`);
    expect([unknown.stderr.split('\n')[0], unknown.exitCode]).to.deep.equal(["wget: invalid option -- 'Z'", 1]);
    const missing = await wget('-qO');
    expect([missing.stderr.split('\n')[0], missing.exitCode]).to.deep.equal(["wget: option requires an argument -- 'O'", 1]);
  });

  it('errors: 404, bad address, connection refused (exit 1)', async () => {
    const missing = await wget(`http://${web}:18080/missing`);
    expect([missing.stderr, missing.exitCode]).to.deep.equal([forService(recorded('not-found', 'stderr'), web), Number(recorded('not-found', 'exit'))]);
    const bad = await wget('http://nosuchhost.invalid/');
    expect([bad.stderr, bad.exitCode]).to.deep.equal([recorded('bad-address', 'stderr'), 1]);
    const refused = await wget(`http://${empty}:18080/`);
    expect([refused.stderr, refused.exitCode]).to.deep.equal([forService(recorded('refused', 'stderr'), empty), 1]);
  });

  it('--spider only checks', async () => {
    const r = await wget('--spider', `http://${web}:18080/`);
    expect([r.stderr, r.exitCode]).to.deep.equal([forService(recorded('spider', 'stderr'), web), 0]);
  });

  it('names resolve through the pod resolv.conf: Connecting to NAME (IP:PORT)', async () => {
    const r = await wget('-O', '/dev/null', 'http://web:18080/');
    expect(r.stderr.split('\n')[0]).to.equal(`Connecting to web:18080 (${web}:18080)`);
  });

  it('-T limits the wait for a connection nothing answers', async () => {
    const before = c.clock.now();
    const r = await wget('-T', '3', `http://${web}:9999/`);
    expect([r.stderr, r.exitCode]).to.deep.equal([`Connecting to ${web}:9999 (${web}:9999)\nwget: download timed out\n`, 1]);
    expect(c.clock.now() - before).to.equal(3000);
  });

  it('progressLine: the name in 20 columns, a 32-star bar (libbb/progress.c, as recorded)', () => {
    expect(progressLine('index.html', 12)).to.equal('index.html           100% |********************************|    12  0:00:00 ETA\n');
  });
});
