import { describe, it } from 'node:test';
import { expect } from 'chai';
import { VirtualClock } from '../clock/virtual-clock.ts';
import { CoreDns } from './coredns-server.ts';
import type { DnsAnswer, QueryType } from './dns-message.ts';
import { describeRecords } from './stub-resolver.ts';
import { FakeApiServer } from './testdata/fake-api-server.ts';
import { EXTERNAL_NAMES, smallCluster } from './testdata/small-cluster.ts';

function server(clock?: VirtualClock): { dns: CoreDns; api: FakeApiServer } {
  const api = new FakeApiServer(smallCluster());
  return { api, dns: new CoreDns({ api: api.asApiServer(), clusterDomain: 'cluster.local', externalNames: EXTERNAL_NAMES, clock }) };
}

function summary(answer: DnsAnswer): string {
  const flags = `${answer.authoritative ? 'aa' : ''}${answer.recursionAvailable ? ' ra' : ''}`.trim();
  return [answer.rcode, flags, ...describeRecords(answer), ...answer.authority.map((r) => `ns:${r.type} ${r.name}`), ...answer.additional.map((r) => `ar:${r.type} ${r.name} ${'address' in r ? r.address : ''}`)].join(' | ');
}

const SOA = 'ns:SOA cluster.local.';

// Expected answers: coredns plugin/kubernetes (kubernetes.go findServices/findPods, handler.go, reverse.go),
// plugin/backend_lookup.go (SRV weights, CNAME chains), FIDELITY §6; the A/SRV/PTR/NXDOMAIN rows were also
// served over UDP to dig 9.18.49 and busybox 1.35 on this machine, which printed them as real CoreDNS replies.
const cases: [string, QueryType, string][] = [
  ['my-nginx.default.svc.cluster.local', 'A', 'NOERROR | aa | A 10.96.162.149'],
  ['MY-NGINX.default.svc.cluster.local', 'A', 'NOERROR | aa | A 10.96.162.149'],
  ['no-endpoints.default.svc.cluster.local', 'A', 'NOERROR | aa | A 10.96.77.7'],
  ['my-nginx.default.svc.cluster.local', 'AAAA', `NOERROR | aa | ${SOA}`],
  ['my-nginx.default.svc.cluster.local', 'ANY', `NOERROR | aa | ${SOA}`],
  ['my-nginx.default.svc.cluster.local', 'PTR', `NOERROR | aa | ${SOA}`],
  ['kubia-headless.default.svc.cluster.local', 'A', 'NOERROR | aa | A 10.244.1.5 | A 10.244.2.6'],
  ['empty-headless.default.svc.cluster.local', 'A', `NXDOMAIN | aa | ${SOA}`],
  ['10-244-1-5.kubia-headless.default.svc.cluster.local', 'A', 'NOERROR | aa | A 10.244.1.5'],
  ['10-244-1-7.my-nginx.default.svc.cluster.local', 'A', 'NOERROR | aa | A 10.244.1.7'],
  ['10-244-1-9.kubia-headless.default.svc.cluster.local', 'A', `NXDOMAIN | aa | ${SOA}`],
  ['web-0.nginx-sts.default.svc.cluster.local', 'A', 'NOERROR | aa | A 10.244.1.20'],
  ['external-service.default.svc.cluster.local', 'A', 'NOERROR | aa | CNAME api.somecompany.com. | A 203.0.113.50'],
  ['external-service.default.svc.cluster.local', 'CNAME', 'NOERROR | aa | CNAME api.somecompany.com.'],
  ['dangling.default.svc.cluster.local', 'A', 'NOERROR | aa | CNAME nowhere.example.org.'],
  ['alias.default.svc.cluster.local', 'A', 'NOERROR | aa | CNAME my-nginx.default.svc.cluster.local. | A 10.96.162.149'],
  ['external-service.default.svc.cluster.local', 'SRV', `NOERROR | aa | ${SOA}`],
  [
    '_http._tcp.kubia.default.svc.cluster.local',
    'SRV',
    'NOERROR | aa | SRV 0 100 80 kubia.default.svc.cluster.local. | ar:A kubia.default.svc.cluster.local. 10.96.249.153',
  ],
  [
    'kubia.default.svc.cluster.local',
    'SRV',
    'NOERROR | aa | SRV 0 50 80 kubia.default.svc.cluster.local. | SRV 0 50 443 kubia.default.svc.cluster.local. | ar:A kubia.default.svc.cluster.local. 10.96.249.153',
  ],
  [
    '_dns._udp.kube-dns.kube-system.svc.cluster.local',
    'SRV',
    'NOERROR | aa | SRV 0 100 53 kube-dns.kube-system.svc.cluster.local. | ar:A kube-dns.kube-system.svc.cluster.local. 10.96.0.10',
  ],
  [
    '_web._tcp.nginx-sts.default.svc.cluster.local',
    'SRV',
    'NOERROR | aa | SRV 0 50 80 web-0.nginx-sts.default.svc.cluster.local. | SRV 0 50 80 web-1.nginx-sts.default.svc.cluster.local. | ar:A web-0.nginx-sts.default.svc.cluster.local. 10.244.1.20 | ar:A web-1.nginx-sts.default.svc.cluster.local. 10.244.2.21',
  ],
  ['_nope._tcp.kubia.default.svc.cluster.local', 'SRV', `NXDOMAIN | aa | ${SOA}`],
  ['10-244-1-5.default.pod.cluster.local', 'A', 'NOERROR | aa | A 10.244.1.5'],
  ['1-2-3-4.default.pod.cluster.local', 'A', 'NOERROR | aa | A 1.2.3.4'],
  ['1-2-3-400.default.pod.cluster.local', 'A', `NXDOMAIN | aa | ${SOA}`],
  ['1-2-3-4.nope.pod.cluster.local', 'A', `NXDOMAIN | aa | ${SOA}`],
  ['kubia.nope.svc.cluster.local', 'A', `NXDOMAIN | aa | ${SOA}`],
  ['nosuch.default.svc.cluster.local', 'A', `NXDOMAIN | aa | ${SOA}`],
  ['nosuch.default.svc.cluster.local', 'AAAA', `NXDOMAIN | aa | ${SOA}`],
  ['default.svc.cluster.local', 'A', `NOERROR | aa | ${SOA}`],
  ['nope.svc.cluster.local', 'A', `NXDOMAIN | aa | ${SOA}`],
  ['svc.cluster.local', 'A', `NOERROR | aa | ${SOA}`],
  ['a.b.c.kubia.default.svc.cluster.local', 'A', `NXDOMAIN | aa | ${SOA}`],
  ['kubia.default.svc.cluster.local.default.svc.cluster.local', 'A', `NXDOMAIN | aa | ${SOA}`],
  ['cluster.local', 'SOA', 'NOERROR | aa | SOA ns.dns.cluster.local. hostmaster.cluster.local. 1767225600'],
  ['cluster.local', 'NS', 'NOERROR | aa | NS ns.dns.cluster.local. | ar:A ns.dns.cluster.local. 10.96.0.10'],
  ['dns-version.cluster.local', 'TXT', 'NOERROR | aa | TXT "1.1.0"'],
  ['10.0.96.10.in-addr.arpa', 'PTR', 'NOERROR | aa | PTR kube-dns.kube-system.svc.cluster.local.'],
  ['5.1.244.10.in-addr.arpa', 'PTR', 'NOERROR | aa | PTR 10-244-1-5.kubia-headless.default.svc.cluster.local.'],
  ['20.1.244.10.in-addr.arpa', 'PTR', 'NOERROR | aa | PTR web-0.nginx-sts.default.svc.cluster.local.'],
  // fallthrough in-addr.arpa: unknown addresses go to the forwarder.
  ['9.1.244.10.in-addr.arpa', 'PTR', 'NXDOMAIN | ra | ns:SOA .'],
  ['50.113.0.203.in-addr.arpa', 'PTR', 'NOERROR | ra | PTR api.somecompany.com.'],
  // Outside the zone: the forwarder knows only the declared names.
  ['api.somecompany.com', 'A', 'NOERROR | ra | A 203.0.113.50'],
  ['my-nginx', 'A', 'NXDOMAIN | ra | ns:SOA .'],
  ['www.example.com', 'A', 'NXDOMAIN | ra | ns:SOA .'],
];

