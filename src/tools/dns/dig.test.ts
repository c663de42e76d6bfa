import { describe, it } from 'node:test';
import { expect } from 'chai';
import { dig } from './dig.ts';
import { host } from './host.ts';
import { podDnsEnvironment, programContext } from './testing-env.ts';

const dig918 = dig(podDnsEnvironment(), { version: '9.18', banner: '9.18.49-1~deb12u3-Debian' });
const host918 = host(podDnsEnvironment(), '9.18');

async function run(program: typeof dig918, line: string) {
  const result = await program(programContext(line.split(' ')));
  return { out: result.stdout, code: result.exitCode };
}

/** Hides what changes from run to run in real dig output: the message id and the cookie. */
function normalise(text: string): string {
  return text.replace(/id: \d+/, 'id: ID').replace(/COOKIE: [0-9a-f]{16}/, 'COOKIE: X');
}

// Goldens printed by dig and host 9.18.49 on this machine against these answers served over UDP
// (server 127.0.0.10 there, 10.96.0.10 here; WHEN shows the virtual clock's epoch).
describe('dig 9.18', () => {
  it('full output for a ClusterIP service', async () => {
    const r = await run(dig918, 'dig my-nginx.default.svc.cluster.local');
    expect(normalise(r.out)).to.equal(
      [
        '',
        '; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> my-nginx.default.svc.cluster.local',
        ';; global options: +cmd',
        ';; Got answer:',
        ';; WARNING: .local is reserved for Multicast DNS',
        ';; You are currently testing what happens when an mDNS query is leaked to DNS',
        ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: ID',
        ';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1',
        ';; WARNING: recursion requested but not available',
        '',
        ';; OPT PSEUDOSECTION:',
        '; EDNS: version: 0, flags:; udp: 1232',
        '; COOKIE: X (echoed)',
        ';; QUESTION SECTION:',
        ';my-nginx.default.svc.cluster.local. IN\tA',
        '',
        ';; ANSWER SECTION:',
        'my-nginx.default.svc.cluster.local. 30 IN A\t10.96.162.149',
        '',
        ';; Query time: 0 msec',
        ';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)',
        ';; WHEN: Thu Jan 01 00:00:00 UTC 2026',
        ';; MSG SIZE  rcvd: 125',
        '',
        '',
      ].join('\n'),
    );
  });

  it('NXDOMAIN with the zone SOA in the authority section, exit 0', async () => {
    const r = await run(dig918, 'dig nosuch.default.svc.cluster.local');
    expect(r.code).to.equal(0);
    expect(r.out).to.contain(';; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: ');
    expect(r.out).to.contain(
      ';; AUTHORITY SECTION:\ncluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1767225600 7200 1800 86400 30\n\n',
    );
    expect(r.out).to.contain(';; MSG SIZE  rcvd: 166\n');
  });

  // The cross-check's fault: +authority after +noall was dropped (cross-checks/testdata/dig-noall-nxdomain.txt).
  it('+noall +answer +authority prints the SOA of a NODATA and an NXDOMAIN reply', async () => {
    const soa = 'cluster.local.\t\t30\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. 1767225600 7200 1800 86400 30\n';
    expect(await run(dig918, 'dig +noall +answer +authority my-nginx.default.svc.cluster.local AAAA')).to.deep.equal({ out: soa, code: 0 });
    expect(await run(dig918, 'dig +noall +answer +authority nosuch.default.svc.cluster.local')).to.deep.equal({ out: soa, code: 0 });
    expect(await run(dig918, 'dig +noall +answer my-nginx.default.svc.cluster.local AAAA')).to.deep.equal({ out: '', code: 0 });
  });

  it('SRV of a headless service with its additional section', async () => {
    const r = await run(dig918, 'dig -t srv kubia-headless.default.svc.cluster.local');
    expect(r.out).to.contain(
      ';kubia-headless.default.svc.cluster.local. IN SRV\n\n;; ANSWER SECTION:\n' +
        'kubia-headless.default.svc.cluster.local. 30 IN\tSRV 0 50 8080 10-244-1-5.kubia-headless.default.svc.cluster.local.\n' +
        'kubia-headless.default.svc.cluster.local. 30 IN\tSRV 0 50 8080 10-244-2-6.kubia-headless.default.svc.cluster.local.\n\n' +
        ';; ADDITIONAL SECTION:\n10-244-1-5.kubia-headless.default.svc.cluster.local. 30\tIN A 10.244.1.5\n' +
        '10-244-2-6.kubia-headless.default.svc.cluster.local. 30\tIN A 10.244.2.6\n\n',
    );
    expect(r.out).to.contain(';; flags: qr aa rd; QUERY: 1, ANSWER: 2, AUTHORITY: 0, ADDITIONAL: 3\n');
    expect(r.out).to.contain(';; MSG SIZE  rcvd: 437\n');
  });

  it('a single-label name without +search goes to the forwarder: NXDOMAIN with ra', async () => {
    const r = await run(dig918, 'dig my-nginx');
    expect(r.out).to.contain(';; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1\n\n;; OPT PSEUDOSECTION:');
    expect(r.out).to.contain(';my-nginx.\t\t\tIN\tA\n');
    expect(r.out).to.contain(';; MSG SIZE  rcvd: 124\n');
  });

  const short: [string, string][] = [
    ['dig +short kubia-headless.default.svc.cluster.local', '10.244.1.5\n10.244.2.6\n'],
    ['dig +short external-service.default.svc.cluster.local', 'api.somecompany.com.\n203.0.113.50\n'],
    ['dig +short SRV _http._tcp.kubia.default.svc.cluster.local', '0 100 80 kubia.default.svc.cluster.local.\n'],
    ['dig +short -x 10.96.0.10', 'kube-dns.kube-system.svc.cluster.local.\n'],
    ['dig +short +search my-nginx', '10.96.162.149\n'],
    ['dig +short nosuch.default.svc.cluster.local', ''],
  ];
  for (const [line, expected] of short) {
    it(line, async () => {
      expect((await run(dig918, line)).out).to.equal(expected);
    });
  }

  it('no reply: communications errors, then exit 9', async () => {
    const silent = dig(podDnsEnvironment({ query: () => 'timeout' }), { version: '9.18', banner: '9.18.49-1~deb12u3-Debian' });
    const r = await run(silent, 'dig drop.example.com');
    expect(r).to.deep.equal({
      out:
        ';; communications error to 10.96.0.10#53: timed out\n'.repeat(3) +
        '\n; <<>> DiG 9.18.49-1~deb12u3-Debian <<>> drop.example.com\n;; global options: +cmd\n;; no servers could be reached\n',
      code: 9,
    });
  });
});

