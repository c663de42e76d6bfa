/**
 * The DNS environment of a pod in the small test cluster (src/coredns/testdata):
 * the kubelet's ClusterFirst resolv.conf and CoreDNS behind 10.96.0.10. Tests of
 * the client programs share it.
 */
import { CoreDns } from '../../coredns/coredns-server.ts';
import type { DnsAnswer } from '../../coredns/dns-message.ts';
import { FakeApiServer } from '../../coredns/testdata/fake-api-server.ts';
import { EXTERNAL_NAMES, smallCluster } from '../../coredns/testdata/small-cluster.ts';
import type { ProgramContext } from '../../shell/types.ts';
import type { DnsEnvironment } from './dns-environment.ts';

export const POD_RESOLV_CONF = 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';

export function podDnsEnvironment(overrides: Partial<DnsEnvironment> = {}): DnsEnvironment {
  const dns = new CoreDns({ api: new FakeApiServer(smallCluster()).asApiServer(), clusterDomain: 'cluster.local', externalNames: EXTERNAL_NAMES });
  return {
    resolvConf: () => POD_RESOLV_CONF,
    query: (server, name, type): DnsAnswer | 'timeout' => (server === '10.96.0.10' ? dns.query(name, type) : 'timeout'),
    from: 'pod default/dnsutils',
    ...overrides,
  };
}

/** A program context for `argv`, recording the seconds it sleeps. */
export function programContext(argv: string[], slept: number[] = []): ProgramContext {
  return {
    argv,
    stdin: '',
    env: new Map(),
    cwd: '/',
    fs: undefined as never,
    run: async () => ({ stdout: '', stderr: '', exitCode: 0 }),
    sleep: async (seconds) => void slept.push(seconds),
  };
}
