import { describe, it } from 'node:test';
import { expect } from 'chai';
import { CoreDns } from './coredns-server.ts';
import { parseResolvConf } from './resolv-conf.ts';
import { candidateNames, StubResolver, type LibcFlavor } from './stub-resolver.ts';
import { FakeApiServer } from './testdata/fake-api-server.ts';
import { EXTERNAL_NAMES, smallCluster } from './testdata/small-cluster.ts';

// A pod's resolv.conf under dnsPolicy ClusterFirst (FIDELITY §6, kubelet pkg/kubelet/network/dns).
const POD_RESOLV_CONF = 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';
const conf = parseResolvConf(POD_RESOLV_CONF);

describe('parseResolvConf', () => {
  it('reads the kubelet-written pod resolv.conf', () => {
    expect(conf).to.deep.equal({
      nameservers: ['10.96.0.10'],
      search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      ndots: 5,
      timeoutSeconds: 5,
      attempts: 2,
    });
  });

  it('applies resolv.conf(5) defaults, comments, `domain` and caps', () => {
    expect(parseResolvConf('# node\ndomain example.org\nnameserver 172.18.0.1 ; docker\noptions ndots:20 attempts:3\n')).to.deep.equal({
      nameservers: ['172.18.0.1'],
      search: ['example.org'],
      ndots: 15,
      timeoutSeconds: 5,
      attempts: 3,
    });
  });
});

// Orders: glibc resolv/res_query.c, musl lookup_name.c, uClibc resolv.c (see stub-resolver.ts); the glibc
// rows were observed with getent ahosts against our server on this machine.
const orders: [string, LibcFlavor, string[]][] = [
  ['my-nginx', 'glibc', ['my-nginx.default.svc.cluster.local.', 'my-nginx.svc.cluster.local.', 'my-nginx.cluster.local.', 'my-nginx.']],
  ['my-nginx.default', 'glibc', ['my-nginx.default.default.svc.cluster.local.', 'my-nginx.default.svc.cluster.local.', 'my-nginx.default.cluster.local.', 'my-nginx.default.']],
  [
    'my-nginx.default.svc.cluster.local',
    'glibc',
    [
      'my-nginx.default.svc.cluster.local.default.svc.cluster.local.',
      'my-nginx.default.svc.cluster.local.svc.cluster.local.',
      'my-nginx.default.svc.cluster.local.cluster.local.',
      'my-nginx.default.svc.cluster.local.',
    ],
  ],
  ['kubernetes.default', 'musl', ['kubernetes.default.default.svc.cluster.local.', 'kubernetes.default.svc.cluster.local.', 'kubernetes.default.cluster.local.', 'kubernetes.default.']],
  ['a.b.c.d.e.f', 'glibc', ['a.b.c.d.e.f.', 'a.b.c.d.e.f.default.svc.cluster.local.', 'a.b.c.d.e.f.svc.cluster.local.', 'a.b.c.d.e.f.cluster.local.']],
  ['a.b.c.d.e.f', 'musl', ['a.b.c.d.e.f.']],
  ['my-nginx', 'uclibc', ['my-nginx.', 'my-nginx.default.svc.cluster.local.', 'my-nginx.svc.cluster.local.', 'my-nginx.cluster.local.']],
  ['my-nginx.default.svc.cluster.local.', 'glibc', ['my-nginx.default.svc.cluster.local.']],
];

describe('candidateNames with ndots:5', () => {
  for (const [name, flavor, expected] of orders) {
    it(`${flavor}: ${name}`, () => {
      expect(candidateNames(name, conf, flavor)).to.deep.equal(expected);
    });
  }
});

describe('StubResolver against CoreDNS', () => {
  const dns = new CoreDns({ api: new FakeApiServer(smallCluster()).asApiServer(), clusterDomain: 'cluster.local', externalNames: EXTERNAL_NAMES });
  const resolver = (flavor: LibcFlavor, text = POD_RESOLV_CONF) =>
    new StubResolver({ conf: parseResolvConf(text), flavor, transport: (_server, name, type) => dns.query(name, type) });
  const walk = (flavor: LibcFlavor, name: string) => {
    const lookup = resolver(flavor).lookupHost(name);
    return { status: lookup.status, addresses: lookup.addresses, queries: lookup.queries.map((q) => `${q.type} ${q.name} ${q.outcome}`) };
  };

  it('glibc: my-nginx is found at the first search domain, A and AAAA together', () => {
    expect(walk('glibc', 'my-nginx')).to.deep.equal({
      status: 'found',
      addresses: ['10.96.162.149'],
      queries: ['A my-nginx.default.svc.cluster.local. NOERROR', 'AAAA my-nginx.default.svc.cluster.local. NOERROR'],
    });
  });

  it('glibc: kubernetes.default goes through one NXDOMAIN first', () => {
    expect(walk('glibc', 'kubernetes.default').queries).to.deep.equal([
      'A kubernetes.default.default.svc.cluster.local. NXDOMAIN',
      'AAAA kubernetes.default.default.svc.cluster.local. NXDOMAIN',
      'A kubernetes.default.svc.cluster.local. NOERROR',
      'AAAA kubernetes.default.svc.cluster.local. NOERROR',
    ]);
  });

  it('uclibc: the bare name first, AAAA walk stops at NODATA, then the A walk', () => {
    expect(walk('uclibc', 'my-nginx').queries).to.deep.equal([
      'AAAA my-nginx. NXDOMAIN',
      'AAAA my-nginx.default.svc.cluster.local. NOERROR',
      'A my-nginx. NXDOMAIN',
      'A my-nginx.default.svc.cluster.local. NOERROR',
    ]);
  });

  it('reports NXDOMAIN after the whole walk, and the reverse name of an address', () => {
    expect(walk('musl', 'nosuch').status).to.equal('nxdomain');
    expect(resolver('glibc').lookupAddress('10.96.0.10').hostname).to.equal('kube-dns.kube-system.svc.cluster.local');
  });

  it('dnsPolicy Default: the node resolver knows no cluster names', () => {
    const node = new StubResolver({
      conf: parseResolvConf('nameserver 172.18.0.1\n'),
      flavor: 'glibc',
      transport: (server, name, type) => (server === '10.96.0.10' ? dns.query(name, type) : { rcode: 'NXDOMAIN', answers: [], authority: [], additional: [], authoritative: false, recursionAvailable: true }),
    });
    expect(node.lookupHost('my-nginx').status).to.equal('nxdomain');
  });

  it('a silent server ends the walk with a timeout and the waiting time', () => {
    const silent = new StubResolver({ conf, flavor: 'glibc', transport: () => 'timeout' });
    const lookup = silent.lookupHost('my-nginx');
    expect([lookup.status, lookup.waitedSeconds, lookup.queries.length]).to.deep.equal(['timeout', 10, 2]);
  });
});