describe('host 9.18', () => {
  const cases: [string, string, number][] = [
    ['host my-nginx', 'my-nginx.default.svc.cluster.local has address 10.96.162.149\n', 0],
    ['host nosuch', 'Host nosuch not found: 3(NXDOMAIN)\n', 1],
    ['host 10.96.0.10', '10.0.96.10.in-addr.arpa domain name pointer kube-dns.kube-system.svc.cluster.local.\n', 0],
    [
      'host -t srv kubia',
      'kubia.default.svc.cluster.local has SRV record 0 50 80 kubia.default.svc.cluster.local.\nkubia.default.svc.cluster.local has SRV record 0 50 443 kubia.default.svc.cluster.local.\n',
      0,
    ],
    ['host kubia-headless', 'kubia-headless.default.svc.cluster.local has address 10.244.1.5\nkubia-headless.default.svc.cluster.local has address 10.244.2.6\n', 0],
    ['host external-service', 'external-service.default.svc.cluster.local is an alias for api.somecompany.com.\napi.somecompany.com has address 203.0.113.50\n', 0],
    ['host -t aaaa my-nginx', 'my-nginx.default.svc.cluster.local has no AAAA record\n', 0],
  ];
  for (const [line, expected, code] of cases) {
    it(line, async () => {
      expect(await run(host918, line)).to.deep.equal({ out: expected, code });
    });
  }
});