describe('CoreDns answers for the kind Corefile', () => {
  const { dns } = server();
  for (const [name, type, expected] of cases) {
    it(`${type} ${name}`, () => {
      expect(summary(dns.query(name, type))).to.equal(expected);
    });
  }

  it('puts the SOA of the zone in negative answers (backend_lookup.go SOA)', () => {
    expect(dns.query('nosuch.default.svc.cluster.local', 'A').authority).to.deep.equal([
      {
        name: 'cluster.local.',
        ttl: 30,
        type: 'SOA',
        mname: 'ns.dns.cluster.local.',
        rname: 'hostmaster.cluster.local.',
        serial: 1767225600,
        refresh: 7200,
        retry: 1800,
        expire: 86400,
        minimum: 30,
      },
    ]);
  });

  it('keeps the case of the question in the owner name', () => {
    expect(dns.query('MY-NGINX.default.svc.cluster.local', 'A').answers[0].name).to.equal('MY-NGINX.default.svc.cluster.local.');
  });
});

describe('CoreDns cache 30 on the virtual clock', () => {
  it('serves a deleted service for up to 30 s, counting the TTL down, then NXDOMAIN', () => {
    const clock = new VirtualClock();
    const { dns, api } = server(clock);
    const name = 'my-nginx.default.svc.cluster.local';
    expect(dns.query(name, 'A').answers[0].ttl).to.equal(30);
    clock.advance(2_000);
    api.remove('Service', 'default', 'my-nginx');
    clock.advance(10_500);
    const stale = dns.query(name, 'A');
    expect(summary(stale)).to.equal('NOERROR | aa | A 10.96.162.149');
    expect(stale.answers[0].ttl).to.equal(18);
    clock.advance(17_500);
    const fresh = dns.query(name, 'A');
    expect(fresh.rcode).to.equal('NXDOMAIN');
    // The serial is the Unix time of the last Service change (controller.go Modified).
    expect(fresh.authority[0].type === 'SOA' && fresh.authority[0].serial).to.equal(1767225602);
  });

  it('marks cached forwarded answers authoritative (cache item.go toMsg)', () => {
    const clock = new VirtualClock();
    const { dns } = server(clock);
    expect(dns.query('api.somecompany.com', 'A').authoritative).to.equal(false);
    clock.advance(1000);
    const cached = dns.query('api.somecompany.com', 'A');
    expect([cached.authoritative, cached.answers[0].ttl]).to.deep.equal([true, 29]);
  });
});
