import { before, describe, it } from 'node:test';
import { expect } from 'chai';
import { NetworkTestCluster, podOn, serviceOf } from '../../network/testing/network-test-cluster.ts';
import { registerNetworkTools } from '../http/register-network-tools.ts';

/**
 * ping from pods. The busybox lines follow `busybox ping -c 2 127.0.0.1` and a
 * DROPped address on this machine (BusyBox 1.35.0): `PING h (ip): 56 data
 * bytes`, `64 bytes from ip: seq=N ttl=T time=X ms`, an empty line, the
 * statistics, `round-trip min/avg/max`, exit 1 when all were lost.
 */
describe('ping', () => {
  let c: NetworkTestCluster;
  before(() => {
    c = new NetworkTestCluster({ registerPrograms: (registry, network) => registerNetworkTools(registry, network) });
    c.create(podOn('web-1', 'kind-worker2', 'nginx', { labels: { app: 'web' }, ports: [{ containerPort: 80 }] }));
    c.create(podOn('bb', 'kind-worker', 'busybox', { command: ['sleep', '3600'] }));
    c.create(serviceOf('web', { app: 'web' }, [{ port: 80 }]));
    c.advance(30_000);
  });

  it('a pod on another node answers (two routing hops: ttl 62); one echo a second on the virtual clock', async () => {
    const ip = c.pod('web-1').status!.podIP!;
    const start = c.clock.now();
    const r = await c.exec('bb', ['ping', '-c', '2', ip]);
    expect(r.stdout).to.equal(
      `PING ${ip} (${ip}): 56 data bytes\n64 bytes from ${ip}: seq=0 ttl=62 time=0.116 ms\n64 bytes from ${ip}: seq=1 ttl=62 time=0.113 ms\n\n--- ${ip} ping statistics ---\n2 packets transmitted, 2 packets received, 0% packet loss\nround-trip min/avg/max = 0.113/0.114/0.116 ms\n`,
    );
    expect(r.exitCode).to.equal(0);
    expect(c.clock.now() - start).to.equal(1000);
  });

  it('a ClusterIP never answers in iptables mode: 100% loss, exit 1 (seed 001: the service IP cannot be pinged)', async () => {
    const ip = c.service('web').spec.clusterIP!;
    const r = await c.exec('bb', ['ping', '-c', '3', '-W', '1', 'web']);
    expect(r.stdout).to.equal(`PING web (${ip}): 56 data bytes\n\n--- web ping statistics ---\n3 packets transmitted, 0 packets received, 100% packet loss\n`);
    expect(r.exitCode).to.equal(1);
    expect(r.traces![0].failure).to.match(/^10\.96\.\d+\.\d+ is a service address: kube-proxy in iptables mode only rewrites TCP\/UDP\/SCTP/);
  });

  it('an unknown name: bad address', async () => {
    const r = await c.exec('bb', ['ping', '-c', '1', 'nosuch']);
    expect([r.stderr, r.exitCode]).to.deep.equal(["ping: bad address 'nosuch'\n", 1]);
  });
});
